import {
  getResource,
  hasPorts,
  protocolLabel,
  protocolNumber,
  type Design,
  type PacketProtocol,
  type NaclRule,
  type NetworkAcl,
  type PortRange,
  type SecurityGroup,
  type SgRule,
} from '../../domain';
import { containsAddress, parseCidr } from '../../net';

/** One concrete packet as the rules see it. */
export interface Packet {
  /** TCP, UDP, ICMP or another IP protocol by number. */
  protocol: PacketProtocol;
  /** Destination port (ignored for protocols without ports: all but TCP and UDP). */
  port: number;
}

/**
 * Whether a rule covers a packet: `all` (AWS's -1) covers every protocol; a
 * rule for another protocol number covers all of that protocol's traffic,
 * whatever ports it names. Sources: Amazon EC2 API Reference, `IpPermission`
 * and `CreateNetworkAclEntry`.
 */
function protocolMatches(ruleProtocol: NaclRule['protocol'], ports: PortRange, packet: Packet): boolean {
  if (ruleProtocol === 'all') return true;
  if (protocolNumber(ruleProtocol) !== protocolNumber(packet.protocol)) return false;
  if (!hasPorts(packet.protocol) || ports === null) return true;
  return packet.port >= ports.from && packet.port <= ports.to;
}

/** An ACL's rules of one direction in number order, sorted once per (immutable) ACL object. */
const sortedRules = new WeakMap<NetworkAcl, { inbound: NaclRule[]; outbound: NaclRule[] }>();
function rulesInOrder(acl: NetworkAcl, direction: 'inbound' | 'outbound'): readonly NaclRule[] {
  let sorted = sortedRules.get(acl);
  if (!sorted) {
    const byNumber = (a: NaclRule, b: NaclRule) => a.ruleNumber - b.ruleNumber;
    sorted = { inbound: [...acl.inbound].sort(byNumber), outbound: [...acl.outbound].sort(byNumber) };
    sortedRules.set(acl, sorted);
  }
  return sorted[direction];
}

export type NaclVerdict = { action: 'allow' | 'deny'; rule: NaclRule | null };

/**
 * Network ACL rules in number order; the first that matches decides; none
 * matching means the final `*` rule denies. Ports are the packet's destination port.
 * Source: Amazon VPC User Guide, "Network ACL rules".
 */
export function evaluateNacl(
  acl: NetworkAcl,
  direction: 'inbound' | 'outbound',
  packet: Packet,
  peer: number,
): NaclVerdict {
  for (const rule of rulesInOrder(acl, direction)) {
    const cidr = parseCidr(rule.cidr);
    if (!cidr.ok || !containsAddress(cidr.value, peer)) continue;
    if (!protocolMatches(rule.protocol, rule.ports, packet)) continue;
    return { action: rule.action, rule };
  }
  return { action: 'deny', rule: null };
}

/** The other side of a security-group check: its address and, for private VPC traffic, its groups. */
export interface SgPeer {
  address: number;
  /** Groups on the peer's interface; only set when the traffic uses private addresses in the VPC. */
  groupIds: readonly string[];
}

export type SgVerdict = { allowed: true; group: SecurityGroup; rule: SgRule; index: number } | { allowed: false };

/**
 * The union of the allow rules of every group on the interface. A group
 * reference matches only traffic from the private address of an interface
 * carrying that group. Source: "Security group rules", aws-semantics pitfall 8.
 */
export function evaluateSecurityGroups(
  design: Design,
  groupIds: readonly string[],
  direction: 'inbound' | 'outbound',
  packet: Packet,
  peer: SgPeer,
): SgVerdict {
  for (const groupId of groupIds) {
    const group = getResource(design, groupId, 'securityGroup');
    if (!group) continue;
    const index = group[direction].findIndex((rule) => {
      if (!protocolMatches(rule.protocol, rule.ports, packet)) return false;
      if (rule.peer.type === 'securityGroup') return peer.groupIds.includes(rule.peer.groupId);
      if (rule.peer.type === 'prefixList')
        return (getResource(design, rule.peer.prefixListId, 'managedPrefixList')?.cidrs ?? []).some((text) => {
          const block = parseCidr(text);
          return block.ok && containsAddress(block.value, peer.address);
        });
      const cidr = parseCidr(rule.peer.cidr);
      return cidr.ok && containsAddress(cidr.value, peer.address);
    });
    if (index >= 0) return { allowed: true, group, rule: group[direction][index]!, index };
  }
  return { allowed: false };
}

export function describeNaclRule(rule: NaclRule | null): string {
  if (!rule) return 'rule * (deny all)';
  const ports = rule.ports
    ? rule.ports.from === rule.ports.to
      ? ` port ${rule.ports.from}`
      : ` ports ${rule.ports.from}-${rule.ports.to}`
    : '';
  return `rule ${rule.ruleNumber} (${rule.action} ${protocolLabel(rule.protocol)}${hasPorts(rule.protocol) ? ports : ''} ${rule.cidr})`;
}

export function describeSgRule(design: Design, rule: SgRule, direction: 'inbound' | 'outbound'): string {
  const ports = rule.ports
    ? rule.ports.from === rule.ports.to
      ? ` ${rule.ports.from}`
      : ` ${rule.ports.from}-${rule.ports.to}`
    : '';
  const what = `${protocolLabel(rule.protocol)}${hasPorts(rule.protocol) ? ports : ''}`;
  const peer =
    rule.peer.type === 'cidr'
      ? rule.peer.cidr
      : rule.peer.type === 'prefixList'
        ? (getResource(design, rule.peer.prefixListId, 'managedPrefixList')?.name ?? rule.peer.prefixListId)
        : (getResource(design, rule.peer.groupId, 'securityGroup')?.name ?? rule.peer.groupId);
  return `${what} ${direction === 'inbound' ? 'from' : 'to'} ${peer}`;
}
