import { getResource, type Design, type RouteTable } from '../../domain';
import { containsAddress, parseCidr, type Cidr } from '../../net';
import { designIndex } from '../designIndex';
import { blackholeReason } from '../topology';

/**
 * Longest-prefix match over a route table, including routes propagated by
 * virtual private gateways. For the same prefix a static route beats a
 * propagated one. A blackhole route still wins the match and drops the packet.
 * Source: Amazon VPC User Guide, "Route priority"; aws-semantics pitfall 2.
 */
export interface RouteMatch {
  destination: string;
  target: string;
  /** `prefixList`: a route whose destination is a prefix list (a gateway endpoint's, or one a route names). */
  origin: 'static' | 'prefixList' | 'propagated';
  /** Why the target can't carry traffic, or null. */
  blackhole: string | null;
}

interface Candidate {
  block: Cidr;
  target: string;
  origin: RouteMatch['origin'];
  /** The prefix list the route names, for prefix-list routes. */
  via?: string;
}

/**
 * At equal prefix length: a plain CIDR route beats a prefix-list route, which
 * beats a propagated one. Source: Amazon VPC User Guide, "Route priority" and
 * "Prefix lists" (aws-semantics-2 §3).
 */
const RANK: Record<RouteMatch['origin'], number> = { static: 2, prefixList: 1, propagated: 0 };

/**
 * Routes to prefix lists: each gateway endpoint's route to its service's list in
 * the tables it serves (AWS adds it and it can't be edited), and routes whose
 * destination names a managed prefix list, one candidate per CIDR of the list.
 */
function prefixListRoutes(design: Design, table: RouteTable): Candidate[] {
  const out: Candidate[] = [];
  const expand = (listId: string | null, target: string) => {
    const list = getResource(design, listId, 'managedPrefixList');
    for (const text of list?.cidrs ?? []) {
      const parsed = parseCidr(text);
      if (parsed.ok) out.push({ block: parsed.value, target, origin: 'prefixList', via: list!.id });
    }
  };
  for (const endpoint of designIndex(design).gatewayEndpointsOf(table.id)) expand(endpoint.prefixListId, endpoint.id);
  for (const route of table.routes) if (route.destination.startsWith('pl-')) expand(route.destination, route.target);
  return out;
}

/** Routes a virtual private gateway propagates: the on-premises CIDRs it learns from its VPN and Direct Connect links. */
export function propagatedRoutes(design: Design, table: RouteTable): Candidate[] {
  const out: Candidate[] = [];
  for (const vgwId of table.propagatingGatewayIds) {
    const vgw = getResource(design, vgwId, 'virtualPrivateGateway');
    if (!vgw || vgw.vpcId !== table.vpcId) continue;
    const blocks = new Set<string>();
    const { vpns, directConnects } = designIndex(design).linksOf(vgw.id);
    for (const vpn of vpns) {
      if (vpn.routing === 'static') vpn.staticRoutes.forEach((b) => blocks.add(b));
      const cgw = getResource(design, vpn.customerGatewayId, 'customerGateway');
      const network = getResource(design, cgw?.onPremisesNetworkId, 'onPremisesNetwork');
      if (vpn.routing === 'dynamic' && network) network.cidrs.forEach((b) => blocks.add(b));
    }
    for (const dx of directConnects) {
      getResource(design, dx.onPremisesNetworkId, 'onPremisesNetwork')?.cidrs.forEach((b) => blocks.add(b));
    }
    for (const text of blocks) {
      const parsed = parseCidr(text);
      if (parsed.ok) out.push({ block: parsed.value, target: vgw.id, origin: 'propagated' });
    }
  }
  return out;
}

export function lookupRoute(design: Design, table: RouteTable, address: number): RouteMatch | null {
  let best: Candidate | null = null;
  const consider = (candidate: Candidate) => {
    if (!containsAddress(candidate.block, address)) return;
    if (
      !best ||
      candidate.block.prefix > best.block.prefix ||
      (candidate.block.prefix === best.block.prefix && RANK[candidate.origin] > RANK[best.origin])
    ) {
      best = candidate;
    }
  };
  for (const route of table.routes) {
    const parsed = parseCidr(route.destination);
    if (parsed.ok) consider({ block: parsed.value, target: route.target, origin: 'static' });
  }
  propagatedRoutes(design, table).forEach(consider);
  prefixListRoutes(design, table).forEach(consider);
  const match = best as Candidate | null;
  if (!match) return null;
  return {
    destination: match.via ?? match.block.text,
    target: match.target,
    origin: match.origin,
    blackhole: blackholeReason(design, table, match.target),
  };
}
