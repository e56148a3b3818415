import { getResource, protocolLabel, type Design, type Subnet, resourceById } from '../../domain';
import { containsAddress, formatIpv4, parseCidr } from '../../net';
import { designIndex } from '../designIndex';
import { natGatewayOutage } from './outages';
import { addressOf, publicAddress, sourceSeenAt, type PathContext } from './context';
import { endpointLabel, type Interface, type InternetHost, type OnPremisesHost } from './endpoints';
import { enterSubnet, handOver, returnFrom, withTranslation, type Misroute } from './steps';
import { internetGatewayOf, type HybridLink } from './trace';
import { wayIntoVpc } from './crossing';
import { appliance } from './appliance';
import { vpcPeering } from './peering';
import { enterOverTransitGatewayVpn, replyOverAnotherTransitGateway, transitGateway } from './transitGateway';
import { gatewayEndpoint } from './vpcEndpoints';

/**
 * What each entity does with a packet, lowered to the generic steps. A route
 * target is a `HandOverTarget`; an outside network enters a VPC through an
 * `Entrance`. A new kind of forwarding (VPC peering, a transit gateway) is a
 * new entry in one of these tables, not a new path shape.
 */

const ip = formatIpv4;

/** The hop of a packet handed to a gateway (or over one of its links); the gateway decides by forwarding, not by a rule. */
const viaGateway = (gateway: { id: string; name: string }, explanation: string, extra: { link?: HybridLink } = {}) => ({
  step: 'handOver' as const,
  component: gateway.name,
  id: gateway.id,
  rule: null,
  explanation,
  ...extra,
});

/** Continues the search from a subnet the packet is in: its ACL, its route table, the route's target. */
export type Travel = (ctx: PathContext, subnet: Subnet, misroute: Misroute) => void;

export interface HandOverTarget {
  /** Whether handing the packet to this target can lead toward the destination. */
  leadsTo(ctx: PathContext): boolean;
  /** The target's own steps; `travel` goes on from a subnet the target forwards from. */
  forward(ctx: PathContext, targetId: string, travel: Travel): void;
}

/**
 * The virtual private gateway link (Direct Connect or VPN) between a VPC's
 * gateway and an on-premises network. With both, Direct Connect carries the
 * traffic: for the same prefix a virtual private gateway prefers routes learned
 * over Direct Connect to a Site-to-Site VPN's (AWS Site-to-Site VPN User Guide,
 * "Route tables and VPN route priority").
 */
export function hybridLink(design: Design, vgwId: string, networkId: string): HybridLink | null {
  const dx = designIndex(design).directConnectBetween(vgwId, networkId);
  if (dx) return { id: dx.id, name: `${dx.name} (${dx.bandwidth} private link)`, kind: 'directConnect' };
  const found = designIndex(design).vpnBetween(vgwId, networkId);
  if (found) {
    const { vpn, customerGateway: cgw } = found;
    return { id: vpn.id, name: `${vpn.name} (two IPsec tunnels to ${cgw.name})`, kind: 'vpn' };
  }
  return null;
}

const notRoutedBackLocally: Misroute = (ctx, match) => {
  const { subnet } = ctx.destination as Interface;
  return {
    hop: {
      step: 'route',
      component: `route table of ${subnet.name}`,
      id: match.target,
      subnetId: subnet.id,
      rule: null,
      explanation: 'The response is not routed back locally.',
    },
    code: 'CANNOT_ROUTE',
  };
};

/** The response from a destination entered from outside would leave by another way than it came in. */
const leavesByAnotherGateway: Misroute = (ctx, match) => {
  const dst = ctx.destination as Interface;
  return {
    hop: {
      step: 'route',
      component: `route table of ${dst.subnet.name}`,
      id: match.target,
      subnetId: dst.subnet.id,
      rule: null,
      explanation: `The response to ${ip(sourceSeenAt(ctx))} would leave through ${resourceById(ctx.design, match.target)?.name ?? match.target}, not the gateway it came in by, so it never gets back (the subnet is not public for this traffic).`,
    },
    code: 'NO_ROUTE_TO_DESTINATION',
  };
};

/**
 * The request came into the destination's VPC from outside (through `wayIn`,
 * a gateway): the destination subnet's ACL sees the source as translated, and
 * the response must leave by the same gateway.
 */
export function arriveFromOutside(ctx: PathContext, dst: Interface, wayIn: string): void {
  enterSubnet(ctx.forward, dst.subnet, ctx.request, sourceSeenAt(ctx));
  ctx.retrace.push(() => returnFrom(ctx, dst.subnet, wayIn, leavesByAnotherGateway));
}

/**
 * A packet for a public address, handed to the internet, comes back in
 * through the internet gateway of the VPC that holds the address.
 */
function backInFromInternet(ctx: PathContext): void {
  const dst = ctx.destination;
  if (dst.kind !== 'interface' || !ctx.forward.ok) return;
  const wayIn = fromInternet(ctx, dst);
  if (wayIn !== null) arriveFromOutside(ctx, dst, wayIn);
}

/** The response must leave by the peering, transit gateway or appliance the request came into the VPC by. */
const notRoutedBackTheWayIn =
  (wayIn: string): Misroute =>
  (ctx, match) => {
    const { hop, code } = notRoutedBackLocally(ctx, match);
    const name = (id: string) => (id === 'local' ? 'local' : (resourceById(ctx.design, id)?.name ?? id));
    return {
      hop: {
        ...hop,
        explanation: `The response is routed to ${name(match.target)}, not back through ${name(wayIn)}, the way the request came in.`,
      },
      code,
    };
  };

/**
 * The VPC's own route: delivery to the destination's subnet, when the
 * destination is in the VPC the packet is in and was addressed privately (a
 * public address goes by the table's route for it, not `local`).
 */
const localDelivery: HandOverTarget = {
  leadsTo: (ctx) =>
    ctx.destination.kind === 'interface' &&
    !ctx.toPublic &&
    getResource(ctx.design, ctx.forward.subnetId, 'subnet')?.vpcId === ctx.destination.subnet.vpcId,
  forward(ctx) {
    const dst = ctx.destination as Interface;
    const wayIn = wayIntoVpc(ctx);
    enterSubnet(ctx.forward, dst.subnet, ctx.request, addressOf(ctx.source));
    ctx.retrace.push(() => {
      if (wayIn !== 'local' && replyOverAnotherTransitGateway(ctx, dst.subnet, wayIn)) return;
      returnFrom(ctx, dst.subnet, wayIn, wayIn === 'local' ? notRoutedBackLocally : notRoutedBackTheWayIn(wayIn));
    });
  },
};

/** Whether the packet is for the internet: a host there, or an interface's public address. */
const forTheInternet = (ctx: PathContext) => ctx.destination.kind === 'internet' || ctx.toPublic;

/**
 * An internet gateway translates an instance's private address to its public
 * one (both ways); a packet a NAT gateway already translated passes as it is.
 * A packet for another interface's public address goes out to the internet and
 * back in through the internet gateway of the VPC that holds the address.
 * Source: Amazon VPC User Guide, "Enable internet access for a VPC using an internet gateway".
 */
const internetGateway: HandOverTarget = {
  leadsTo: forTheInternet,
  forward(ctx, igwId) {
    const { forward: fwd, back, design } = ctx;
    const igw = resourceById(design, igwId)!;
    const src = ctx.source as Interface;
    const dst = ctx.destination;
    // Reachability Analyzer: IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS / _RFC6598_EGRESS.
    if (dst.kind === 'internet' && isPrivateAddress(dst.address)) {
      const shared = containsAddress(PRIVATE_RANGES[3]!, dst.address);
      return fwd.fail(
        viaGateway(
          igw,
          `${ip(dst.address)} is a ${shared ? 'shared (RFC 6598)' : 'private (RFC 1918)'} address, and nothing in this design holds it: ${igw.name} does not send packets for private addresses to the internet, where they are routed nowhere.`,
        ),
        shared ? 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS' : 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS',
      );
    }
    if (fwd.sourceTranslated) {
      const from = fwd.packet.srcIp;
      handOver(fwd, viaGateway(igw, `${igw.name} sends the packet from ${from} to the internet.`));
      ctx.retrace.push(() =>
        handOver(back, viaGateway(igw, `The response comes back to ${from} through ${igw.name}.`)),
      );
      return backInFromInternet(ctx);
    }
    const outside = publicAddress(ctx.options, src);
    // Reachability Analyzer: IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS, egress through an internet gateway needs a public IP.
    if (!outside)
      return fwd.fail(
        {
          step: 'translate',
          component: igw.name,
          id: igw.id,
          rule: null,
          explanation: `${src.name} has no public IPv4 address or Elastic IP, so ${igw.name} has no public address to translate its private one to. A route alone is not enough.`,
        },
        'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS',
      );
    const translation = fwd.rewrite('source', outside);
    handOver(fwd, {
      step: 'translate',
      component: igw.name,
      id: igw.id,
      rule: null,
      explanation: `${igw.name} translates ${ip(src.privateIp)} to ${src.elasticIp ? 'its Elastic IP' : 'its public IPv4'} ${outside} and sends the packet to the internet.`,
      ...withTranslation(translation),
    });
    ctx.retrace.push(() => {
      const untranslated = back.rewrite('destination', ip(src.privateIp));
      handOver(back, {
        step: 'translate',
        component: igw.name,
        id: igw.id,
        rule: null,
        explanation: `The response returns through ${igw.name}, translated back to ${ip(src.privateIp)}.`,
        ...withTranslation(untranslated),
      });
    });
    backInFromInternet(ctx);
  },
};

/** A NAT gateway: its own subnet's ACL and route table apply, and it needs an Elastic IP to translate to. */
const natGateway: HandOverTarget = {
  leadsTo: (ctx) => forTheInternet(ctx) && ctx.source.kind === 'interface' && !ctx.forward.sourceTranslated,
  forward(ctx, natId, travel) {
    const { forward: fwd, back, design } = ctx;
    const src = ctx.source as Interface;
    const nat = getResource(design, natId, 'natGateway');
    const natSubnet = getResource(design, nat?.subnetId, 'subnet');
    if (!nat || !natSubnet)
      return fwd.fail(
        {
          step: 'handOver',
          component: 'NAT gateway',
          id: natId,
          rule: null,
          explanation: 'The NAT gateway has no subnet.',
        },
        'CANNOT_ROUTE',
      );
    const outage = natGatewayOutage(ctx.options, nat.id, natSubnet.azId);
    if (outage)
      return fwd.fail(
        {
          step: 'state',
          component: nat.name,
          id: nat.id,
          rule: null,
          explanation: `${nat.name} forwards nothing: ${outage}. Instances that route to it lose the internet (a NAT gateway in each zone keeps the others going).`,
        },
        outage.includes('zone') ? 'ZONE_OUTAGE' : 'BAD_STATE',
      );
    // On the way in, the NAT's subnet ACL sees the instance's own address.
    enterSubnet(fwd, natSubnet, ctx.request, src.privateIp);
    // "A NAT gateway supports the following protocols: TCP, UDP, and ICMP" (Amazon VPC User Guide, "NAT gateway basics").
    const protocol = ctx.request.protocol;
    if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'icmp')
      return fwd.fail(
        {
          step: 'translate',
          component: nat.name,
          id: nat.id,
          rule: null,
          explanation: `${nat.name} drops ${protocolLabel(protocol)}: a NAT gateway translates TCP, UDP and ICMP only. An instance with its own public IPv4 or Elastic IP in a public subnet can send it.`,
        },
        'PROTOCOL_RESTRICTION',
      );
    const eip = getResource(design, nat.elasticIpId, 'elasticIp');
    if (!eip)
      return fwd.fail(
        {
          step: 'translate',
          component: nat.name,
          id: nat.id,
          rule: null,
          explanation: `${nat.name} has no Elastic IP, so it has no public address to translate to.`,
        },
        'NO_PUBLIC_ADDRESS',
      );
    const translation = fwd.rewrite('source', eip.publicIp);
    fwd.pass({
      step: 'translate',
      component: nat.name,
      id: nat.id,
      rule: null,
      explanation: `${nat.name} replaces the source ${ip(src.privateIp)} with its Elastic IP ${eip.publicIp} and remembers the connection.`,
      ...withTranslation(translation),
    });
    ctx.retrace.push(() => {
      const untranslated = back.rewrite('destination', ip(src.privateIp));
      back.pass({
        step: 'translate',
        component: nat.name,
        id: nat.id,
        rule: null,
        explanation: `${nat.name} matches the response to the connection and sends it on to ${ip(src.privateIp)}.`,
        ...withTranslation(untranslated),
      });
      back.nacl(natSubnet, 'outbound', ctx.response, src.privateIp);
    });
    travel(ctx, natSubnet, () => ({
      hop: {
        step: 'route',
        component: `route table of ${natSubnet.name}`,
        id: natSubnet.id,
        subnetId: natSubnet.id,
        rule: null,
        explanation: `${natSubnet.name}, where ${nat.name} lives, does not route ${ip(ctx.sentTo)} to an internet gateway: a NAT gateway must sit in a public subnet.`,
      },
      code: 'NO_ROUTE_TO_DESTINATION',
    }));
  },
};

/** A virtual private gateway hands the packet over its VPN or Direct Connect link to the on-premises network. */
const virtualPrivateGateway: HandOverTarget = {
  leadsTo: (ctx) => ctx.destination.kind === 'onPremises' && !ctx.forward.sourceTranslated,
  forward(ctx, vgwId) {
    const { forward: fwd, back, design } = ctx;
    const vgw = resourceById(design, vgwId)!;
    const network = (ctx.destination as OnPremisesHost).network;
    const link = hybridLink(design, vgwId, network.id);
    if (!link)
      return fwd.fail(
        viaGateway(vgw, `${vgw.name} has no Site-to-Site VPN or Direct Connect link to ${network.name}.`),
        'NO_ROUTE_TO_DESTINATION',
      );
    handOver(fwd, viaGateway(vgw, `${vgw.name} sends the packet over ${link.name}.`, { link }));
    ctx.retrace.push(() => handOver(back, viaGateway(vgw, `The response returns over ${link.name}.`, { link })));
  },
};

/** Route targets by what they are: `local` or the target resource's kind. */
/**
 * What each route target does with a packet, for `local` and every kind the
 * registry marks as a route target (`ROUTE_TARGET_KINDS`; a test keeps the two
 * in step). `null`: Nimbus accepts the route but does not forward through that
 * kind yet, so the path ends there. Peering, transit gateways and appliances
 * live in their own files (`peering.ts`, `transitGateway.ts`, `appliance.ts`).
 */
export const HAND_OVER_TARGETS: Readonly<Record<string, HandOverTarget | null>> = {
  local: localDelivery,
  internetGateway,
  natGateway,
  virtualPrivateGateway,
  ec2Instance: appliance,
  vpcPeeringConnection: vpcPeering,
  transitGateway,
  vpcEndpoint: gatewayEndpoint,
};

export function handOverTarget(design: Design, targetId: string): HandOverTarget | undefined {
  const kind = targetId === 'local' ? 'local' : resourceById(design, targetId)?.kind;
  return (kind && Object.hasOwn(HAND_OVER_TARGETS, kind) ? HAND_OVER_TARGETS[kind] : undefined) ?? undefined;
}

/**
 * Where an outside network enters the destination's VPC. Writes the gateway's
 * hop and returns its id (the way the response must leave by), or null when
 * there is no way in.
 */
export type Entrance = (ctx: PathContext, dst: Interface) => string | null;

/** RFC 1918 private ranges and RFC 6598 shared address space (100.64.0.0/10): never routed on the internet. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'].map((c) => {
  const parsed = parseCidr(c);
  if (!parsed.ok) throw new Error(c);
  return parsed.value;
});
export const isPrivateAddress = (address: number) => PRIVATE_RANGES.some((r) => containsAddress(r, address));

function fromInternet(ctx: PathContext, dst: Interface): string | null {
  const { forward: fwd, back, design } = ctx;
  const from = ctx.source;
  // Reachability Analyzer: IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS / _RFC6598_INGRESS.
  if (from.kind === 'internet' && isPrivateAddress(from.address)) {
    const shared = containsAddress(PRIVATE_RANGES[3]!, from.address);
    fwd.fail(
      {
        step: 'handOver',
        component: 'internet',
        id: 'internet',
        rule: null,
        explanation: `${ip(from.address)} is a ${shared ? 'shared (RFC 6598)' : 'private (RFC 1918)'} address and nothing in this design holds it: a host on the internet never sends from one, and an internet gateway rejects inbound traffic from such addresses.`,
      },
      shared ? 'IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS' : 'IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS',
    );
    return null;
  }
  if (!ctx.toPublic) {
    // A VPC's addresses are not announced to the internet; RFC 1918 and RFC 6598 addresses are routed nowhere on it.
    // Source: Amazon VPC User Guide, "IP addressing for your VPCs and subnets" (private IPv4 addresses are not reachable over the internet).
    const privateRange = isPrivateAddress(dst.privateIp);
    fwd.fail(
      {
        step: 'route',
        component: 'internet',
        id: 'internet',
        rule: null,
        explanation: `${ip(dst.privateIp)} is ${dst.name}'s private address${privateRange ? ' (RFC 1918 / RFC 6598 range, which the internet never routes)' : ', which AWS does not announce to the internet'}: nothing on the internet can send to it, and an internet gateway accepts from the internet only traffic for an interface's public address. ${dst.publicAddress ? `From the internet ${dst.name} is reached at ${dst.publicAddress}.` : `${dst.name} has no public address, so the internet can't reach it at all.`}`,
      },
      'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
    );
    return null;
  }
  const igw = internetGatewayOf(design, dst.subnet.vpcId);
  if (!igw) {
    fwd.fail(
      {
        step: 'handOver',
        component: 'internet gateway',
        id: dst.subnet.vpcId,
        rule: null,
        explanation: `${dst.name}'s VPC has no internet gateway attached, so nothing from the internet can enter it.`,
      },
      'NO_ROUTE_TO_DESTINATION',
    );
    return null;
  }
  const outside = publicAddress(ctx.options, dst);
  if (!outside) {
    fwd.fail(
      {
        step: 'translate',
        component: igw.name,
        id: igw.id,
        rule: null,
        explanation: `${dst.name} has no public IPv4 address or Elastic IP, so the internet has no address to reach it by. A NAT gateway would not help: it only lets private instances start connections out.`,
      },
      'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
    );
    return null;
  }
  const translation = fwd.rewrite('destination', ip(dst.privateIp));
  fwd.pass({
    step: 'translate',
    component: igw.name,
    id: igw.id,
    rule: null,
    explanation: `${igw.name} translates ${outside} to ${dst.name}'s private address ${ip(dst.privateIp)}.`,
    ...withTranslation(translation),
  });
  ctx.retrace.push(() => {
    const toPublic = back.rewrite('source', outside);
    handOver(back, {
      step: 'translate',
      component: igw.name,
      id: igw.id,
      rule: null,
      explanation:
        ctx.source.kind === 'interface'
          ? `The response leaves through ${igw.name}, from ${outside}, to ${ip(sourceSeenAt(ctx))} on the internet.`
          : `The response leaves through ${igw.name} and reaches ${endpointLabel(ctx.source)}.`,
      ...withTranslation(toPublic),
    });
  });
  return igw.id;
}

const fromOnPremises: Entrance = (ctx, dst) => {
  const { forward: fwd, back, design } = ctx;
  const network = (ctx.source as OnPremisesHost).network;
  const vgw = designIndex(design).virtualPrivateGatewayOf(dst.subnet.vpcId);
  const link = vgw ? hybridLink(design, vgw.id, network.id) : null;
  if (!vgw || !link) {
    fwd.fail(
      {
        step: 'handOver',
        component: 'virtual private gateway',
        id: vgw?.id ?? dst.subnet.vpcId,
        rule: null,
        explanation: `${network.name} has no VPN or Direct Connect link to a virtual private gateway attached to ${dst.name}'s VPC.`,
      },
      'NO_ROUTE_TO_DESTINATION',
    );
    return null;
  }
  fwd.pass(viaGateway(vgw, `The packet arrives over ${link.name} at ${vgw.name}.`, { link }));
  ctx.retrace.push(() =>
    handOver(
      back,
      viaGateway(vgw, `The response leaves through ${vgw.name} and reaches ${endpointLabel(ctx.source)}.`, { link }),
    ),
  );
  return vgw.id;
};

export const ENTRANCES: Record<(InternetHost | OnPremisesHost)['kind'], Entrance> = {
  internet: (ctx, dst) => fromInternet(ctx, dst),
  // A transit gateway's VPN attachment, when the network has one to a gateway the VPC is attached to.
  onPremises: (ctx, dst) => {
    const overTgw = enterOverTransitGatewayVpn(ctx, dst);
    return overTgw === undefined ? fromOnPremises(ctx, dst) : overTgw;
  },
};
