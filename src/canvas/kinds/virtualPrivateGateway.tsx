import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const virtualPrivateGatewayView: KindView<'virtualPrivateGateway'> = {
  node: card(ICONS.vgw, ACCENT.hybrid),
  icon: ICONS.vgw,
  palette: [{ group: 'Hybrid', id: 'vgw', label: 'Virtual private gateway', hint: 'Drop in a VPC' }],
  band: 'top',
  facts: (_, gateway, facts) => void facts.lines.push(gateway.vpcId ? 'attached' : 'detached'),
};
