import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const elasticIpView: KindView<'elasticIp'> = {
  node: card(ICONS.eip, ACCENT.network),
  icon: ICONS.eip,
  palette: [{ group: 'Networking', id: 'eip', label: 'Elastic IP', hint: 'Drop in a Region' }],
  band: 'bottom',
  facts: (_, address, facts) => void facts.lines.push(address.publicIp),
};
