import { getResource } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const natGatewayView: KindView<'natGateway'> = {
  node: card(ICONS.nat, ACCENT.network),
  icon: ICONS.nat,
  palette: [{ group: 'Networking', id: 'nat', label: 'NAT gateway', hint: 'Drop in a public subnet' }],
  band: 'main',
  facts(design, nat, facts) {
    const eip = getResource(design, nat.elasticIpId, 'elasticIp');
    facts.lines.push(`${nat.privateIp}${eip ? ` · ${eip.publicIp}` : ' · no Elastic IP'}`);
  },
};
