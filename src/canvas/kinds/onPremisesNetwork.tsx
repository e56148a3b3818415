import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const onPremisesNetworkView: KindView<'onPremisesNetwork'> = {
  node: card(ICONS.corporate, ACCENT.hybrid),
  icon: ICONS.corporate,
  palette: [{ group: 'Hybrid', id: 'onprem', label: 'On-premises network', hint: 'Drop on the canvas' }],
  band: 'bottom',
  facts: (_, network, facts) => void facts.lines.push(network.cidrs.join(', ')),
};
