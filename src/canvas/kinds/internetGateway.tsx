import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const internetGatewayView: KindView<'internetGateway'> = {
  node: card(ICONS.igw, ACCENT.network),
  icon: ICONS.igw,
  palette: [{ group: 'Networking', id: 'igw', label: 'Internet gateway', hint: 'Drop in a VPC' }],
  band: 'top',
  facts: (_, gateway, facts) => void facts.lines.push(gateway.vpcId ? 'attached' : 'detached'),
};
