import type { Design } from '../../domain';
import { round, type FrameParts, type SimContext, type SimulatedKind } from '../kind';
import { TrafficSim } from '../traffic';
import type { LiveOverlay } from '../trafficPath';

export type FlowSummary = ReturnType<typeof summarize>;

/** The design's flows: requests sent each second along paths that follow edits and instance states, and the data transfer they are billed for. */
export class Flows implements SimulatedKind {
  readonly traffic: TrafficSim;

  constructor(
    design: Design,
    private readonly ctx: SimContext,
    live: () => LiveOverlay,
    /** See `SimulationOptions.skipSteady`. */
    skipSteady = true,
  ) {
    this.traffic = new TrafficSim(design, live, (level, id, text) => ctx.say(level, id, text), skipSteady);
  }

  sync(design: Design): void {
    this.traffic.setDesign(design);
  }

  tick(): void {
    if (this.traffic.active) this.traffic.tick(this.ctx.now);
  }

  liveStateChanged(): void {
    this.traffic.invalidate();
  }

  costs() {
    return this.traffic.transferCosts().map(({ id, name, total, ratePerHour }) => ({ id, name, total, ratePerHour }));
  }

  summary() {
    return {
      flows: this.traffic.flowCounters().map((f) => summarize(f, this.traffic.availabilityOf(f.id))),
      dataTransfer: this.traffic
        .transferCosts()
        .map((t) => ({ line: t.name, gb: round(t.gb, 6), costUsd: round(t.total) })),
    };
  }

  frame(now: number): Pick<FrameParts, 'traffic'> {
    return {
      traffic: {
        flows: this.traffic.flowCounters(),
        paths: Object.fromEntries(this.traffic.currentPaths()),
        packets: this.traffic.visiblePackets(now),
        transfer: this.traffic.transferCosts(),
      },
    };
  }
}

/** A flow's counters, with its served percent and its last failure episode's recovery (see `availability.ts`). */
function summarize(
  f: ReturnType<TrafficSim['flowCounters']>[number],
  availability: { availabilityPercent: number | null; recoverySeconds: number | null },
) {
  return {
    id: f.id,
    name: f.name,
    sent: f.sent,
    delivered: f.delivered,
    droppedForward: f.droppedForward,
    droppedReturn: f.droppedReturn,
    droppedBy: f.droppedBy,
    lastRttMs: f.lastRttMs === null ? null : round(f.lastRttMs, 3),
    availabilityPercent: availability.availabilityPercent === null ? null : round(availability.availabilityPercent, 3),
    recoverySeconds: availability.recoverySeconds,
  };
}
