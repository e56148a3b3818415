import { getResource, resourcesOfKind, type Design, type Subnet } from '../../domain';
import { formatIpv4 } from '../../net';
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

/** One step of a path, as Reachability Analyzer lists path components. */
export interface Hop {
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
}

/** Reachability Analyzer explanation codes where one fits; NO_PUBLIC_ADDRESS is Nimbus's own. */
export type BlockCode =
  | 'BAD_STATE'
  | 'ENI_SG_RULES_MISMATCH'
  | 'SUBNET_ACL_RESTRICTION'
  | 'NO_ROUTE_TO_DESTINATION'
  | 'BLACKHOLE_ROUTE'
  | 'CANNOT_ROUTE'
  | 'NO_PUBLIC_ADDRESS';

export interface Block {
  component: string;
  id: string;
  code: BlockCode;
}

const ip = formatIpv4;
const packetWords = (p: Packet) => (p.protocol === 'icmp' ? 'ICMP' : `${p.protocol.toUpperCase()} port ${p.port}`);

/** Collects hops along one direction of a path and stops at the first one that blocks. */
export class Trace {
  readonly hops: Hop[] = [];
  blocked: Block | null = null;
  constructor(private readonly design: Design) {}

  get ok(): boolean {
    return this.blocked === null;
  }

  pass(hop: Omit<Hop, 'decision'> & { decision?: Decision }): void {
    if (this.ok) this.hops.push({ decision: 'forward', ...hop });
  }

  fail(hop: Omit<Hop, 'decision'> & { decision?: Decision }, code: BlockCode): void {
    if (!this.ok) return;
    this.hops.push({ decision: 'drop', ...hop });
    this.blocked = { component: hop.component, id: hop.id, code };
  }

  state(eni: Interface, role: string): void {
    if (eni.state === null || eni.state === 'running') return;
    this.fail(
      {
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
    const verdict = evaluateSecurityGroups(this.design, eni.groupIds, direction, packet, peer);
    const names =
      eni.groupIds.map((id) => getResource(this.design, id, 'securityGroup')?.name ?? id).join(', ') || 'none';
    if (verdict.allowed) {
      this.pass({
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
    if (eni.ownerKind === 'natGateway') return;
    this.pass({
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
        packet.port >= 1024 && packet.protocol !== 'icmp'
          ? ' Network ACLs are stateless: a response needs its own rule for the client\u2019s ephemeral port.'
          : '';
      this.fail(
        {
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
    const target = match.target === 'local' ? 'local' : (this.design.resources[match.target]?.name ?? match.target);
    const rule = `${table.name}: ${match.destination} → ${target}${match.origin === 'propagated' ? ' (propagated)' : ''}`;
    if (match.blackhole) {
      this.fail(
        {
          component,
          id: table.id,
          subnetId: subnet.id,
          rule,
          ruleRef: { kind: 'route', destination: match.destination },
          explanation: `The most specific route for ${ip(destination)} is ${match.destination}, a blackhole: ${match.blackhole}. Traffic it matches is dropped, not sent to a shorter route.`,
        },
        'BLACKHOLE_ROUTE',
      );
      return null;
    }
    this.pass({
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
export const internetGatewayOf = (design: Design, vpcId: string) =>
  resourcesOfKind(design, 'internetGateway').find((g) => g.vpcId === vpcId);
