import { getResource, peerVpcOf } from '../../domain';
import { formatIpv4 } from '../../net';
import { addressOf } from './context';
import { currentSubnet, enteredVpcBy, firstUse, groupReferencesLost, inVpcCidrs } from './crossing';
import { endpointLabel, type Interface } from './endpoints';
import { enterSubnet, handOver, returnFrom, type Misroute } from './steps';
import type { HandOverTarget } from './targets';
import type { HopInput } from './trace';

/**
 * A VPC peering connection as a route target. It carries a packet only from
 * an address in one VPC to an address in the other: it is not transitive (A–B
 * and B–C peered give A no path to C) and allows no edge-to-edge routing (B
 * can't use A's internet gateway, NAT gateway, VPN or gateway endpoints).
 * Replies follow the replying VPC's own route table, which must send them back
 * over the same peering.
 * Sources: Amazon VPC Peering Guide, "VPC peering basics" and "VPC peering
 * limitations" (docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html);
 * Reachability Analyzer explanation code PCX_REQUIRES_ADDRESS_IN_VPC_CIDR.
 */

const ip = formatIpv4;

const hop = (id: string, component: string, explanation: string): HopInput => ({
  step: 'handOver',
  component,
  id,
  rule: null,
  explanation,
});

export const vpcPeering: HandOverTarget = {
  // Whether it leads there depends on where the packet is; `forward` says why not, with the peering's own code.
  leadsTo: () => true,
  forward(ctx, pcxId) {
    const { design, forward: fwd, back } = ctx;
    const pcx = getResource(design, pcxId, 'vpcPeeringConnection');
    const here = currentSubnet(ctx);
    if (!pcx || !here)
      return fwd.fail(hop(pcxId, 'VPC peering', 'The peering connection does not exist.'), 'CANNOT_ROUTE');
    const component = `${pcx.name} (VPC peering)`;
    const peerId = peerVpcOf(pcx, here.vpcId);
    const peer = getResource(design, peerId, 'vpc');
    const from = getResource(design, here.vpcId, 'vpc');
    if (!peerId || !peer || !from)
      return fwd.fail(hop(pcx.id, component, `${pcx.name} does not join ${here.name}'s VPC.`), 'CANNOT_ROUTE');
    if (!firstUse(ctx, pcx.id))
      return fwd.fail(hop(pcx.id, component, `The packet comes back to ${pcx.name}: a routing loop.`), 'CANNOT_ROUTE');
    if (pcx.status !== 'active')
      return fwd.fail(
        hop(pcx.id, component, `${pcx.name} is ${pcx.status}; a peering carries traffic only once it is active.`),
        'BAD_STATE',
      );
    const dst = ctx.destination;
    // The address in the packet decides (a public address is not in the peer's range, even if the instance is).
    const toward = ctx.sentTo;
    // No edge-to-edge: the peer's gateways, NAT devices and links are not reachable through the peering.
    if (dst.kind !== 'interface' || !inVpcCidrs(ctx, peer.id, toward))
      return fwd.fail(
        hop(
          pcx.id,
          component,
          `${pcx.name} carries only traffic to addresses in ${peer.name} (${[peer.cidr, ...peer.secondaryCidrs].join(', ')}); ${ip(toward)} is not one of them. Peering has no edge-to-edge routing: ${from.name} can't use ${peer.name}'s internet gateway, NAT gateway, VPN or Direct Connect.`,
        ),
        'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
      );
    if (!inVpcCidrs(ctx, from.id, fwd.packet.srcIp))
      return fwd.fail(
        hop(
          pcx.id,
          component,
          `${pcx.name} carries only traffic from addresses in ${from.name}; the packet's source ${fwd.packet.srcIp} is not one (peering is not transitive).`,
        ),
        'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
      );
    const eni = dst as Interface;
    if (eni.subnet.vpcId !== peer.id)
      return fwd.fail(
        hop(
          pcx.id,
          component,
          `${pcx.name} delivers into ${peer.name}, but ${endpointLabel(dst)} is in another VPC. Peering is not transitive: a VPC peered with both can't pass traffic between them.`,
        ),
        'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
      );
    handOver(fwd, hop(pcx.id, component, `${pcx.name} carries the packet from ${from.name} to ${peer.name}.`));
    ctx.retrace.push(() =>
      handOver(back, hop(pcx.id, component, `The response returns over ${pcx.name} to ${from.name}.`)),
    );
    // In the peer VPC the packet is delivered by the local route to the destination's subnet.
    enteredVpcBy(ctx, pcx.id);
    if (from.regionId !== peer.regionId) groupReferencesLost(ctx);
    enterSubnet(fwd, eni.subnet, ctx.request, addressOf(ctx.source));
    ctx.retrace.push(() => returnFrom(ctx, eni.subnet, pcx.id, notBackOver(pcx.name)));
  },
};

/** The response's route in the destination's subnet must send it back over the same peering. */
const notBackOver =
  (name: string): Misroute =>
  (ctx, match) => {
    const { subnet } = ctx.destination as Interface;
    const via =
      match.target === 'local'
        ? 'local'
        : (getResource(ctx.design, match.target, 'vpcPeeringConnection')?.name ?? match.target);
    return {
      hop: {
        step: 'route',
        component: `route table of ${subnet.name}`,
        id: match.target,
        subnetId: subnet.id,
        rule: null,
        explanation: `The response to ${ip(addressOf(ctx.source))} is routed to ${via}, not back over ${name}; the replying VPC's route table needs a route to the peer's CIDR through the same peering.`,
      },
      code: 'NO_ROUTE_TO_DESTINATION',
    };
  };
