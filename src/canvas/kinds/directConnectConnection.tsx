import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const directConnectConnectionView: KindView<'directConnectConnection'> = {
  node: card(ICONS.directConnect, ACCENT.hybrid),
  icon: ICONS.directConnect,
  palette: [{ group: 'Hybrid', id: 'dx', label: 'Direct Connect', hint: 'Needs a VGW' }],
  edges: [
    { field: 'vpnGatewayId', role: 'link', direction: 'in' },
    { field: 'onPremisesNetworkId', role: 'link', direction: 'out' },
  ],
  band: 'bottom',
  facts: (_, link, facts) => void facts.lines.push(`${link.bandwidth} · ${link.location}`),
};
