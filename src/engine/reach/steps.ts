import type { Subnet } from '../../domain';
import { formatIpv4 } from '../../net';
import { sourceSeenAt, type PathContext } from './context';
import { endpointLabel, type Endpoint, type Interface } from './endpoints';
import type { Packet, SgPeer } from './ruleEvaluate';
import type { RouteMatch } from './routeLookup';
import type { BlockCode, HopInput, Trace, Translation } from './trace';
import { arrivalPeer } from './crossing';

/**
 * The generic forwarding steps every entity is lowered to. Each forward step
 * that the response crosses again pushes its return steps onto
 * `ctx.retrace`, so the return leg needs no path shapes of its own.
 */

const ip = formatIpv4;

/** How a security group sees the other end: its private address and groups inside the VPC, its address outside. */
export const sgPeer = (endpoint: Endpoint): SgPeer =>
  endpoint.kind === 'interface'
    ? { address: endpoint.privateIp, groupIds: endpoint.groupIds }
    : { address: endpoint.address, groupIds: [] };

/** The hop's translation, when the step made one (kept off the hop otherwise). */
export const withTranslation = (translation: Translation | undefined) => (translation ? { translation } : {});

/** A route whose target does not lead toward the destination: the drop hop and its code. */
export type Misroute = (ctx: PathContext, match: RouteMatch) => { hop: HopInput; code: BlockCode };

/** The packet leaves its source interface: the source's security groups filter it; the response is let back in. */
export function leaveInterface(ctx: PathContext, eni: Interface): void {
  ctx.forward.subnetId = eni.subnet.id;
  // Sent to a public address, the packet is for a public destination: no group reference matches it.
  const peer = ctx.toPublic ? { address: ctx.sentTo, groupIds: [] } : sgPeer(ctx.destination);
  ctx.forward.securityGroups(eni, 'outbound', ctx.request, peer, endpointLabel(ctx.destination));
  ctx.retrace.push(() => ctx.back.statefulReturn(eni));
}

/** The packet reaches its destination interface: its security groups filter it and the instance must be running. */
export function arriveAtInterface(ctx: PathContext, eni: Interface): void {
  // A packet whose source a NAT or internet gateway translated arrives from a public address, without its groups:
  // security-group references match private addresses only (Amazon VPC User Guide, "Security group rules").
  // Otherwise, across a peering or through an appliance, `arrivalPeer` says which groups still count.
  const translated = ctx.forward.sourceTranslated;
  const peer = translated ? { address: sourceSeenAt(ctx), groupIds: [] } : arrivalPeer(ctx);
  const label = translated
    ? `${ip(peer.address)} (${endpointLabel(ctx.source)}, translated to a public address)`
    : endpointLabel(ctx.source);
  ctx.forward.securityGroups(eni, 'inbound', ctx.request, peer, label);
  ctx.forward.state(eni, 'destination');
  ctx.retrace.push(() => ctx.back.statefulReturn(eni));
}

/** The packet reaches the network outside the VPC it was handed to. */
export function arriveOutside(ctx: PathContext, endpoint: Exclude<Endpoint, Interface>): void {
  const onPremises = endpoint.kind === 'onPremises';
  const service = endpoint.kind === 'internet' ? endpoint.service : undefined;
  ctx.forward.pass({
    step: 'arrive',
    component: onPremises ? endpoint.network.name : (service?.name ?? 'internet'),
    id: onPremises ? endpoint.network.id : (service?.prefixListId ?? 'internet'),
    decision: 'allow',
    rule: null,
    explanation: `The packet reaches ${ip(endpoint.address)}${onPremises ? ' on premises' : service ? ` (${service.name})` : ''}.`,
  });
}

/** Crossing into a subnet: its ACL filters the packet, unless the packet is already inside it. */
export function enterSubnet(leg: Trace, subnet: Subnet, packet: Packet, peer: number): void {
  if (leg.subnetId !== subnet.id) leg.nacl(subnet, 'inbound', packet, peer);
  leg.subnetId = subnet.id;
}

/** Hands the packet to the next network (a gateway or a link): it is no longer in any subnet. */
export function handOver(leg: Trace, hop: HopInput): void {
  leg.pass(hop);
  leg.subnetId = null;
}

/**
 * The response leaves the subnet the request entered: the subnet's ACL
 * filters it, and its route table must send it back the way the request came
 * in (`wayIn`: `local` or a gateway id).
 */
export function returnFrom(ctx: PathContext, subnet: Subnet, wayIn: string, misroute: Misroute): void {
  const peer = sourceSeenAt(ctx);
  ctx.back.nacl(subnet, 'outbound', ctx.response, peer);
  // A Network Load Balancer keeps the client's address, yet the target's response goes back through the load
  // balancer whatever the target's routes say (NLB guide, "Client IP preservation"): no route lookup to the client.
  if (ctx.source.kind === 'interface' && ctx.source.ownerKind === 'loadBalancer') return;
  const match = ctx.back.route(subnet, peer);
  if (!ctx.back.ok || !match || match.target === wayIn) return;
  const { hop, code } = misroute(ctx, match);
  ctx.back.fail(hop, code);
}
