import { getResource } from '../../domain';
import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

/** A peering is drawn as a small card on the link between its two VPCs (an edge to each). */
export const vpcPeeringConnectionView: KindView<'vpcPeeringConnection'> = {
  node: card(ICONS.peering, ACCENT.network),
  icon: ICONS.peering,
  palette: [
    {
      group: 'Networking',
      id: 'peering',
      label: 'VPC peering',
      hint: 'Or connect one VPC to another',
    },
  ],
  edges: [
    { field: 'requesterVpcId', role: 'link', direction: 'in' },
    { field: 'accepterVpcId', role: 'link', direction: 'out' },
  ],
  band: 'bottom',
  facts(design, peering, facts) {
    const a = getResource(design, peering.requesterVpcId, 'vpc');
    const b = getResource(design, peering.accepterVpcId, 'vpc');
    facts.lines.push(`${a?.cidr ?? '?'} ↔ ${b?.cidr ?? '?'} · ${peering.status}`);
  },
};
