import { getResource, type Design } from '../domain';
import type { LoadBalancerReach, PathOptions, ReachResult, TargetLeg, TargetReach } from '../engine';
import { outcomeOf, refusalOf, targetShares, type BranchOutcome, type Share } from './loadBalancing';
import type { FlowPath, PathHops, PathStep } from './trafficPath';

/** One target a flow's requests go to through a load balancer, and its share of them. */
export interface FlowBranch {
  targetId: string;
  name: string;
  /** Fraction of the flow's requests (a flow's branches sum to 1). */
  share: number;
  outcome: BranchOutcome;
  blockedBy: FlowPath['blockedBy'];
  /** The path through this target, to animate. */
  steps: PathStep[];
  rttMs: number | null;
}

/** A flow to a load balancer: the branches its requests split over, or the answer when there is nowhere to send them. */
export interface BalancedFlow {
  loadBalancerId: string;
  targetGroupId: string | null;
  /** Every request refused by the load balancer itself (503, or a reset): no target group, or no targets. */
  refused: BranchOutcome | null;
  branches: FlowBranch[];
}

/**
 * At most this many branches of a flow carry their steps, and visual packets
 * take only those: a frame carries every path, and a group of hundreds of
 * targets would make it megabytes. A tick shows four packets per flow anyway.
 */
export const MAX_ANIMATED_BRANCHES = 4;

/** A branch's path shape: its outcome and the node it goes through. */
const shapeOf = (t: TargetReach) => `${outcomeOf(t)}|${t.nodeSubnetId}`;

/** Which branches carry steps: the first of each shape, then the first others, up to the maximum. */
function animatedBranches(targets: readonly TargetReach[]): Set<number> {
  const chosen = new Set<number>();
  const kinds = new Set<string>();
  targets.forEach((t, b) => {
    const kind = shapeOf(t);
    if (!kinds.has(kind) && chosen.size < MAX_ANIMATED_BRANCHES) {
      kinds.add(kind);
      chosen.add(b);
    }
  });
  for (let b = 0; b < targets.length && chosen.size < MAX_ANIMATED_BRANCHES; b++) chosen.add(b);
  return chosen;
}

/** A target's verdict through one of its legs, the same object for the same target and leg (see `branchOf`). */
function throughLeg(target: TargetReach, leg: TargetLeg): TargetReach {
  let byTarget = legVerdicts.get(leg);
  if (!byTarget) {
    byTarget = new WeakMap();
    legVerdicts.set(leg, byTarget);
  }
  let merged = byTarget.get(target);
  if (!merged) {
    merged = { ...target, ...leg };
    byTarget.set(target, merged);
  }
  return merged;
}

const legVerdicts = new WeakMap<TargetLeg, WeakMap<TargetReach, TargetReach>>();

/**
 * A branch, the same object for the same verdict, share, steps and round
 * trip: verdicts are remembered (`engine/reach/loadBalancers.ts`), so after
 * a change elsewhere most branches are what they were and the traffic's
 * comparison of the old path and the new one finds them equal at once.
 */
function branchOf(target: TargetReach, share: number, steps: PathStep[], rttMs: number | null): FlowBranch {
  const earlier = branches.get(target);
  const known = earlier?.find((b) => b.share === share && b.steps === steps && b.rttMs === rttMs);
  if (known) return known;
  const branch: FlowBranch = {
    targetId: target.target.id,
    name: target.name,
    share,
    outcome: outcomeOf(target),
    blockedBy: target.blockedBy
      ? {
          direction: target.blockedBy.direction,
          code: target.blockedBy.code,
          component: target.blockedBy.component,
          id: target.blockedBy.id,
        }
      : null,
    steps,
    rttMs,
  };
  branches.set(target, [branch, ...(earlier ?? [])].slice(0, BRANCHES_PER_VERDICT));
  return branch;
}

const branches = new WeakMap<TargetReach, FlowBranch[]>();
const BRANCHES_PER_VERDICT = 4;
const NO_STEPS: PathStep[] = [];

/**
 * The branches: a target's share split evenly over its legs when it has
 * them (DNS gives clients every node's address, so each node in service takes
 * an equal part of the requests), each leg a branch with that node's verdict;
 * legs that end alike share one branch, so a group all of whose nodes pass
 * keeps one branch per target.
 */
function throughNodes(
  targetShares: readonly Share[],
  targets: readonly TargetReach[],
): { shares: Share[]; chosen: TargetReach[] } {
  const shares: Share[] = [];
  const chosen: TargetReach[] = [];
  for (const { targetIndex, share } of targetShares) {
    const target = targets[targetIndex]!;
    const legs = target.legs ?? [];
    if (legs.length === 0) {
      shares.push({ targetIndex, share });
      chosen.push(target);
      continue;
    }
    // Legs that end alike (same outcome, same deciding resource) are one branch, through the first of them.
    const alike = new Map<string, number>();
    for (const leg of legs) {
      const key = `${leg.reachable ? 'served' : (leg.failure ?? 'reset')}|${leg.blockedBy?.id ?? ''}`;
      const b = alike.get(key);
      if (b !== undefined) {
        shares[b]!.share += share / legs.length;
        continue;
      }
      alike.set(key, shares.length);
      shares.push({ targetIndex, share: share / legs.length });
      chosen.push(throughLeg(target, leg));
    }
  }
  return { shares, chosen };
}

/**
 * A flow to a load balancer: its requests' shares over the targets (see
 * `loadBalancing.ts`), each branch with its outcome and steps; the main path
 * is the branch with the largest share that is served (else the largest).
 */
export function balance(
  live: Design,
  result: ReachResult,
  reach: LoadBalancerReach,
  options: PathOptions,
  layOut: (hops: PathHops) => { steps: PathStep[]; rttMs: number | null },
): { flow: BalancedFlow; main: PathHops } | null {
  const lb = getResource(live, reach.loadBalancerId, 'loadBalancer');
  if (!lb) return null;
  const refused = reach.targets.length === 0 ? refusalOf(live, lb.id, result.blockedBy?.code) : null;
  if (reach.targets.length === 0)
    return {
      flow: { loadBalancerId: lb.id, targetGroupId: reach.targetGroupId, refused, branches: [] },
      main: result,
    };
  const byTarget = targetShares(live, lb, reach.targets, options);
  // Targets registered but none routable (initial, draining, unused) and not all unhealthy: nowhere to send.
  if (byTarget.length === 0)
    return {
      flow: {
        loadBalancerId: lb.id,
        targetGroupId: reach.targetGroupId,
        refused: lb.type === 'network' ? 'reset' : '503',
        branches: [],
      },
      main: result,
    };
  const { shares, chosen } = throughNodes(byTarget, reach.targets);
  const animated = animatedBranches(chosen);
  // Steps are laid out for the animated branches only; the others take the round trip of an animated branch
  // of the same outcome and node (the same path shape), else their own hops' count at in-VPC latency.
  const rttByShape = new Map<string, number | null>();
  const laidOut = new Map<number, { steps: PathStep[]; rttMs: number | null }>();
  for (const b of animated) {
    const target = chosen[b]!;
    const path = layOut({
      ...result,
      destination: target.endpoint ?? result.destination,
      reachable: target.reachable,
      forward: target.forward,
      return: target.return,
      blockedBy: target.blockedBy,
    });
    laidOut.set(b, path);
    const shape = shapeOf(target);
    if (!rttByShape.has(shape)) rttByShape.set(shape, path.rttMs);
  }
  const servedRtt = [...laidOut.values()].find((p) => p.rttMs !== null)?.rttMs ?? null;
  const branches: FlowBranch[] = shares.map(({ share }, b) => {
    const target = chosen[b]!;
    const own = laidOut.get(b);
    const rttMs = own ? own.rttMs : target.reachable ? (rttByShape.get(shapeOf(target)) ?? servedRtt) : null;
    return branchOf(target, share, own?.steps ?? NO_STEPS, rttMs);
  });
  let mainIndex = -1;
  shares.forEach(({ share }, b) => {
    const best = mainIndex < 0 ? null : branches[mainIndex]!;
    const served = branches[b]!.outcome === 'served';
    if (
      !best ||
      (served && best.outcome !== 'served') ||
      (served === (best.outcome === 'served') && share > best.share + 1e-12)
    )
      mainIndex = b;
  });
  const target = mainIndex < 0 ? null : chosen[mainIndex]!;
  return {
    flow: { loadBalancerId: lb.id, targetGroupId: reach.targetGroupId, refused: null, branches },
    main: target
      ? {
          ...result,
          destination: target.endpoint ?? result.destination,
          reachable: target.reachable,
          forward: target.forward,
          return: target.return,
          blockedBy: target.blockedBy,
        }
      : result,
  };
}
