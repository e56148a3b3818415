import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const customerGatewayView: KindView<'customerGateway'> = {
  node: card(ICONS.cgw, ACCENT.hybrid),
  icon: ICONS.cgw,
  palette: [{ group: 'Hybrid', id: 'cgw', label: 'Customer gateway', hint: 'Drop on the canvas' }],
  edges: [{ field: 'onPremisesNetworkId', role: 'link', direction: 'out' }],
  band: 'bottom',
  facts: (_, gateway, facts) => void facts.lines.push(`${gateway.ipAddress} · ASN ${gateway.bgpAsn}`),
};
