import { resourceById } from '../../domain';
import { formatIpv4 } from '../../net';
import { turnAround, type PathContext } from './context';
import { endpointLabel, type Interface } from './endpoints';
import { arriveAtInterface, arriveOutside, enterSubnet, leaveInterface, type Misroute } from './steps';
import { enterThroughClientVpn } from './clientVpn';
import { arriveFromOutside, ENTRANCES, handOverTarget, type Travel } from './targets';

/**
 * The path search: strings the generic steps together from the source to the
 * destination, following each route to its target, then runs the return leg
 * by retracing the forward steps in reverse.
 */

const ip = formatIpv4;

/** From a subnet: its ACL outbound, its route for the destination, and whatever the route's target does. */
const travel: Travel = (ctx, subnet, misroute) => {
  const { forward: fwd } = ctx;
  // AWS routes on the address in the packet: a public address follows the table's route for it, not `local`.
  // Source: Amazon VPC User Guide, "Route tables" (route priority: the most specific route for the destination).
  const toward = ctx.sentTo;
  fwd.nacl(subnet, 'outbound', ctx.request, toward);
  ctx.retrace.push(() => enterSubnet(ctx.back, subnet, ctx.response, toward));
  const match = fwd.route(subnet, toward);
  if (!fwd.ok || !match) return;
  const target = handOverTarget(ctx.design, match.target);
  if (!target?.leadsTo(ctx)) {
    const { hop, code } = misroute(ctx, match);
    return fwd.fail(hop, code);
  }
  target.forward(ctx, match.target, travel);
};

/** A route out of the source's subnet to somewhere that does not lead to the destination. */
const misrouteFromSource: Misroute = (ctx, match) => {
  const dst = ctx.destination;
  const via = resourceById(ctx.design, match.target)?.name ?? match.target;
  const from = (ctx.source as Interface).subnet;
  const where = { component: `route table of ${from.name}`, id: match.target, subnetId: from.id, rule: null };
  if (dst.kind === 'interface' && ctx.toPublic)
    return {
      hop: {
        step: 'route',
        ...where,
        explanation: `${ip(ctx.sentTo)} is ${dst.name}'s public address, and the route for it sends the packet to ${via}, which does not lead to the internet: a public address is reached only through an internet gateway (directly or by a NAT gateway), so the packet never gets to ${dst.name}.`,
      },
      code: 'NO_ROUTE_TO_DESTINATION',
    };
  if (dst.kind === 'interface' && dst.subnet.vpcId !== from.vpcId)
    return {
      hop: {
        step: 'route',
        ...where,
        explanation:
          match.target === 'local'
            ? `The most specific route for ${ip(dst.privateIp)} is local, but ${dst.name} is in another VPC: only a VPC peering or a transit gateway joins two VPCs, and this VPC's own range covers the address.`
            : `${dst.name} is in another VPC, and the route sends ${ip(dst.privateIp)} to ${via}, which does not join the two VPCs; a VPC peering or a transit gateway would.`,
      },
      code: 'NO_ROUTE_TO_DESTINATION',
    };
  return dst.kind === 'interface'
    ? {
        hop: {
          step: 'route',
          ...where,
          explanation: `The route sends ${ip(dst.privateIp)} to ${via} instead of delivering it in the VPC; Nimbus follows local delivery and gateways only.`,
        },
        code: 'CANNOT_ROUTE',
      }
    : {
        hop: {
          step: 'route',
          ...where,
          explanation: `The route sends ${ip(dst.address)} to ${via}, which does not lead to ${endpointLabel(dst)}.`,
        },
        code: 'NO_ROUTE_TO_DESTINATION',
      };
};

/**
 * What the destination refuses before any step: an interface nothing can
 * connect to. A destination in another VPC is searched like any other: a
 * peering or a transit gateway may lead there (`peering.ts`, `transitGateway.ts`).
 */
function admitted(ctx: PathContext): boolean {
  const { source: src, destination: dst, forward: fwd } = ctx;
  // An interface endpoint only answers: it starts no connections (Reachability Analyzer, VPCE_INTRA_VPC_TRAFFIC).
  if (src.kind === 'interface' && src.ownerKind === 'dbInstance') {
    fwd.fail(
      {
        step: 'state',
        component: src.name,
        id: src.ownerId,
        rule: null,
        explanation: `${src.name} is an RDS database: Nimbus has it answer connections, not start them.`,
      },
      'CANNOT_ROUTE',
    );
    return false;
  }
  if (src.kind === 'interface' && src.ownerKind === 'vpcEndpoint') {
    fwd.fail(
      {
        step: 'state',
        component: src.name,
        id: src.ownerId,
        rule: null,
        explanation: `${src.name} is an interface endpoint; it answers connections but starts none.`,
      },
      'CANNOT_ROUTE',
    );
    return false;
  }
  if (dst.kind !== 'interface') return true;
  if (src.kind === 'onPremises' && ctx.toPublic) {
    fwd.fail(
      {
        step: 'route',
        component: src.network.name,
        id: src.network.id,
        rule: null,
        explanation: `${ip(ctx.sentTo)} is ${dst.name}'s public address; Nimbus carries on-premises traffic over VPN and Direct Connect links to private addresses only (a simplification: over the internet it would be the internet's path).`,
      },
      'CANNOT_ROUTE',
    );
    return false;
  }
  if (
    dst.ownerKind === 'ec2Instance' ||
    dst.ownerKind === 'vpcEndpoint' ||
    dst.ownerKind === 'subnetHost' ||
    dst.ownerKind === 'loadBalancer' ||
    dst.ownerKind === 'dbInstance'
  )
    return true;
  const fromOutside = src.kind === 'internet' || ctx.toPublic;
  // NAT gateways: "cannot be used to initiate a connection into" the private network (Amazon VPC User Guide, "NAT gateways").
  const why =
    dst.ownerKind === 'natGateway' && fromOutside
      ? `${dst.name} accepts no connection started from outside${ctx.toPublic ? `, not even at its Elastic IP ${ip(ctx.sentTo)}` : ''}: NAT gateways are for outbound traffic only, and the internet can't start a connection through one.`
      : src.kind === 'interface'
        ? `${dst.name} accepts no connections on its interface${dst.ownerKind === 'natGateway' ? ': a NAT gateway only forwards traffic that private instances route to it' : ''}.`
        : `${dst.name}'s VPC interfaces only carry the function's outbound traffic; nothing can connect to them.`;
  fwd.fail({ step: 'arrive', component: dst.name, id: dst.ownerId, rule: null, explanation: why }, 'CANNOT_ROUTE');
  return false;
}

/** Walks the request to the destination and, when it arrives, the response back. */
export function searchPath(ctx: PathContext): void {
  const { source: src, destination: dst, forward: fwd, back } = ctx;
  if (src.kind === 'interface') fwd.state(src, 'source');
  if (!admitted(ctx)) return;
  if (src.kind === 'interface' && src.clientVpn && !enterThroughClientVpn(ctx, src)) return;
  if (src.kind === 'interface') {
    leaveInterface(ctx, src);
    if (dst.kind === 'interface' && !ctx.toPublic && dst.subnet.id === src.subnet.id) fwd.sameSubnet(src.subnet);
    else travel(ctx, src.subnet, misrouteFromSource);
  } else if (dst.kind === 'interface') {
    const wayIn = ENTRANCES[src.kind](ctx, dst);
    if (wayIn === null) return;
    arriveFromOutside(ctx, dst, wayIn);
  }
  if (!fwd.ok) return;
  if (dst.kind === 'interface') arriveAtInterface(ctx, dst);
  else arriveOutside(ctx, dst);
  if (!fwd.ok) return;
  back.packet = turnAround(fwd.packet);
  back.subnetId = dst.kind === 'interface' ? dst.subnet.id : null;
  for (let i = ctx.retrace.length - 1; i >= 0; i--) ctx.retrace[i]!();
}
