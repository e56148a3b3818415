import { getResource, hasPorts, protocolLabel, type Design, type Subnet, resourceById } from '../../domain';
import { formatIpv4 } from '../../net';
import { designIndex } from '../designIndex';
import { networkAclForSubnet, routeTableForSubnet } from '../topology';
import type { Interface } from './endpoints';
import {
  describeNaclRule,
  describeSgRule,
  evaluateNacl,
  evaluateSecurityGroups,
  type Packet,
  type SgPeer,
} from './ruleEvaluate';
import { lookupRoute, type RouteMatch } from './routeLookup';

export type Decision = 'allow' | 'deny' | 'forward' | 'drop';

/** Which row of a rule list decided, so the UI can point at it. */
export type RuleRef =
  | { kind: 'nacl'; direction: 'inbound' | 'outbound'; ruleNumber: number | null }
  | { kind: 'sg'; direction: 'inbound' | 'outbound'; index: number }
  | { kind: 'route'; destination: string };

/**
 * What a hop does to the packet. Every entity is lowered to these few
 * generic forwarding steps: a state check, a filter (security group, network
 * ACL), a route lookup, an address translation, a hand-over to the next
 * network (a gateway, a VPN or Direct Connect link), and arrival.
 */
export type StepKind = 'state' | 'filter' | 'route' | 'translate' | 'handOver' | 'arrive';

/** The packet's addresses and ports as text, the way a packet capture shows them; ICMP has no ports (both 0). */
export interface HopPacket {
  protocol: Packet['protocol'];
  srcIp: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
}

/** An address a step rewrote: an internet gateway's public/private mapping or a NAT gateway's source address. */
export interface Translation {
  rewrites: 'source' | 'destination';
  from: string;
  to: string;
}

/** The private link a virtual private gateway uses to reach an on-premises network. */
export interface HybridLink {
  id: string;
  name: string;
  kind: 'directConnect' | 'vpn';
}

/** One step of a path, as Reachability Analyzer lists path components. */
export interface Hop {
  step: StepKind;
  component: string;
  /** The resource that decided (security group, ACL, route table, gateway, interface). */
  id: string;
  decision: Decision;
  /** The exact rule or route that decided, in words; null when none applies. */
  rule: string | null;
  explanation: string;
  /** The row that decided, when the component has a rule list. */
  ruleRef?: RuleRef;
  /** The subnet this hop belongs to (its ACL, its route table), so a view can place the packet on that subnet. */
  subnetId?: string;
  /** The packet as it leaves this hop, after any translation the hop does. */
  packet: HopPacket;
  /** Set when this hop rewrote an address. */
  translation?: Translation;
  /** Set when this hop hands the packet over a VPN or Direct Connect link. */
  link?: HybridLink;
}

/** A hop as a step writes it; the trace adds the decision's default and the packet. */
export type HopInput = Omit<Hop, 'decision' | 'packet'> & { decision?: Decision };

/**
 * Reachability Analyzer explanation codes (Amazon VPC Reachability Analyzer
 * guide, "Reachability Analyzer explanation codes"), each where AWS uses it:
 * BAD_STATE_ROUTE for a blackhole route ("This route is not in a functional
 * state"), IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS for traffic from the internet
 * to anything but an interface's public address, IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS
 * for traffic leaving without one, IGW_{SOURCE,DESTINATION}_ADDRESS_NOT_IN_RFC1918 /
 * RFC6598 for a private or shared address on the internet side, PROTOCOL_RESTRICTION for a component that
 * accepts only some protocols (a NAT gateway: TCP, UDP, ICMP). NO_PUBLIC_ADDRESS
 * (a NAT gateway without an Elastic IP) is Nimbus's own.
 *
 * Through load balancers: ELB_LISTENERS_MISMATCH when no listener takes the
 * packet's protocol and port (AWS names it for Classic Load Balancers; Nimbus
 * uses it for ALBs and NLBs too), ELBV2_LISTENER_HAS_NO_TG for a listener
 * without a target group, ELB_INSTALLED_AZ_RESTRICTION for a target in a zone
 * the load balancer has no node in service in, ELB_NOT_CROSSZONE for a target
 * a node may not send to because cross-zone load balancing is off. Nimbus's
 * own: ELB_SCHEME_INTERNAL (an internal load balancer asked from the
 * internet), ELB_NO_REGISTERED_TARGETS (the target group has none: a 503),
 * ZONE_OUTAGE (the component's Availability Zone is down, a simulated fault)
 * and DB_ENDPOINT_UNAVAILABLE (an RDS endpoint that points at no running
 * database, while it fails over). An impaired instance or a failed NAT
 * gateway is BAD_STATE, as AWS says of any component "not in a functional state".
 */
export type BlockCode =
  | NetworkBlockCode
  | LoadBalancerBlockCode
  | 'ZONE_OUTAGE'
  | 'DB_ENDPOINT_UNAVAILABLE'
  | 'BAD_STATE'
  | 'BAD_STATE_ROUTE'
  | 'ENI_SG_RULES_MISMATCH'
  | 'SUBNET_ACL_RESTRICTION'
  | 'NO_ROUTE_TO_DESTINATION'
  | 'CANNOT_ROUTE'
  | 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS'
  | 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS'
  | 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS'
  | 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS'
  | 'IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS'
  | 'IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS'
  | 'PROTOCOL_RESTRICTION'
  | 'NO_PUBLIC_ADDRESS'
  /** Nimbus's own: no authorization rule of a Client VPN endpoint lets the user reach the destination. */
  | 'CLIENT_VPN_NOT_AUTHORIZED';

/**
 * The codes of the forwarding kinds that join networks (Reachability Analyzer,
 * "Explanation codes", docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html).
 */
export type NetworkBlockCode =
  | 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR'
  | 'TGW_ROUTE_AZ_RESTRICTION'
  | 'ENI_SOURCE_DEST_CHECK_RESTRICTION'
  | 'DISCONNECTED_VPCS'
  | 'VPCE_GATEWAY_EGRESS_SOURCE_ADDRESS_RESTRICTION'
  | 'VPCE_GATEWAY_PROTOCOL_RESTRICTION';

/** Why a load balancer does not take or pass on a request (see `BlockCode`). */
export type LoadBalancerBlockCode =
  | 'ELB_LISTENERS_MISMATCH'
  | 'ELBV2_LISTENER_HAS_NO_TG'
  | 'ELB_INSTALLED_AZ_RESTRICTION'
  | 'ELB_NOT_CROSSZONE'
  | 'ELB_SCHEME_INTERNAL'
  | 'ELB_NO_REGISTERED_TARGETS';

export interface Block {
  component: string;
  id: string;
  code: BlockCode;
}

const ip = formatIpv4;
const packetWords = (p: Packet) =>
  hasPorts(p.protocol) ? `${protocolLabel(p.protocol)} port ${p.port}` : protocolLabel(p.protocol);

/** Collects hops along one direction of a path and stops at the first one that blocks. */
export class Trace {
  readonly hops: Hop[] = [];
  blocked: Block | null = null;
  /** The subnet the packet is in, or null outside every subnet; an ACL filters a packet only as it crosses into its subnet. */
  subnetId: string | null = null;
  /** Set once a step gave the packet a public source address (a NAT gateway): gateways then forward it as it is. */
  sourceTranslated = false;
  constructor(
    private readonly design: Design,
    /** The packet as it is now; replaced (never mutated) when a step translates it. */
    public packet: HopPacket,
  ) {}

  get ok(): boolean {
    return this.blocked === null;
  }

  pass(hop: HopInput): void {
    if (this.ok) this.hops.push(this.complete(hop, 'forward'));
  }

  fail(hop: HopInput, code: BlockCode): void {
    if (!this.ok) return;
    this.hops.push(this.complete(hop, 'drop'));
    this.blocked = { component: hop.component, id: hop.id, code };
  }

  /** Completes the step's fresh hop object in place: copying it would cost more than the rest of a query. */
  private complete(hop: HopInput, decision: Decision): Hop {
    const done = hop as Hop;
    done.decision ??= decision;
    done.packet = this.packet;
    return done;
  }

  /** Rewrites one address of the packet; the next hop recorded carries the new packet. */
  rewrite(rewrites: Translation['rewrites'], to: string): Translation | undefined {
    if (!this.ok) return undefined;
    const from = rewrites === 'source' ? this.packet.srcIp : this.packet.dstIp;
    this.packet = rewrites === 'source' ? { ...this.packet, srcIp: to } : { ...this.packet, dstIp: to };
    if (rewrites === 'source') this.sourceTranslated = true;
    return { rewrites, from, to };
  }

  state(eni: Interface, role: string): void {
    if (eni.outage)
      return this.fail(
        { step: 'state', component: `${eni.name} state`, id: eni.ownerId, rule: null, explanation: eni.outage.text },
        eni.outage.code,
      );
    if (eni.state === null || eni.state === 'running') return;
    this.fail(
      {
        step: 'state',
        component: 'instance state',
        id: eni.ownerId,
        rule: null,
        explanation: `${eni.name} is ${eni.state}; only a running instance sends or answers traffic (the ${role}).`,
      },
      'BAD_STATE',
    );
  }

  securityGroups(
    eni: Interface,
    direction: 'inbound' | 'outbound',
    packet: Packet,
    peer: SgPeer,
    peerLabel: string,
  ): void {
    if (!this.ok) return;
    const component = `security groups of ${eni.name} (${direction})`;
    if (eni.ownerKind === 'natGateway') return;
    if (eni.ownerKind === 'loadBalancer' && eni.groupIds.length === 0)
      return this.pass({
        step: 'filter',
        component,
        id: eni.ownerId,
        decision: 'allow',
        rule: null,
        explanation: `${eni.name} belongs to a Network Load Balancer created without security groups: it lets all traffic through (NLB guide, "Security groups").`,
      });
    if (eni.ownerKind === 'subnetHost')
      return this.pass({
        step: 'filter',
        component,
        id: eni.ownerId,
        decision: 'allow',
        rule: null,
        explanation: `${eni.name} stands for anything launched there; its own security groups are not known, so Nimbus lets the packet ${direction === 'outbound' ? 'out' : 'in'} (what the subnet's network ACL and routes allow is what counts).`,
      });
    const verdict = evaluateSecurityGroups(this.design, eni.groupIds, direction, packet, peer);
    const names =
      eni.groupIds.map((id) => getResource(this.design, id, 'securityGroup')?.name ?? id).join(', ') || 'none';
    if (verdict.allowed) {
      this.pass({
        step: 'filter',
        component,
        id: verdict.group.id,
        decision: 'allow',
        rule: `${verdict.group.name}: ${describeSgRule(this.design, verdict.rule, direction)}`,
        ruleRef: { kind: 'sg', direction, index: verdict.index },
        explanation: `${verdict.group.name} allows ${packetWords(packet)} ${direction === 'inbound' ? 'from' : 'to'} ${peerLabel}.`,
      });
    } else {
      const refNote =
        peer.groupIds.length === 0
          ? ' (rules that name a security group match only private addresses inside the VPC)'
          : '';
      this.fail(
        {
          step: 'filter',
          component,
          id: eni.groupIds[0] ?? eni.ownerId,
          decision: 'deny',
          rule: null,
          explanation: `No ${direction} rule in ${names} allows ${packetWords(packet)} ${direction === 'inbound' ? 'from' : 'to'} ${peerLabel}; security groups deny what they don't allow${refNote}.`,
        },
        'ENI_SG_RULES_MISMATCH',
      );
    }
  }

  /** Stateful: a response to an allowed request is always allowed back. */
  statefulReturn(eni: Interface): void {
    if (eni.ownerKind === 'natGateway' || eni.ownerKind === 'subnetHost') return;
    if (eni.ownerKind === 'loadBalancer' && eni.groupIds.length === 0) return;
    this.pass({
      step: 'filter',
      component: `security groups of ${eni.name}`,
      id: eni.groupIds[0] ?? eni.ownerId,
      decision: 'allow',
      rule: null,
      explanation:
        'Security groups are stateful: the response to an allowed request is allowed whatever the rules say.',
    });
  }

  nacl(subnet: Subnet, direction: 'inbound' | 'outbound', packet: Packet, peer: number): void {
    if (!this.ok) return;
    const acl = networkAclForSubnet(this.design, subnet);
    const component = `network ACL of ${subnet.name} (${direction})`;
    if (!acl)
      return this.fail(
        {
          step: 'filter',
          component,
          id: subnet.id,
          subnetId: subnet.id,
          rule: null,
          explanation: `${subnet.name} has no network ACL.`,
        },
        'SUBNET_ACL_RESTRICTION',
      );
    const verdict = evaluateNacl(acl, direction, packet, peer);
    const rule = `${acl.name}: ${describeNaclRule(verdict.rule)}`;
    const ruleRef = { kind: 'nacl' as const, direction, ruleNumber: verdict.rule?.ruleNumber ?? null };
    const peerWords = `${direction === 'inbound' ? 'from' : 'to'} ${ip(peer)}`;
    if (verdict.action === 'allow') {
      this.pass({
        step: 'filter',
        component,
        id: acl.id,
        subnetId: subnet.id,
        decision: 'allow',
        rule,
        ruleRef,
        explanation: `${acl.name} allows ${packetWords(packet)} ${peerWords} (first matching rule).`,
      });
    } else {
      const why = verdict.rule
        ? `rule ${verdict.rule.ruleNumber} denies it`
        : 'no numbered rule matches, so the final * rule denies it';
      const ephemeral =
        packet.port >= 1024 && hasPorts(packet.protocol)
          ? ' Network ACLs are stateless: a response needs its own rule for the client\u2019s ephemeral port.'
          : '';
      this.fail(
        {
          step: 'filter',
          component,
          id: acl.id,
          subnetId: subnet.id,
          decision: 'deny',
          ruleRef,
          rule,
          explanation: `${acl.name} blocks ${packetWords(packet)} ${peerWords}: ${why}.${ephemeral}`,
        },
        'SUBNET_ACL_RESTRICTION',
      );
    }
  }

  /** Looks up the route for `destination` in the subnet's table; returns the match when it forwards. */
  route(subnet: Subnet, destination: number): RouteMatch | null {
    if (!this.ok) return null;
    const table = routeTableForSubnet(this.design, subnet);
    const component = `route table of ${subnet.name}`;
    if (!table) {
      this.fail(
        {
          step: 'route',
          component,
          id: subnet.id,
          subnetId: subnet.id,
          rule: null,
          explanation: `${subnet.name} has no route table.`,
        },
        'NO_ROUTE_TO_DESTINATION',
      );
      return null;
    }
    const match = lookupRoute(this.design, table, destination);
    if (!match) {
      this.fail(
        {
          step: 'route',
          component,
          id: table.id,
          subnetId: subnet.id,
          rule: null,
          explanation: `${table.name} has no route that covers ${ip(destination)}.`,
        },
        'NO_ROUTE_TO_DESTINATION',
      );
      return null;
    }
    const target = match.target === 'local' ? 'local' : (resourceById(this.design, match.target)?.name ?? match.target);
    const rule = `${table.name}: ${match.destination} → ${target}${match.origin === 'propagated' ? ' (propagated)' : ''}`;
    if (match.blackhole) {
      this.fail(
        {
          step: 'route',
          component,
          id: table.id,
          subnetId: subnet.id,
          rule,
          ruleRef: { kind: 'route', destination: match.destination },
          explanation: `The most specific route for ${ip(destination)} is ${match.destination}, a blackhole: ${match.blackhole}. Traffic it matches is dropped, not sent to a shorter route.`,
        },
        'BAD_STATE_ROUTE',
      );
      return null;
    }
    this.pass({
      step: 'route',
      component,
      id: table.id,
      subnetId: subnet.id,
      rule,
      ruleRef: { kind: 'route', destination: match.destination },
      explanation: `The most specific route for ${ip(destination)} is ${match.destination} → ${target}.`,
    });
    return match;
  }

  sameSubnet(subnet: Subnet): void {
    this.pass({
      step: 'route',
      component: `subnet ${subnet.name}`,
      id: subnet.id,
      subnetId: subnet.id,
      rule: null,
      explanation:
        'Both ends are in the same subnet: no route table or network ACL is involved (security groups still are).',
    });
  }
}

/** The internet gateway attached to a VPC, if any. */
export const internetGatewayOf = (design: Design, vpcId: string) => designIndex(design).internetGatewayOf(vpcId);
