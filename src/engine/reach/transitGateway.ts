import {
  getResource,
  resourcesOfKind,
  type Design,
  type Subnet,
  type TgwRouteTable,
  type TransitGateway,
  type TransitGatewayAttachment,
} from '../../domain';
import { containsAddress, formatIpv4, parseCidr, type Cidr } from '../../net';
import { addressOf, zoneIsDown, type PathContext } from './context';
import {
  currentSubnet,
  enteredVpcBy,
  firstUse,
  groupReferencesLost,
  replyRerouted,
  replyTookAnotherWay,
} from './crossing';
import { designIndex } from '../designIndex';
import { routeTableForSubnet } from '../topology';
import { lookupRoute } from './routeLookup';
import { endpointLabel, type Interface, type OnPremisesHost } from './endpoints';
import { enterSubnet, handOver } from './steps';
import type { HandOverTarget } from './targets';
import type { HopInput } from './trace';

/**
 * A transit gateway as a route target. The packet reaches it through the
 * source VPC's attachment, and only from an Availability Zone where that
 * attachment has a subnet; the attachment's associated transit gateway route
 * table decides where it goes (longest prefix; a static route beats a
 * propagated one of the same prefix; a blackhole drops); in the destination
 * VPC the packet leaves the attachment's subnet (the one in the same zone
 * when there is one) and that subnet's route table takes it on. The response
 * is looked up in the table the destination's attachment is associated with.
 * Sources: Amazon VPC Transit Gateways, "How transit gateways work",
 * "Transit gateway VPC attachments", "Transit gateway route tables"
 * (docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html); Reachability
 * Analyzer code TGW_ROUTE_AZ_RESTRICTION. Simplified: the network ACL of the
 * source VPC's attachment subnet is not evaluated, appliance mode is not modelled.
 */

const ip = formatIpv4;

export interface TgwRouteMatch {
  destination: string;
  /** The attachment the route sends to; null for a blackhole. */
  attachmentId: string | null;
  origin: 'static' | 'propagated';
}

interface Candidate {
  block: Cidr;
  attachmentId: string | null;
  origin: 'static' | 'propagated';
}

/** The CIDRs an attachment propagates: its VPC's blocks, or the on-premises network behind its VPN. */
export function propagatedCidrs(design: Design, attachment: TransitGatewayAttachment): string[] {
  if (attachment.type === 'vpc') {
    const vpc = getResource(design, attachment.vpcId, 'vpc');
    return vpc ? [vpc.cidr, ...vpc.secondaryCidrs] : [];
  }
  const cgw = getResource(design, attachment.customerGatewayId, 'customerGateway');
  return getResource(design, cgw?.onPremisesNetworkId, 'onPremisesNetwork')?.cidrs ?? [];
}

export function attachmentsOf(design: Design, tgwId: string): readonly TransitGatewayAttachment[] {
  return designIndex(design).attachmentsOf(tgwId);
}

/** Longest-prefix match in one transit gateway route table, static before propagated. */
export function lookupTgwRoute(
  design: Design,
  tgw: TransitGateway,
  table: TgwRouteTable,
  address: number,
): TgwRouteMatch | null {
  let best: Candidate | null = null;
  const consider = (c: Candidate) => {
    if (!containsAddress(c.block, address)) return;
    if (
      !best ||
      c.block.prefix > best.block.prefix ||
      (c.block.prefix === best.block.prefix && best.origin === 'propagated' && c.origin === 'static')
    )
      best = c;
  };
  for (const route of table.routes) {
    const block = parseCidr(route.destination);
    if (block.ok) consider({ block: block.value, attachmentId: route.attachmentId, origin: 'static' });
  }
  for (const attachment of attachmentsOf(design, tgw.id)) {
    if (attachment.state !== 'available' || !attachment.propagatedRouteTableIds.includes(table.id)) continue;
    for (const text of propagatedCidrs(design, attachment)) {
      const block = parseCidr(text);
      if (block.ok) consider({ block: block.value, attachmentId: attachment.id, origin: 'propagated' });
    }
  }
  const match = best as Candidate | null;
  return match ? { destination: match.block.text, attachmentId: match.attachmentId, origin: match.origin } : null;
}

const tgwHop = (tgw: TransitGateway, explanation: string, rule: string | null = null): HopInput => ({
  step: 'handOver',
  component: `${tgw.name} (transit gateway)`,
  id: tgw.id,
  rule,
  explanation,
});

/**
 * The attachment's subnet in a zone, or (when it has none there) its first
 * one; a subnet in a zone that is down is skipped (its attachment interface
 * carries nothing).
 */
function subnetIn(
  design: Design,
  attachment: TransitGatewayAttachment,
  azId: string | null,
  options: PathContext['options'],
): Subnet | undefined {
  const subnets = attachment.subnetIds
    .flatMap((id) => getResource(design, id, 'subnet') ?? [])
    .filter((s) => !zoneIsDown(options, s.azId));
  return subnets.find((s) => s.azId === azId) ?? subnets[0];
}

/** One gateway the packet crossed: the attachment it arrived by, the one it left by, the table and route that chose. */
interface Leg {
  tgw: TransitGateway;
  arrivedBy: TransitGatewayAttachment;
  leftBy: TransitGatewayAttachment;
  table: TgwRouteTable;
  match: TgwRouteMatch;
}

/** A peering attachment belongs to both gateways; the others to one. */
const onGateway = (a: TransitGatewayAttachment, tgwId: string) =>
  a.transitGatewayId === tgwId || (a.type === 'peering' && a.peerTransitGatewayId === tgwId);
/** The table an attachment is associated with on one gateway (a peering attachment has one on each side). */
const associationOn = (a: TransitGatewayAttachment, tgwId: string) =>
  a.type === 'peering' && a.transitGatewayId !== tgwId ? a.peerAssociatedRouteTableId : a.associatedRouteTableId;
const otherSide = (a: TransitGatewayAttachment, tgwId: string) =>
  a.transitGatewayId === tgwId ? a.peerTransitGatewayId : a.transitGatewayId;

const routeWords = (table: TgwRouteTable, match: TgwRouteMatch, target: string) =>
  `${table.name}: ${match.destination} → ${target}${match.origin === 'propagated' ? ' (propagated)' : ''}`;

export const transitGateway: HandOverTarget = {
  leadsTo: () => true,
  forward(ctx, tgwId, travel) {
    const { design, forward: fwd, back } = ctx;
    const tgw = getResource(design, tgwId, 'transitGateway');
    const here = currentSubnet(ctx);
    if (!tgw || !here)
      return fwd.fail(
        {
          step: 'handOver',
          component: 'transit gateway',
          id: tgwId,
          rule: null,
          explanation: 'The transit gateway does not exist.',
        },
        'CANNOT_ROUTE',
      );
    if (!firstUse(ctx, tgw.id))
      return fwd.fail(tgwHop(tgw, `The packet comes back to ${tgw.name}: a routing loop.`), 'CANNOT_ROUTE');
    const from = attachmentsOf(design, tgw.id).find(
      (a) => a.type === 'vpc' && a.vpcId === here.vpcId && a.state === 'available',
    );
    if (!from)
      return fwd.fail(tgwHop(tgw, `${tgw.name} has no available attachment to this VPC.`), 'NO_ROUTE_TO_DESTINATION');
    const zone = getResource(design, here.azId, 'availabilityZone');
    const entry = from.subnetIds
      .flatMap((id) => getResource(design, id, 'subnet') ?? [])
      .find((s) => s.azId === here.azId);
    if (!entry)
      return fwd.fail(
        tgwHop(
          tgw,
          `${from.name} has no subnet in ${zone?.name ?? "this subnet's Availability Zone"}, so ${here.name} can't reach ${tgw.name} even though its route table points there. Add a subnet of that zone to the attachment.`,
        ),
        'TGW_ROUTE_AZ_RESTRICTION',
      );
    // Gateway by gateway: a peering attachment hands the packet to the peer gateway, whose table for that
    // attachment decides next (Amazon VPC Transit Gateways, "Transit gateway peering attachments"). The lookup is
    // for the address in the packet: a public address follows the table's route for it (a 0.0.0.0/0 to an egress VPC).
    const toward = ctx.sentTo;
    const legs: Leg[] = [];
    let gw = tgw;
    let arrivedBy = from;
    let to: TransitGatewayAttachment;
    for (;;) {
      const table = gw.routeTables.find((t) => t.id === associationOn(arrivedBy, gw.id));
      if (!table)
        return fwd.fail(
          tgwHop(
            gw,
            `${arrivedBy.name} is associated with no route table of ${gw.name}, so the gateway has no route for it.`,
          ),
          'NO_ROUTE_TO_DESTINATION',
        );
      const match = lookupTgwRoute(design, gw, table, toward);
      if (!match)
        return fwd.fail(tgwHop(gw, `${table.name} has no route that covers ${ip(toward)}.`), 'NO_ROUTE_TO_DESTINATION');
      if (match.attachmentId === null)
        return fwd.fail(
          tgwHop(
            gw,
            `The most specific route for ${ip(toward)} in ${table.name} is ${match.destination}, a blackhole: it drops what it matches.`,
            routeWords(table, match, 'blackhole'),
          ),
          'BAD_STATE_ROUTE',
        );
      const next = getResource(design, match.attachmentId, 'transitGatewayAttachment');
      if (!next || next.state !== 'available' || !onGateway(next, gw.id))
        return fwd.fail(
          tgwHop(
            gw,
            `The route for ${ip(toward)} names ${match.attachmentId}, which is not an available attachment of ${gw.name}.`,
            routeWords(table, match, match.attachmentId),
          ),
          'BAD_STATE_ROUTE',
        );
      legs.push({ tgw: gw, arrivedBy, leftBy: next, table, match });
      if (next.type !== 'peering') {
        to = next;
        break;
      }
      const peer = getResource(design, otherSide(next, gw.id), 'transitGateway');
      const hopRule = routeWords(table, match, next.name);
      if (!peer)
        return fwd.fail(
          tgwHop(gw, `${next.name} leads to a transit gateway that is not in the design.`, hopRule),
          'NO_ROUTE_TO_DESTINATION',
        );
      handOver(
        fwd,
        tgwHop(gw, `${gw.name} sends the packet over ${next.name} (transit gateway peering) to ${peer.name}.`, hopRule),
      );
      if (!firstUse(ctx, peer.id))
        return fwd.fail(tgwHop(peer, `The packet comes back to ${peer.name}: a routing loop.`), 'CANNOT_ROUTE');
      gw = peer;
      arrivedBy = next;
    }
    const last = legs.at(-1)!;
    const rule = routeWords(last.table, last.match, to.name);
    // The reply retraces the gateways: at each, the table of the attachment it arrives by must send it back.
    const replyThroughGateways = () => {
      const source = addressOf(ctx.source);
      for (let i = legs.length - 1; i >= 0 && back.ok; i--) {
        const leg = legs[i]!;
        const returnTable = leg.tgw.routeTables.find((t) => t.id === associationOn(leg.leftBy, leg.tgw.id));
        const again = returnTable ? lookupTgwRoute(design, leg.tgw, returnTable, source) : null;
        if (!returnTable || !again || again.attachmentId !== leg.arrivedBy.id)
          return back.fail(
            tgwHop(
              leg.tgw,
              `${returnTable ? `${returnTable.name}, the table ${leg.leftBy.name} is associated with,` : `${leg.leftBy.name} has no associated table and`} ${again ? `sends ${ip(source)} to ${again.attachmentId === null ? 'a blackhole' : (getResource(design, again.attachmentId, 'transitGatewayAttachment')?.name ?? again.attachmentId)}` : `has no route for ${ip(source)}`}, not back to ${leg.arrivedBy.name}.`,
              again && returnTable ? routeWords(returnTable, again, again.attachmentId ?? 'blackhole') : null,
            ),
            again?.attachmentId === null ? 'BAD_STATE_ROUTE' : 'NO_ROUTE_TO_DESTINATION',
          );
        handOver(
          back,
          tgwHop(
            leg.tgw,
            `The response returns through ${leg.tgw.name} to ${leg.arrivedBy.name}.`,
            routeWords(returnTable, again, leg.arrivedBy.name),
          ),
        );
      }
    };
    if (to.type === 'vpn') {
      const cgw = getResource(design, to.customerGatewayId, 'customerGateway');
      const dst = ctx.destination;
      if (dst.kind !== 'onPremises' || !cgw || cgw.onPremisesNetworkId !== (dst as OnPremisesHost).network.id)
        return fwd.fail(
          tgwHop(gw, `${to.name} leads to ${cgw?.name ?? 'a customer gateway'}, not to ${endpointLabel(dst)}.`, rule),
          'NO_ROUTE_TO_DESTINATION',
        );
      handOver(fwd, tgwHop(gw, `${gw.name} sends the packet over ${to.name} (Site-to-Site VPN) to ${cgw.name}.`, rule));
      ctx.retrace.push(replyThroughGateways);
      return;
    }
    const exit = subnetIn(design, to, here.azId, ctx.options);
    const vpc = getResource(design, to.vpcId, 'vpc');
    if (!exit && vpc && to.subnetIds.length > 0)
      return fwd.fail(
        tgwHop(
          gw,
          `Every subnet of ${to.name} is in an Availability Zone that is down: nothing delivers the packet.`,
          rule,
        ),
        'ZONE_OUTAGE',
      );
    if (!exit || !vpc)
      return fwd.fail(
        tgwHop(gw, `${to.name} has no subnet to deliver the packet from.`, rule),
        'NO_ROUTE_TO_DESTINATION',
      );
    handOver(fwd, tgwHop(gw, `${gw.name} sends the packet to ${vpc.name} through ${to.name}.`, rule));
    ctx.retrace.push(() => {
      if (!back.ok || replyTookAnotherWay(ctx, gw.id)) return;
      // The response reaches the gateway only from a zone where the destination's attachment has a subnet.
      const replier = ctx.destination.kind === 'interface' ? ctx.destination.subnet : null;
      if (
        replier &&
        replier.vpcId === to.vpcId &&
        !to.subnetIds.some((id) => getResource(design, id, 'subnet')?.azId === replier.azId)
      )
        return back.fail(
          tgwHop(
            gw,
            `${to.name} has no subnet in ${getResource(design, replier.azId, 'availabilityZone')?.name ?? "the replying subnet's zone"}, so the response from ${replier.name} can't reach ${gw.name}.`,
          ),
          'TGW_ROUTE_AZ_RESTRICTION',
        );
      replyThroughGateways();
    });
    enteredVpcBy(ctx, gw.id);
    groupReferencesLost(ctx);
    enterSubnet(fwd, exit, ctx.request, addressOf(ctx.source));
    travel(ctx, exit, (c, m) => ({
      hop: {
        step: 'route',
        component: `route table of ${exit.name}`,
        id: m.target,
        subnetId: exit.id,
        rule: null,
        explanation: `${exit.name}, where ${to.name} delivers in ${vpc.name}, does not route ${ip(addressOf(c.destination))} toward ${endpointLabel(c.destination)}.`,
      },
      code: 'NO_ROUTE_TO_DESTINATION',
    }));
  },
};

/**
 * From an on-premises network over a transit gateway's Site-to-Site VPN
 * attachment into a VPC attached to the same gateway; null when the network has
 * no such attachment (the virtual private gateway's entrance applies then).
 * The VPN attachment's associated table must send the destination to the VPC's
 * attachment, whose table must send the reply back to the VPN; the reply leaves
 * only from a zone where the VPC's attachment has a subnet.
 */
export function enterOverTransitGatewayVpn(ctx: PathContext, dst: Interface): string | null | undefined {
  const { design, forward: fwd, back } = ctx;
  const network = (ctx.source as OnPremisesHost).network;
  const vpn = resourcesOfKind(design, 'transitGatewayAttachment').find(
    (a) =>
      a.type === 'vpn' &&
      a.state === 'available' &&
      getResource(design, a.customerGatewayId, 'customerGateway')?.onPremisesNetworkId === network.id,
  );
  const tgw = getResource(design, vpn?.transitGatewayId, 'transitGateway');
  if (!vpn || !tgw) return undefined;
  const into = attachmentsOf(design, tgw.id).find(
    (a) => a.type === 'vpc' && a.vpcId === dst.subnet.vpcId && a.state === 'available',
  );
  if (!into) return undefined;
  const table = tgw.routeTables.find((t) => t.id === vpn.associatedRouteTableId);
  const match = table ? lookupTgwRoute(design, tgw, table, dst.privateIp) : null;
  if (!table || !match || match.attachmentId !== into.id) {
    fwd.fail(
      tgwHop(
        tgw,
        `${table ? table.name : `${vpn.name} has no associated table, so it`} ${match ? `sends ${ip(dst.privateIp)} to ${match.attachmentId === null ? 'a blackhole' : match.attachmentId}` : `has no route for ${ip(dst.privateIp)}`}, not to ${into.name}.`,
        match && table ? routeWords(table, match, match.attachmentId ?? 'blackhole') : null,
      ),
      match?.attachmentId === null ? 'BAD_STATE_ROUTE' : 'NO_ROUTE_TO_DESTINATION',
    );
    return null;
  }
  fwd.pass(
    tgwHop(
      tgw,
      `The packet arrives over ${vpn.name} (Site-to-Site VPN) at ${tgw.name}, which sends it to ${into.name}.`,
      routeWords(table, match, into.name),
    ),
  );
  ctx.retrace.push(() => {
    if (!back.ok) return;
    if (!into.subnetIds.some((id) => getResource(design, id, 'subnet')?.azId === dst.subnet.azId))
      return back.fail(
        tgwHop(
          tgw,
          `${into.name} has no subnet in ${dst.subnet.name}'s zone, so the response can't reach ${tgw.name}.`,
        ),
        'TGW_ROUTE_AZ_RESTRICTION',
      );
    const returnTable = tgw.routeTables.find((t) => t.id === into.associatedRouteTableId);
    const again = returnTable ? lookupTgwRoute(design, tgw, returnTable, addressOf(ctx.source)) : null;
    if (!returnTable || !again || again.attachmentId !== vpn.id)
      return back.fail(
        tgwHop(
          tgw,
          `The table ${into.name} is associated with does not send ${ip(addressOf(ctx.source))} back to ${vpn.name}.`,
        ),
        'NO_ROUTE_TO_DESTINATION',
      );
    handOver(
      back,
      tgwHop(
        tgw,
        `The response returns over ${vpn.name} to ${network.name}.`,
        routeWords(returnTable, again, vpn.name),
      ),
    );
  });
  groupReferencesLost(ctx);
  return tgw.id;
}

/**
 * A reply that leaves through another transit gateway than the request came
 * in by (asymmetric paths: each VPC's table picks its own gateway). AWS has no
 * reverse-path check and security groups track the connection on the
 * interfaces, so the reply gets back when that gateway routes it to the
 * source's VPC. Returns true when it took the reply (passing or blocking it),
 * false to leave the reply to the usual check. Source: Amazon VPC Transit
 * Gateways, "How transit gateways work" (routing is per attachment table);
 * aws-semantics-2 §1 ("No unicast RPF").
 */
export function replyOverAnotherTransitGateway(ctx: PathContext, subnet: Subnet, wayIn: string): boolean {
  const { design, back } = ctx;
  const firstTgw = getResource(design, wayIn, 'transitGateway');
  const table = routeTableForSubnet(design, subnet);
  const source = addressOf(ctx.source);
  const peek = firstTgw && table ? lookupRoute(design, table, source) : null;
  const tgw = getResource(design, peek?.target, 'transitGateway');
  if (!firstTgw || !tgw || tgw.id === firstTgw.id || peek?.blackhole) return false;
  back.nacl(subnet, 'outbound', ctx.response, source);
  if (!back.route(subnet, source)) return true;
  const from = attachmentsOf(design, tgw.id).find(
    (a) => a.type === 'vpc' && a.vpcId === subnet.vpcId && a.state === 'available',
  );
  const src = ctx.source.kind === 'interface' ? ctx.source : null;
  const to = src
    ? attachmentsOf(design, tgw.id).find(
        (a) => a.type === 'vpc' && a.vpcId === src.subnet.vpcId && a.state === 'available',
      )
    : undefined;
  const returnTable = tgw.routeTables.find((t) => t.id === from?.associatedRouteTableId);
  const again = returnTable ? lookupTgwRoute(design, tgw, returnTable, source) : null;
  if (!from || !from.subnetIds.some((id) => getResource(design, id, 'subnet')?.azId === subnet.azId)) {
    back.fail(
      tgwHop(
        tgw,
        `The reply leaves through ${tgw.name}, but ${subnet.name}'s zone has no subnet of its attachment to this VPC.`,
      ),
      'TGW_ROUTE_AZ_RESTRICTION',
    );
    return true;
  }
  if (!to || !returnTable || !again || again.attachmentId !== to.id) {
    back.fail(
      tgwHop(
        tgw,
        `The reply leaves through ${tgw.name} (not ${firstTgw.name}, which carried the request), and ${tgw.name} does not route ${ip(source)} back to the source's VPC.`,
      ),
      again?.attachmentId === null ? 'BAD_STATE_ROUTE' : 'NO_ROUTE_TO_DESTINATION',
    );
    return true;
  }
  handOver(
    back,
    tgwHop(
      tgw,
      `The reply returns through ${tgw.name}, not ${firstTgw.name} which carried the request (an asymmetric path: each VPC's route table chooses its gateway).`,
      routeWords(returnTable, again, to.name),
    ),
  );
  replyRerouted(ctx, firstTgw.id);
  return true;
}
