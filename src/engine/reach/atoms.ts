import { protocolNumber, resourcesOfKind, type Design, type Protocol } from '../../domain';
import { parseCidr } from '../../net';

/**
 * Atoms: the pieces of the port and address spaces that no rule or route of a
 * design tells apart, so exposure asks once per atom instead of once per port
 * or per instance.
 */

const MAX_PORT = 65535;
/** TCP's IP protocol number. */
export const TCP = 6;

/** An interval of ports (inclusive) that TCP rules match as a whole. */
type Span = readonly [from: number, to: number];

/**
 * The starts of the port-range atoms: ports where some rule's verdict for a TCP
 * packet may change. Reachability reads the port only in rule matching, so every
 * port of one atom gets the same answer. Security groups are a union of allows,
 * so a group's rules for one peer are merged first: 1,000 rules listing ports
 * 8000-8999 one by one are one span. Network ACLs are first-match, so each of
 * their rules is a span of its own.
 */
export function portAtomStarts(design: Design): number[] {
  const starts = new Set<number>([0]);
  const add = ([from, to]: Span) => {
    starts.add(from);
    if (to < MAX_PORT) starts.add(to + 1);
  };
  // TCP by name or by number (6) with its ports; `all` (-1) covers every port.
  const span = (protocol: Protocol, ports: { from: number; to: number } | null): Span | null => {
    const n = protocolNumber(protocol);
    if (n !== TCP && n !== -1) return null;
    return ports === null || n === -1 ? [0, MAX_PORT] : [ports.from, ports.to];
  };
  for (const group of resourcesOfKind(design, 'securityGroup')) {
    for (const rules of [group.inbound, group.outbound]) {
      const byPeer = new Map<string, Span[]>();
      for (const rule of rules) {
        const s = span(rule.protocol, rule.ports);
        if (!s) continue;
        const key =
          rule.peer.type === 'cidr'
            ? `c:${rule.peer.cidr}`
            : rule.peer.type === 'prefixList'
              ? `p:${rule.peer.prefixListId}`
              : `g:${rule.peer.groupId}`;
        const list = byPeer.get(key);
        if (list) list.push(s);
        else byPeer.set(key, [s]);
      }
      for (const spans of byPeer.values()) mergeSpans(spans).forEach(add);
    }
  }
  for (const acl of resourcesOfKind(design, 'networkAcl')) {
    for (const rule of [...acl.inbound, ...acl.outbound]) {
      const s = span(rule.protocol, rule.ports);
      if (s) add(s);
    }
  }
  return [...starts].sort((a, b) => a - b);
}

/** Overlapping or adjacent spans joined. */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The start of the atom holding `port` (binary search in the sorted starts). */
export function atomOf(starts: readonly number[], port: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= port) low = mid;
    else high = mid - 1;
  }
  return starts[low]!;
}

/**
 * Where the CIDR blocks that decide anything start and end (ACL rules, routes, group rules, prefix lists,
 * VPC ranges, transit gateway routes, on-premises ranges): two addresses between the same boundaries are told
 * apart by no rule or route. A subnet's own range decides nothing (its table and ACL go by association).
 */
export function addressAtomStarts(design: Design): number[] {
  const starts = new Set<number>([0]);
  const add = (text: string) => {
    const parsed = parseCidr(text);
    if (!parsed.ok) return;
    starts.add(parsed.value.network);
    const end = parsed.value.network + 2 ** (32 - parsed.value.prefix);
    if (end <= 0xffffffff) starts.add(end);
  };
  for (const r of Object.values(design.resources)) {
    switch (r.kind) {
      case 'networkAcl':
        for (const rule of [...r.inbound, ...r.outbound]) add(rule.cidr);
        break;
      case 'routeTable':
        for (const route of r.routes) add(route.destination);
        break;
      case 'securityGroup':
        for (const rule of [...r.inbound, ...r.outbound]) if (rule.peer.type === 'cidr') add(rule.peer.cidr);
        break;
      case 'managedPrefixList':
      case 'onPremisesNetwork':
        r.cidrs.forEach(add);
        break;
      case 'vpc':
        [r.cidr, ...r.secondaryCidrs].forEach(add);
        break;
      case 'transitGateway':
        for (const table of r.routeTables) for (const route of table.routes) add(route.destination);
        break;
    }
  }
  return [...starts].sort((a, b) => a - b);
}
