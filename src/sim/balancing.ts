import type { Flow } from '../domain';
import { bytesOn } from './dataTransfer';
import type { FlowCounters, VersionedPath } from './protocol';
import { splitRequests } from './loadBalancing';

/**
 * Counters of the requests flows send through load balancers: per load
 * balancer what it served and failed (by status), and the load its capacity
 * units are billed on; per target its requests. Exact counts, plain numbers
 * per target and per balancer, no object per request.
 */

export interface BalancerCounters {
  served: number;
  failed: number;
  /** Failed requests by status: `502`, `503`, `504`, `reset`. */
  failedBy: Record<string, number>;
  lastSecond: { served: number; failed: number };
  /**
   * The last second's load, for capacity units: connections opened (one per
   * request of a `perRequest` flow, one when a `persistent` flow first sends),
   * persistent connections held open, and bytes through it.
   */
  load: { newConnections: number; openConnections: number; bytes: number };
}

export interface TargetCounters {
  requests: number;
  lastSecond: number;
}

/** A target's counters as kept: `lastSecond` counts only for the second `second` (older ones are a zero). */
interface TargetTally {
  requests: number;
  lastSecond: number;
  second: number;
}

const emptyBalancer = (): BalancerCounters => ({
  served: 0,
  failed: 0,
  failedBy: {},
  lastSecond: { served: 0, failed: 0 },
  load: { newConnections: 0, openConnections: 0, bytes: 0 },
});

/** What a flow owes each branch of the path version it was split on. */
interface FlowSplit {
  version: number;
  owed: Float64Array;
  counts: Int32Array;
  shares: number[];
  /** Where the next second's left-over requests start (see `splitRequests`). */
  cursor: number;
  /** Each branch's target counters, found once per path version. */
  targets: Array<TargetTally | null>;
  /** The branches that carry steps to animate (see MAX_ANIMATED_BRANCHES). */
  animated: number[];
  /** 1 for a branch whose requests are served. */
  served: Uint8Array;
  /** Visual packets sent so far, to take the animated branches in turn. */
  packets: number;
  /** Whether its one persistent connection is open (counted new once). */
  connected: boolean;
  /**
   * The request count for which the split repeats itself: splitting it again
   * leaves `owed` and `cursor` as they were, so every later second of that
   * count gives the same `counts` (null until a second shows it). Such seconds
   * skip the split, and when every branch with requests is served their
   * target counts wait in `pendingSeconds` (see `settle`).
   */
  steadyCount: number | null;
  /** In a steady split whose requests are all served: the requests delivered each second and their round trip. */
  steadyDelivered: number | null;
  steadyRtt: number | null;
  /** Steady seconds whose target counts are not added to the targets yet, the last of them at `pendingUntil`. */
  pendingSeconds: number;
  pendingUntil: number;
}

/** What one steady second of a balanced flow adds (see `BalancingCounters.steadySecond`). */
export interface SteadyBalancedSecond {
  split: FlowSplit;
  lb: BalancerCounters;
  delivered: number;
  rttMs: number | null;
  newConnections: number;
  openConnections: number;
  bytes: number;
  /** Every animated branch has requests, so each visual packet takes the next one. */
  everyShownHasRequests: boolean;
}

export class BalancingCounters {
  private readonly balancers = new Map<string, BalancerCounters>();
  /** By target group id, then target id. */
  private readonly targets = new Map<string, Map<string, TargetTally>>();
  private readonly splits = new Map<string, FlowSplit>();
  /** The second under way (the one `startSecond` began); a target's `lastSecond` of an earlier one reads 0. */
  private second = 0;
  /** Whether some split has target counts waiting (see `settle`). */
  private pending = false;

  /** A new second, the one that ends at `now`: the last second's figures start from zero. */
  startSecond(now: number): void {
    for (const b of this.balancers.values()) {
      b.lastSecond.served = 0;
      b.lastSecond.failed = 0;
      b.load.newConnections = 0;
      b.load.openConnections = 0;
      b.load.bytes = 0;
    }
    // Targets' last-second counts are reset lazily: one counted for an earlier second reads 0.
    this.second = now;
  }

  /** Forgets the splits of flows that are gone (their counts stay in the totals). */
  keepFlows(ids: ReadonlySet<string>): void {
    for (const [id, split] of this.splits)
      if (!ids.has(id)) {
        this.settleSplit(split);
        this.splits.delete(id);
        if (this.recentSplit?.flowId === id) this.recentSplit = null;
      }
  }

  /** Sends `count` requests of a flow down its load balancer's branches and counts where they end. */
  send(flow: Flow, path: VersionedPath, count: number, counters: FlowCounters): void {
    const balanced = path.balanced!;
    const lb = this.balancer(balanced.loadBalancerId);
    const split = this.splitOf(flow.id, path);
    const persistent = flow.connection === 'persistent';
    lb.load.newConnections += persistent ? (split.connected ? 0 : 1) : count;
    if (persistent) lb.load.openConnections += 1;
    split.connected = true;
    if (balanced.refused) {
      this.fail(lb, balanced.refused, count);
      counters.droppedForward += count;
      counters.droppedBy[balanced.loadBalancerId] = (counters.droppedBy[balanced.loadBalancerId] ?? 0) + count;
      counters.lastSecond.dropped = count;
      counters.lastRttMs = null;
      lb.load.bytes += count * bytesOn('request', flow);
      return;
    }
    if (split.steadyCount === count && split.steadyDelivered !== null) {
      this.sendSteady(flow, split, lb, counters);
      return;
    }
    this.settleSplit(split);
    if (split.steadyCount !== count) this.splitAgain(split, count);
    let delivered = 0;
    let dropped = 0;
    let rtt: number | null = null;
    const { counts, targets, served } = split;
    for (let b = 0; b < counts.length; b++) {
      const n = counts[b]!;
      if (n === 0) continue;
      const target = targets[b];
      if (target) {
        target.requests += n;
        if (target.second !== this.second) {
          target.second = this.second;
          target.lastSecond = 0;
        }
        target.lastSecond += n;
      }
      if (served[b] === 1) {
        delivered += n;
        rtt = balanced.branches[b]!.rttMs;
        continue;
      }
      const branch = balanced.branches[b]!;
      dropped += n;
      this.fail(lb, branch.outcome, n);
      if (branch.blockedBy?.direction === 'return') counters.droppedReturn += n;
      else counters.droppedForward += n;
      const decider = branch.blockedBy?.id ?? balanced.loadBalancerId;
      counters.droppedBy[decider] = (counters.droppedBy[decider] ?? 0) + n;
    }
    lb.served += delivered;
    lb.lastSecond.served += delivered;
    lb.load.bytes += delivered * bytesOn('both', flow) + dropped * bytesOn('request', flow);
    if (delivered > 0) counters.lastRttMs = rtt;
    counters.delivered += delivered;
    counters.lastSecond.delivered = delivered;
    counters.lastSecond.dropped = dropped;
    if (delivered === 0) counters.lastRttMs = null;
    if (split.steadyCount === count) {
      split.steadyDelivered = dropped === 0 ? delivered : null;
      split.steadyRtt = rtt;
    }
  }

  /** Splits `count` afresh, and notes when the split has come to repeat itself (see `FlowSplit.steadyCount`). */
  private splitAgain(split: FlowSplit, count: number): void {
    const owedBefore = split.owed.slice();
    const cursorBefore = split.cursor;
    split.cursor = splitRequests(count, split.shares, split.owed, split.counts, split.cursor);
    let same = split.cursor === cursorBefore;
    for (let b = 0; same && b < owedBefore.length; b++) same = Object.is(owedBefore[b], split.owed[b]);
    split.steadyCount = same ? count : null;
    split.steadyDelivered = null;
  }

  /**
   * A second of a steady split whose requests are all served: the same
   * counts as the second before, so only the totals move; the targets'
   * counts wait until something reads them (`settle`), integers added in
   * bulk, so they come out exactly as second by second.
   */
  private sendSteady(flow: Flow, split: FlowSplit, lb: BalancerCounters, counters: FlowCounters): void {
    const delivered = split.steadyDelivered!;
    split.pendingSeconds++;
    split.pendingUntil = this.second;
    this.pending = true;
    lb.served += delivered;
    lb.lastSecond.served += delivered;
    lb.load.bytes += delivered * bytesOn('both', flow);
    if (delivered > 0) counters.lastRttMs = split.steadyRtt;
    counters.delivered += delivered;
    counters.lastSecond.delivered = delivered;
    counters.lastSecond.dropped = 0;
    if (delivered === 0) counters.lastRttMs = null;
  }

  /**
   * Whether the flow's next second of `count` requests down this path takes
   * the steady way of `send` (every request served, the split repeating
   * itself): then what that second adds, the same every second after.
   */
  steadySecond(flow: Flow, path: VersionedPath, count: number): SteadyBalancedSecond | null {
    const balanced = path.balanced;
    if (!balanced || balanced.refused || balanced.branches.length === 0) return null;
    const split = this.splits.get(flow.id);
    if (!split || split.version !== path.version || !split.connected) return null;
    if (split.steadyCount !== count || split.steadyDelivered === null) return null;
    const delivered = split.steadyDelivered;
    const persistent = flow.connection === 'persistent';
    const shown = split.animated;
    let everyShownHasRequests = true;
    for (const b of shown) if (split.counts[b] === 0) everyShownHasRequests = false;
    return {
      split,
      lb: this.balancer(balanced.loadBalancerId),
      delivered,
      rttMs: delivered > 0 ? split.steadyRtt : null,
      newConnections: persistent ? 0 : count,
      openConnections: persistent ? 1 : 0,
      bytes: delivered * bytesOn('both', flow),
      everyShownHasRequests,
    };
  }

  /**
   * The per-second figures (load balancers' last second and load) as `send`
   * leaves them after one second of each of these steady seconds, in order.
   */
  startSteadySeconds(seconds: readonly SteadyBalancedSecond[]): void {
    this.startSecond(this.second);
    for (const s of seconds) {
      s.lb.lastSecond.served += s.delivered;
      s.lb.load.newConnections += s.newConnections;
      s.lb.load.openConnections += s.openConnections;
      s.lb.load.bytes += s.bytes;
    }
  }

  /**
   * `seconds` steady seconds of each, the last ending at `last`: what as many
   * `send` calls would leave (whole numbers, so added in bulk).
   */
  repeatSteadySeconds(steady: readonly SteadyBalancedSecond[], seconds: number, last: number): void {
    if (seconds <= 0) return;
    this.second = last;
    for (const s of steady) {
      s.split.pendingSeconds += seconds;
      s.split.pendingUntil = last;
      s.lb.served += s.delivered * seconds;
      this.pending = true;
    }
  }

  /** Moves a steady flow's visual packets on by `packets` without drawing them (see `nextBranch`). */
  skipPackets(steady: SteadyBalancedSecond, flowId: string, path: VersionedPath, packets: number): void {
    const split = steady.split;
    // Each packet takes the next animated branch when every one of them has requests.
    if (steady.everyShownHasRequests) split.packets += split.animated.length === 0 ? 0 : packets;
    else for (let k = 0; k < packets; k++) this.nextBranch(flowId, path);
  }

  /** Adds every steady split's waiting seconds to its targets' counts. */
  private settle(): void {
    if (!this.pending) return;
    this.pending = false;
    for (const split of this.splits.values()) this.settleSplit(split);
  }

  private settleSplit(split: FlowSplit): void {
    const seconds = split.pendingSeconds;
    if (seconds === 0) return;
    split.pendingSeconds = 0;
    const last = split.pendingUntil;
    const { counts, targets } = split;
    for (let b = 0; b < counts.length; b++) {
      const n = counts[b]!;
      const target = targets[b];
      if (n === 0 || !target) continue;
      target.requests += n * seconds;
      // Its last second counts toward the target's only when no later second has been counted there.
      if (target.second < last) {
        target.second = last;
        target.lastSecond = 0;
      }
      if (target.second === last) target.lastSecond += n;
    }
  }

  /** The branch the next visual packet of a flow follows: the animated branches with requests this second, in turn. */
  nextBranch(flowId: string, path: VersionedPath): number | null {
    if (!path.balanced || path.balanced.branches.length === 0) return null;
    const split = this.splitOf(flowId, path);
    const shown = split.animated;
    if (shown.length === 0) return null;
    for (let k = 0; k < shown.length; k++) {
      const b = shown[(split.packets + k) % shown.length]!;
      if (split.counts[b]! > 0) {
        split.packets += k + 1;
        return b;
      }
    }
    return shown[split.packets++ % shown.length]!;
  }

  /** Every load balancer's counters so far, by id. */
  balancerCounters(): ReadonlyMap<string, BalancerCounters> {
    return this.balancers;
  }

  /** A target's requests through a group so far and in the last second. */
  targetCounters(groupId: string, targetId: string): TargetCounters {
    this.settle();
    const target = this.targets.get(groupId)?.get(targetId);
    if (!target) return { requests: 0, lastSecond: 0 };
    return { requests: target.requests, lastSecond: target.second === this.second ? target.lastSecond : 0 };
  }

  private fail(lb: BalancerCounters, status: string, n: number): void {
    lb.failed += n;
    lb.lastSecond.failed += n;
    lb.failedBy[status] = (lb.failedBy[status] ?? 0) + n;
  }

  private balancer(id: string): BalancerCounters {
    let counters = this.balancers.get(id);
    if (!counters) {
      counters = emptyBalancer();
      this.balancers.set(id, counters);
    }
    return counters;
  }

  private targetOf(groupId: string | null, targetId: string): TargetTally | null {
    if (groupId === null) return null;
    let group = this.targets.get(groupId);
    if (!group) {
      group = new Map();
      this.targets.set(groupId, group);
    }
    let target = group.get(targetId);
    if (!target) {
      target = { requests: 0, lastSecond: 0, second: this.second };
      group.set(targetId, target);
    }
    return target;
  }

  /** The flow's split for this path version: a new path starts owing nothing (its branches may differ). */
  private splitOf(flowId: string, path: VersionedPath): FlowSplit {
    // A flow's requests and then its packets ask for the same split several times in a row.
    const recent = this.recentSplit;
    if (recent !== null && recent.flowId === flowId && recent.split.version === path.version) return recent.split;
    const split = this.findSplit(flowId, path);
    this.recentSplit = { flowId, split };
    return split;
  }

  private recentSplit: { flowId: string; split: FlowSplit } | null = null;

  private findSplit(flowId: string, path: VersionedPath): FlowSplit {
    const branches = path.balanced?.branches ?? [];
    let split = this.splits.get(flowId);
    if (!split || split.version !== path.version) {
      if (split) this.settleSplit(split);
      split = {
        version: path.version,
        owed: new Float64Array(branches.length),
        counts: new Int32Array(branches.length),
        shares: branches.map((b) => b.share),
        cursor: 0,
        targets: branches.map((b) => this.targetOf(path.balanced?.targetGroupId ?? null, b.targetId)),
        animated: branches.flatMap((branch, b) => (branch.steps.length > 0 ? [b] : [])),
        served: Uint8Array.from(branches, (branch) => (branch.outcome === 'served' ? 1 : 0)),
        packets: 0,
        connected: split?.connected ?? false,
        steadyCount: null,
        steadyDelivered: null,
        steadyRtt: null,
        pendingSeconds: 0,
        pendingUntil: 0,
      };
      this.splits.set(flowId, split);
    }
    return split;
  }
}
