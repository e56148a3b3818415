import { balancesAcrossZones, getResource, type Design, type LoadBalancer } from '../domain';
import { loadBalancerNodes, type BlockCode, type PathOptions, type TargetReach } from '../engine';

/**
 * How a load balancer spreads a flow's requests over its targets, as shares
 * planned once per change (design, state or health), never per request.
 *
 * ALB: round robin over the healthy targets of the listener's group, every
 * zone alike (cross-zone is always on). NLB: flow hash; DNS hands out the
 * address of each node of an enabled zone that has a healthy target it may
 * send to (a node without one leaves DNS), so each such node gets an equal
 * share, and splits it evenly over the healthy targets it sends to: its own
 * zone's with cross-zone off, all with it on. Fail open: when every
 * registered target is unhealthy, both send to all of them; `initial`,
 * `draining` and `unused` targets get nothing, so with no target routable and
 * not all unhealthy there is nowhere to send (no shares: the ALB's 503, the
 * NLB's reset). Sources: ELB User Guide, "Application
 * Load Balancers" (routing algorithm, round robin by default), NLB guide
 * ("Availability Zones", "Cross-zone load balancing", "Target health":
 * fail open); aws-semantics-2 section 5. Nimbus spreads requests exactly by
 * these shares; AWS's hashing only approaches them over many flows.
 */

/** What becomes of the requests sent down one branch: answered by the target, or the load balancer's error. */
export type BranchOutcome = 'served' | '502' | '503' | '504' | 'reset';

/** Target health states a load balancer routes to: healthy, and `unavailable` (checks off). Absent: healthy. */
const routable = (health: string): boolean => health === 'healthy' || health === 'unavailable';

export interface Share {
  targetIndex: number;
  share: number;
}

/** Each target's share of the requests (by its index in `targets`); only targets with a share are listed. */
export function targetShares(
  design: Design,
  lb: LoadBalancer,
  targets: readonly TargetReach[],
  options: PathOptions,
): Share[] {
  const healthy = targets.map((t) => routable(t.health));
  const open = !healthy.some(Boolean) && targets.every((t) => t.health === 'unhealthy');
  const candidate = (i: number) => open || healthy[i]!;
  if (!targets.some((_, i) => candidate(i))) return [];
  if (balancesAcrossZones(lb) && lb.type === 'application') return evenly(targets, candidate);
  const nodes = loadBalancerNodes(design, lb, options).filter((n) => !n.eni.outage);
  const perNode = nodes.map((node) =>
    targets.flatMap((t, i) =>
      candidate(i) && (balancesAcrossZones(lb) || t.target.zoneId === node.zoneId) ? [i] : [],
    ),
  );
  const serving = perNode.filter((list) => list.length > 0);
  // No node in service has a target to send to: nothing is routable.
  if (serving.length === 0) return [];
  const shares = new Array<number>(targets.length).fill(0);
  for (const list of serving) for (const i of list) shares[i]! += 1 / serving.length / list.length;
  return shares.flatMap((share, targetIndex) => (share > 0 ? [{ targetIndex, share }] : []));
}

function evenly(targets: readonly TargetReach[], take: (i: number) => boolean): Share[] {
  const chosen = targets.flatMap((_, i) => (take(i) ? [i] : []));
  return chosen.map((targetIndex) => ({ targetIndex, share: 1 / chosen.length }));
}

/** What a target's network verdict means for the requests sent to it. */
export const outcomeOf = (target: TargetReach): BranchOutcome =>
  target.reachable ? 'served' : (target.failure ?? 'reset');

/**
 * What a load balancer answers when it takes the request but has nowhere to
 * send it (a listener without a target group, a group without targets): an
 * ALB's 503, an NLB's reset. Null for a block that is not the load balancer's answer.
 */
export function refusalOf(design: Design, lbId: string, code: BlockCode | undefined): BranchOutcome | null {
  if (code !== 'ELB_NO_REGISTERED_TARGETS' && code !== 'ELBV2_LISTENER_HAS_NO_TG') return null;
  return getResource(design, lbId, 'loadBalancer')?.type === 'network' ? 'reset' : '503';
}

/**
 * Splits `count` requests over shares exactly: each branch gets the whole
 * requests it is due (its share plus what it was owed, floored); the few
 * left over go one each to branches still owed something, in turn from
 * where the last second's stopped. So every request goes somewhere, each
 * second costs one pass over the branches, and a branch's total never
 * strays more than a request or two from its share. `owed` carries the
 * fractions to the next second; `into` receives the counts; returns the
 * cursor for the next second.
 */
export function splitRequests(
  count: number,
  shares: readonly number[],
  owed: Float64Array,
  into: Int32Array,
  cursor = 0,
): number {
  const branches = shares.length;
  let given = 0;
  for (let b = 0; b < branches; b++) {
    const due = owed[b]! + count * shares[b]!;
    const n = Math.max(0, Math.floor(due + 1e-9));
    into[b] = n;
    owed[b] = due - n;
    given += n;
  }
  let left = count - given;
  let b = cursor;
  for (let seen = 0; left > 0 && seen < 2 * branches; seen++, b = (b + 1) % branches) {
    if (owed[b]! <= 1e-12 && seen < branches) continue;
    into[b]! += 1;
    owed[b]! -= 1;
    left--;
  }
  return branches === 0 ? 0 : b % branches;
}
