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
  origin: 'static' | 'propagated';
  /** Why the target can't carry traffic, or null. */
  blackhole: string | null;
}

interface Candidate {
  block: Cidr;
  target: string;
  origin: 'static' | 'propagated';
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
      (candidate.block.prefix === best.block.prefix && best.origin === 'propagated' && candidate.origin === 'static')
    ) {
      best = candidate;
    }
  };
  for (const route of table.routes) {
    const parsed = parseCidr(route.destination);
    if (parsed.ok) consider({ block: parsed.value, target: route.target, origin: 'static' });
  }
  propagatedRoutes(design, table).forEach(consider);
  const match = best as Candidate | null;
  if (!match) return null;
  return {
    destination: match.block.text,
    target: match.target,
    origin: match.origin,
    blackhole: blackholeReason(design, table, match.target),
  };
}
