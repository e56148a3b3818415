import { hasPorts, PRICES, protocolLabel, type Design, type Flow } from '../domain';
import type { FlowCounters, VersionedPath, VisualPacket } from './protocol';
import { PacketLog } from './packetLog';
import { bytesOn, egressCost, flatCost, GB, TRANSFER_LINE_NAMES, type TransferLine } from './dataTransfer';
import { planFlowPath, type FlowPath, type LiveOverlay } from './trafficPath';
import type { PathTransfer } from './dataTransfer';
import { BalancingCounters, type BalancerCounters, type SteadyBalancedSecond, type TargetCounters } from './balancing';
import { AvailabilityTracker } from './availability';

/**
 * The flows of a design as the simulation runs them: each tick (one simulated
 * second) every flow sends its rate of requests along its planned path and
 * counts where they end. All requests of a flow in one second share the path,
 * so counts are exact and need no randomness. Paths are planned again only
 * when the design or an instance's live state changes.
 */

/** Visual packets per flow per tick: enough to show a stream, few enough to draw. */
export const PACKETS_PER_FLOW_PER_TICK = 4;
export { MAX_FRAME_PACKETS, PACKET_LIFETIME_S } from './packetLog';
import { PACKET_LIFETIME_S } from './packetLog';

const emptyCounters = (): FlowCounters => ({
  sent: 0,
  delivered: 0,
  droppedForward: 0,
  droppedReturn: 0,
  droppedBy: {},
  lastRttMs: null,
  lastSecond: { sent: 0, delivered: 0, dropped: 0 },
});

type Verdict = string;
const verdictOf = (path: FlowPath): Verdict =>
  path.error !== null
    ? 'error'
    : path.blockedBy
      ? `${path.blockedBy.direction}:${path.blockedBy.id}:${path.blockedBy.code}`
      : 'delivered';

export type TrafficLog = (level: 'info' | 'error', resourceId: string | null, text: string) => void;

interface TransferTotal {
  usd: number;
  gb: number;
  lastSecondUsd: number;
}

/** A delivered request's bytes on one line, for one flow's steady second. */
interface SteadyBill {
  line: TransferLine;
  gb: number;
  /** Its cost each second on a flat-rate line; null for internet egress, whose tier moves with the month's GB. */
  usd: number | null;
  /** Found on the first second billed (a line is listed from the first second it bills). */
  total: TransferTotal | null;
}

/** One flow's second that repeats itself exactly (see `TrafficSim.steadyPlan`). */
interface SteadyFlow {
  flow: Flow;
  path: VersionedPath | undefined;
  counters: FlowCounters;
  sent: number;
  delivered: number;
  dropped: number;
  lastRttMs: number | null;
  /** Requests dropped per second, and where they are counted. */
  droppedOn: 'droppedForward' | 'droppedReturn' | null;
  decider: string | null;
  balanced: SteadyBalancedSecond | null;
  bills: SteadyBill[];
  /** Visual packets per second. */
  shown: number;
}

/**
 * Seconds this far back from the last one still have visual packets to draw:
 * they live PACKET_LIFETIME_S, and a second's are born within it.
 */
const DRAWN_SECONDS = PACKET_LIFETIME_S;

export class TrafficSim {
  private design: Design;
  private flows: readonly Flow[];
  private readonly paths = new Map<string, VersionedPath>();
  /** Fractions of a request owed to each flow, carried to the next tick. */
  private readonly carry = new Map<string, number>();
  /** Flows whose connection was established and is tracked: a security-group change keeps it open. */
  private readonly established = new Map<string, FlowPath>();
  private readonly counters = new Map<string, FlowCounters>();
  private readonly packets = new PacketLog();
  private nextPacketId = 1;
  private stale = true;
  /** What each data-transfer line has cost, its GB, and its cost in the last second. */
  private readonly transfer = new Map<TransferLine, TransferTotal>();
  /** Internet egress so far this month of 730 hours, for its free 100 GB and tiers. */
  private egressMonth = { month: 0, gb: 0 };
  /** What each load balancer did with the requests sent to it, and each target's requests (see `balancing.ts`). */
  private readonly balancers = new BalancingCounters();
  /** Served and failed requests over time, for the availability chart and each flow's recovery. */
  private readonly served = new AvailabilityTracker();
  /**
   * When every flow's last second will repeat itself exactly (same paths,
   * counts and outcomes: see `steadyPlan`), what each adds per second.
   * Seconds of it are then only counted (the last at `steadyUntil`), and
   * each part of the figures (counts, availability, data transfer, visual
   * packets) is added up to there when something reads it or the plan stops
   * holding, to the same numbers as second by second.
   */
  private steady: SteadyFlow[] | null = null;
  private steadyStarted = false;
  private steadyUntil = 0;
  /** The last second each part has added up, while a plan holds. */
  private readonly settledUntil = { counts: 0, served: 0, transfer: 0, packets: 0 };

  constructor(
    design: Design,
    private readonly live: () => LiveOverlay,
    private readonly log: TrafficLog,
    /** Off: every second is added up as it ends (the reference the steady seconds are tested against). */
    private readonly repeatSteadySeconds = true,
  ) {
    this.design = design;
    this.flows = design.flows ?? [];
  }

  get active(): boolean {
    return this.flows.length > 0;
  }

  /** A new design: flows that keep their id keep their counters; paths are planned again before the next request. */
  setDesign(design: Design): void {
    this.endSteady();
    this.design = design;
    this.flows = design.flows ?? [];
    const ids = new Set(this.flows.map((f) => f.id));
    for (const map of [this.paths, this.carry, this.counters, this.established])
      for (const id of map.keys()) if (!ids.has(id)) map.delete(id);
    this.balancers.keepFlows(ids);
    this.served.forget(ids);
    this.packets.keepFlows(ids);
    this.stale = true;
  }

  /** An instance changed state or address: plan again before the next request. */
  invalidate(): void {
    this.endSteady();
    this.stale = true;
  }

  /** The load balancers' counters (see `balancing.ts`), the steady seconds added up first. */
  get balancing(): BalancingCounters {
    this.settleCounts();
    return this.balancers;
  }

  /** Served and failed requests over time (see `availability.ts`), the steady seconds added up first. */
  get availability(): AvailabilityTracker {
    this.settleServed();
    return this.served;
  }

  /** Requests a flow has sent so far. */
  requestsSent(flowId: string): number {
    this.settleCounts();
    return this.counters.get(flowId)?.sent ?? 0;
  }

  /** Every load balancer's counters so far, by id. */
  balancerCounters(): ReadonlyMap<string, BalancerCounters> {
    this.settleCounts();
    return this.balancers.balancerCounters();
  }

  /**
   * A load balancer's load in the last second (for its capacity units): the
   * same in every steady second, so read without adding them up.
   */
  balancerLoad(id: string): BalancerCounters['load'] | undefined {
    return this.balancers.balancerCounters().get(id)?.load;
  }

  /** A target's requests through a group so far and in the last second. */
  targetCounters(groupId: string, targetId: string): TargetCounters {
    this.settleCounts();
    return this.balancers.targetCounters(groupId, targetId);
  }

  /** A flow's served percent and its last failure episode's recovery (see `availability.ts`). */
  availabilityOf(flowId: string): ReturnType<AvailabilityTracker['ofFlow']> {
    this.settleServed();
    return this.served.ofFlow(flowId);
  }

  /** The availability chart's series. */
  availabilityFrame(): ReturnType<AvailabilityTracker['frame']> {
    this.settleServed();
    return this.served.frame();
  }

  /** Every flow's current path, planned again first if something changed. */
  currentPaths(): ReadonlyMap<string, VersionedPath> {
    if (this.stale) this.replan();
    return this.paths;
  }

  private replan(): void {
    this.stale = false;
    if (this.flows.length === 0) return;
    const overlay = this.live();
    // Flows with the same ends, protocol and port take the same path: planned once (a group behind a load
    // balancer has many targets to walk).
    const byQuestion = new Map<string, FlowPath>();
    for (const flow of this.flows) {
      const question = `${flow.from}\u0000${flow.to}\u0000${flow.protocol}\u0000${flow.port}`;
      const same = byQuestion.get(question);
      let planned =
        same && same.error === null ? { ...same, flowId: flow.id } : planFlowPath(this.design, flow, overlay);
      if (!same) byQuestion.set(question, planned);
      const open = this.established.get(flow.id);
      // A security group that no longer allows it keeps a tracked connection open (new ones are refused): a
      // persistent flow goes on, while a flow whose every request is a new connection is refused at once.
      if (open && flow.connection === 'persistent' && planned.blockedBy?.code === 'ENI_SG_RULES_MISMATCH') {
        planned = {
          ...open,
          keptOpenByTracking: true,
          summary: `${open.summary} Kept open by connection tracking: ${planned.blockedBy.component} no longer allows it, so a new connection would be refused (Amazon EC2 User Guide, "Security group connection tracking").`,
        };
      } else if (!planned.reachable || !planned.tracked) this.established.delete(flow.id);
      const previous = this.paths.get(flow.id);
      if (planned.keptOpenByTracking && !previous?.keptOpenByTracking)
        this.log(
          'info',
          flow.to,
          `${flow.name}: its connection stays open (tracked by the security group), though a new one would now be refused.`,
        );
      if (previous && samePath(previous, planned)) continue;
      this.paths.set(flow.id, { ...planned, version: (previous?.version ?? 0) + 1 });
      if (previous && verdictOf(previous) !== verdictOf(planned)) this.reportVerdict(flow, planned);
    }
  }

  private reportVerdict(flow: Flow, path: FlowPath): void {
    const name = (text: string) => this.design.resources[text]?.name ?? text;
    const what = `${name(flow.from)} → ${name(flow.to)} ${hasPorts(flow.protocol) ? `:${flow.port}` : protocolLabel(flow.protocol)}`;
    if (path.error !== null) this.log('error', null, `${what} can't be sent: ${path.error}.`);
    else if (path.blockedBy) {
      const where = path.blockedBy.direction === 'return' ? 'on the way back at' : 'at';
      this.log(
        'error',
        path.blockedBy.id,
        `${what} now dropped ${where} ${path.blockedBy.component} (${path.blockedBy.code}).`,
      );
    } else this.log('info', null, `${what} now delivered.`);
  }

  /** The second that ends at `now`: sends each flow's requests and counts them. */
  tick(now: number): void {
    // A new month starts internet egress from zero: that second is added up on its own.
    if (this.steady !== null && !this.stale && Math.floor(now / (730 * 3600)) === this.egressMonth.month) {
      if (!this.steadyStarted) this.startSteadySeconds();
      this.steadyUntil = now;
      return;
    }
    this.endSteady();
    this.tickEach(now);
    this.steady = this.repeatSteadySeconds ? this.steadyPlan() : null;
    this.steadyStarted = false;
    this.steadyUntil = now;
    const settled = this.settledUntil;
    settled.counts = settled.served = settled.transfer = settled.packets = now;
  }

  /** The plan stops holding: every part is added up to its last second, and seconds are added one by one again. */
  private endSteady(): void {
    this.settleCounts();
    this.settleServed();
    this.settleTransfer();
    this.settlePackets();
    this.steady = null;
  }

  /** The second that ends at `now`, flow by flow. */
  private tickEach(now: number): void {
    const paths = this.currentPaths();
    this.balancers.startSecond(now);
    for (const line of this.transfer.values()) line.lastSecondUsd = 0;
    const month = Math.floor(now / (730 * 3600));
    if (month !== this.egressMonth.month) this.egressMonth = { month, gb: 0 };
    for (const flow of this.flows) {
      const path = paths.get(flow.id);
      let counters = this.counters.get(flow.id);
      if (!counters) {
        counters = emptyCounters();
        this.counters.set(flow.id, counters);
      }
      // Nothing leaves a flow whose endpoints don't resolve, and it owes nothing later.
      const due = path && path.error === null ? (this.carry.get(flow.id) ?? 0) + flow.ratePerSecond : 0;
      const count = Math.floor(due + 1e-9);
      this.carry.set(flow.id, Math.max(0, due - count));
      // Reused: frames and summaries copy it.
      const lastSecond = counters.lastSecond;
      lastSecond.sent = count;
      lastSecond.delivered = 0;
      lastSecond.dropped = 0;
      if (!path || count === 0) {
        this.served.record(now, flow.id, 0, 0);
        continue;
      }
      counters.sent += count;
      if (path.balanced && (path.balanced.branches.length > 0 || path.balanced.refused)) {
        this.balancers.send(flow, path, count, counters);
        if (counters.lastSecond.delivered > 0) this.bill(path, flow, counters.lastSecond.delivered);
      } else if (path.reachable) {
        counters.delivered += count;
        counters.lastSecond.delivered = count;
        counters.lastRttMs = path.rttMs;
        this.bill(path, flow, count);
        if (path.tracked && flow.connection === 'persistent') this.established.set(flow.id, stripVersion(path));
      } else {
        if (path.blockedBy?.direction === 'return') counters.droppedReturn += count;
        else counters.droppedForward += count;
        const decider = path.blockedBy?.id ?? flow.id;
        counters.droppedBy[decider] = (counters.droppedBy[decider] ?? 0) + count;
        counters.lastSecond.dropped = count;
        counters.lastRttMs = null;
      }
      this.served.record(now, flow.id, count, counters.lastSecond.delivered);
      const shown = Math.min(count, PACKETS_PER_FLOW_PER_TICK);
      for (let k = 0; k < shown; k++) {
        const branch = this.balancers.nextBranch(flow.id, path);
        this.packets.push(this.nextPacketId++, flow.id, now - 1 + (k + 0.5) / shown, path.version, branch);
      }
    }
    this.packets.keepRecent(now);
  }

  /**
   * After the second that ended at `now`: when the next will do exactly the
   * same for every flow, what each adds per second (null when one will not).
   * It repeats when the flow's carried fraction comes back the same and its
   * outcome is fixed: no path or no request, a path delivered or dropped as
   * a whole, or a load balancer whose split repeats and serves everything.
   */
  private steadyPlan(): SteadyFlow[] | null {
    if (this.stale) return null;
    const plan: SteadyFlow[] = [];
    for (const flow of this.flows) {
      const path = this.paths.get(flow.id);
      const counters = this.counters.get(flow.id)!;
      const carried = this.carry.get(flow.id) ?? 0;
      const due = path && path.error === null ? carried + flow.ratePerSecond : 0;
      const count = Math.floor(due + 1e-9);
      if (!Object.is(Math.max(0, due - count), carried)) return null;
      const second: SteadyFlow = {
        flow,
        path,
        counters,
        sent: count,
        delivered: 0,
        dropped: 0,
        lastRttMs: counters.lastRttMs,
        droppedOn: null,
        decider: null,
        balanced: null,
        bills: [],
        shown: 0,
      };
      plan.push(second);
      if (!path || count === 0) continue;
      second.shown = Math.min(count, PACKETS_PER_FLOW_PER_TICK);
      if (path.balanced && (path.balanced.branches.length > 0 || path.balanced.refused)) {
        const balanced = this.balancers.steadySecond(flow, path, count);
        if (!balanced) return null;
        second.balanced = balanced;
        second.delivered = balanced.delivered;
        second.lastRttMs = balanced.rttMs;
      } else if (path.reachable) {
        // A tracked persistent connection is kept once it is known (the same path each second).
        if (path.tracked && flow.connection === 'persistent' && !this.established.has(flow.id)) return null;
        second.delivered = count;
        second.lastRttMs = path.rttMs;
      } else {
        second.dropped = count;
        second.droppedOn = path.blockedBy?.direction === 'return' ? 'droppedReturn' : 'droppedForward';
        second.decider = path.blockedBy?.id ?? flow.id;
        second.lastRttMs = null;
      }
      if (second.delivered > 0)
        for (const [line, which] of billedLines(path)) {
          const gb = (second.delivered * bytesOn(which, flow)) / GB;
          const usd = line === 'internetEgress' ? null : flatCost(line, gb);
          second.bills.push({ line, gb, usd, total: this.transfer.get(line) ?? null });
        }
    }
    return plan;
  }

  /** The first steady second: the last-second figures as each of them leaves them (read without `settle`). */
  private startSteadySeconds(): void {
    this.steadyStarted = true;
    const plan = this.steady!;
    const balanced: SteadyBalancedSecond[] = [];
    for (const s of plan) {
      const last = s.counters.lastSecond;
      last.sent = s.sent;
      last.delivered = s.delivered;
      last.dropped = s.dropped;
      if (s.path && s.sent > 0) s.counters.lastRttMs = s.lastRttMs;
      if (s.balanced) balanced.push(s.balanced);
    }
    this.balancers.startSteadySeconds(balanced);
  }

  /** The steady seconds the counts have not added yet: whole numbers, so added in bulk. */
  private settleCounts(): void {
    const plan = this.steady;
    const seconds = this.steadyUntil - this.settledUntil.counts;
    if (plan === null || seconds <= 0) return;
    this.settledUntil.counts = this.steadyUntil;
    const balanced: SteadyBalancedSecond[] = [];
    for (const s of plan) {
      const c = s.counters;
      if (!s.path || s.sent === 0) continue;
      c.sent += s.sent * seconds;
      c.delivered += s.delivered * seconds;
      if (s.droppedOn !== null) {
        c[s.droppedOn] += s.dropped * seconds;
        c.droppedBy[s.decider!] = (c.droppedBy[s.decider!] ?? 0) + s.dropped * seconds;
      }
      if (s.balanced) balanced.push(s.balanced);
    }
    this.balancers.repeatSteadySeconds(balanced, seconds, this.steadyUntil);
  }

  /** The steady seconds the availability tracker has not recorded yet. */
  private settleServed(): void {
    const plan = this.steady;
    const from = this.settledUntil.served + 1;
    if (plan === null || from > this.steadyUntil) return;
    this.settledUntil.served = this.steadyUntil;
    this.served.recordRepeated(
      from,
      this.steadyUntil,
      plan.map((s) => ({ flowId: s.flow.id, sent: s.path ? s.sent : 0, served: s.delivered })),
    );
  }

  /** The steady seconds' data transfer, added exactly as `bill` adds it second after second, flow after flow. */
  private settleTransfer(): void {
    const plan = this.steady;
    const first = this.settledUntil.transfer + 1;
    const last = this.steadyUntil;
    if (plan === null || first > last) return;
    this.settledUntil.transfer = last;
    for (const total of this.transfer.values()) total.lastSecondUsd = 0;
    const billed: TransferTotal[] = [];
    const bills: SteadyBill[] = [];
    // Lines are listed in the order the first second would have billed them.
    for (const s of plan)
      for (const bill of s.bills) {
        let total = bill.total ?? this.transfer.get(bill.line);
        if (!total) {
          total = { usd: 0, gb: 0, lastSecondUsd: 0 };
          this.transfer.set(bill.line, total);
        }
        bill.total = total;
        if (!billed.includes(total)) billed.push(total);
        bills.push(bill);
      }
    if (bills.length === 0) return;
    const month = this.egressMonth;
    for (let now = first; now <= last; now++) {
      for (const total of billed) total.lastSecondUsd = 0;
      for (const bill of bills) {
        const total = bill.total!;
        let usd: number;
        if (bill.usd === null) {
          usd = egressInTier(month.gb, bill.gb) ?? egressCost(month.gb, bill.gb);
          month.gb += bill.gb;
        } else usd = bill.usd;
        total.usd += usd;
        total.gb += bill.gb;
        total.lastSecondUsd += usd;
      }
    }
  }

  /** The steady seconds' visual packets: the last ones drawn as `tick` draws them, the older ones only numbered. */
  private settlePackets(): void {
    const plan = this.steady;
    const first = this.settledUntil.packets + 1;
    const last = this.steadyUntil;
    if (plan === null || first > last) return;
    this.settledUntil.packets = last;
    const drawnFrom = Math.max(first, last - DRAWN_SECONDS + 1);
    const skipped = drawnFrom - first;
    if (skipped > 0)
      for (const s of plan) {
        if (s.shown === 0) continue;
        this.nextPacketId += s.shown * skipped;
        if (s.balanced) this.balancers.skipPackets(s.balanced, s.flow.id, s.path!, s.shown * skipped);
      }
    for (let now = drawnFrom; now <= last; now++) {
      for (const s of plan)
        for (let k = 0; k < s.shown; k++) {
          const branch = this.balancers.nextBranch(s.flow.id, s.path!);
          this.packets.push(this.nextPacketId++, s.flow.id, now - 1 + (k + 0.5) / s.shown, s.path!.version, branch);
        }
      this.packets.keepRecent(now);
    }
  }

  /** Puts `count` delivered requests' bytes on the lines their path is billed on. */
  private bill(path: FlowPath, flow: Flow, count: number): void {
    for (const [line, which] of billedLines(path)) {
      const gb = (count * bytesOn(which, flow)) / GB;
      let usd: number;
      if (line === 'internetEgress') {
        usd = egressCost(this.egressMonth.gb, gb);
        this.egressMonth.gb += gb;
      } else usd = flatCost(line, gb);
      let total = this.transfer.get(line);
      if (!total) {
        total = { usd: 0, gb: 0, lastSecondUsd: 0 };
        this.transfer.set(line, total);
      }
      total.usd += usd;
      total.gb += gb;
      total.lastSecondUsd += usd;
    }
  }

  /** The data-transfer bill by line, for the cost meter: totals and the rate of the last second. */
  transferCosts(): Array<{ id: string; name: string; total: number; ratePerHour: number; gb: number }> {
    this.settleTransfer();
    return [...this.transfer.entries()].map(([line, t]) => ({
      id: `transfer:${line}`,
      name: TRANSFER_LINE_NAMES[line],
      total: t.usd,
      ratePerHour: t.lastSecondUsd * 3600,
      gb: t.gb,
    }));
  }

  /** Packets born in the last PACKET_LIFETIME_S seconds, the newest MAX_FRAME_PACKETS, oldest first. */
  visiblePackets(now: number): VisualPacket[] {
    this.settlePackets();
    return this.packets.visible(now);
  }

  /** Flows in design order with their counters (zero before the first tick). */
  flowCounters(): Array<FlowCounters & { id: string; name: string }> {
    this.settleCounts();
    return this.flows.map((f) => {
      const c = this.counters.get(f.id) ?? emptyCounters();
      // Copies, so a frame or summary taken now does not change with later ticks.
      return { id: f.id, name: f.name, ...c, droppedBy: { ...c.droppedBy }, lastSecond: { ...c.lastSecond } };
    });
  }
}

/**
 * `egressCost(gbBefore, gb)` when the GB fit in the tier `gbBefore` is in
 * (null when they don't): that function then adds `gb * perGb` of that one
 * tier to zero, so this is the same number, found without the walk.
 */
export function egressInTier(gbBefore: number, gb: number): number | null {
  for (const tier of EGRESS_TIERS) {
    if (gbBefore >= tier.upToGb) continue;
    return gb > 0 && gb <= tier.upToGb - gbBefore ? gb * tier.perGb : null;
  }
  return null;
}

const EGRESS_TIERS = PRICES.transfer.internetEgressTiers;

type BilledLine = [TransferLine, 'request' | 'response' | 'both'];
const billedLinesOf = new WeakMap<PathTransfer, readonly BilledLine[]>();

/** A path's billed lines in the order of its `transfer` (the order they are added up in), listed once per path. */
function billedLines(path: FlowPath): readonly BilledLine[] {
  let lines = billedLinesOf.get(path.transfer);
  if (!lines) {
    lines = Object.entries(path.transfer) as BilledLine[];
    billedLinesOf.set(path.transfer, lines);
  }
  return lines;
}

const stripVersion = ({ version: _version, ...path }: VersionedPath): FlowPath => path;

/**
 * Whether the UI must redraw (and packets switch version): the two paths
 * would write the same JSON. Compared field by field in JSON's terms rather
 * than by writing both out, because a path to a load balancer carries every
 * target's steps and flows are planned again after every change of health.
 */
function samePath(a: VersionedPath, b: FlowPath): boolean {
  return sameJson(a, { ...b, version: a.version });
}

/** `JSON.stringify(a) === JSON.stringify(b)` for plain data (no `toJSON`, no cycles), without writing either. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const kind = jsonKind(a);
  if (kind !== jsonKind(b)) return false;
  switch (kind) {
    // NaN and the infinities are all written as null, and nothing is written for a skipped value.
    case 'null':
    case 'skip':
      return true;
    // Two different finite numbers are written differently (0 and -0 are ===), as are two different texts.
    case 'number':
    case 'string':
    case 'boolean':
      return false;
    default:
      return sameJsonObject(a as object, b as object);
  }
}

/** What JSON writes for a value: nothing (undefined, a function, a symbol), null, a number, text, a boolean, an array or an object. */
function jsonKind(v: unknown): 'skip' | 'null' | 'number' | 'string' | 'boolean' | 'array' | 'object' {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? 'number' : 'null';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'object':
      return Array.isArray(v) ? 'array' : 'object';
    default:
      return 'skip';
  }
}

function sameJsonObject(a: object, b: object): boolean {
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    // Flows that share a question share its branches and steps, so the same pair of lists comes up again.
    if (equalLists.get(a)?.has(other)) return true;
    for (let i = 0; i < a.length; i++) {
      // In an array, what JSON skips elsewhere is written as null.
      const x = jsonKind(a[i]) === 'skip' ? null : a[i];
      const y = jsonKind(other[i]) === 'skip' ? null : other[i];
      if (!sameJson(x, y)) return false;
    }
    let known = equalLists.get(a);
    if (!known) {
      known = new WeakSet();
      equalLists.set(a, known);
    }
    known.add(other);
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < kx.length && jsonKind(x[kx[i]!]) === 'skip') i++;
    while (j < ky.length && jsonKind(y[ky[j]!]) === 'skip') j++;
    if (i === kx.length || j === ky.length) return i === kx.length && j === ky.length;
    if (kx[i] !== ky[j] || !sameJson(x[kx[i]!], y[ky[j]!])) return false;
    i++;
    j++;
  }
}

/** Lists already found to write the same JSON (lists are never changed once made). */
const equalLists = new WeakMap<object, WeakSet<object>>();
