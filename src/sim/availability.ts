import type { AvailabilityFrame } from './protocol';

/**
 * How available the flows were: served and failed requests of all flows per
 * 10 simulated seconds (the last 2 hours), and per flow its served percent
 * and how long its last failure episode took to recover.
 *
 * An episode starts at the first second with a failed request (sent but not
 * answered) while the flow was well. It ends at the first second `s` at or
 * after its start such that the 60 seconds from `s` on (a full minute) serve
 * at least 99 % of their requests (a minute that sends nothing counts as
 * served); `recoverySeconds` is `s` minus the start. Nimbus reports the last
 * episode's, null when there was none or the last has not recovered yet.
 */

export const AVAILABILITY_BUCKET_SECONDS = 10;
/** Two hours of 10-second buckets. */
const MAX_BUCKETS = (2 * 3600) / AVAILABILITY_BUCKET_SECONDS;
const WINDOW_SECONDS = 60;
const RECOVERED_SHARE = 0.99;

class FlowAvailability {
  sent = 0;
  served = 0;
  private readonly windowSent = new Float64Array(WINDOW_SECONDS);
  private readonly windowServed = new Float64Array(WINDOW_SECONDS);
  private windowSentSum = 0;
  private windowServedSum = 0;
  private seconds = 0;
  private episodeStart: number | null = null;
  recoverySeconds: number | null = null;

  /** The second that starts at `second`: `sent` requests of which `served` were answered. */
  record(second: number, sent: number, served: number): void {
    this.sent += sent;
    this.served += served;
    const slot = this.seconds % WINDOW_SECONDS;
    this.windowSentSum += sent - this.windowSent[slot]!;
    this.windowServedSum += served - this.windowServed[slot]!;
    this.windowSent[slot] = sent;
    this.windowServed[slot] = served;
    this.seconds++;
    if (this.episodeStart === null) {
      if (served < sent) {
        this.episodeStart = second;
        this.recoverySeconds = null;
      }
      return;
    }
    // The minute that has just completed starts at `second - 59`; it counts only from the episode's start on.
    const windowStart = second - (WINDOW_SECONDS - 1);
    if (this.seconds < WINDOW_SECONDS || windowStart < this.episodeStart) return;
    if (this.windowSentSum === 0 || this.windowServedSum >= RECOVERED_SHARE * this.windowSentSum) {
      this.recoverySeconds = windowStart - this.episodeStart;
      this.episodeStart = null;
    }
  }

  /**
   * `seconds` seconds in a row from `firstSecond`, each sending `sent` and
   * serving `served`: what as many `record` calls would leave. Counts are
   * whole numbers, so while no episode is open and every request is served
   * the sums come out the same added in one step.
   */
  recordRepeated(firstSecond: number, seconds: number, sent: number, served: number): void {
    if (this.episodeStart !== null || served < sent) {
      for (let k = 0; k < seconds; k++) this.record(firstSecond + k, sent, served);
      return;
    }
    this.sent += sent * seconds;
    this.served += served * seconds;
    if (seconds >= WINDOW_SECONDS) {
      // The whole window is these seconds: whole numbers, so its sums are exact products.
      this.windowSent.fill(sent);
      this.windowServed.fill(served);
      this.windowSentSum = sent * WINDOW_SECONDS;
      this.windowServedSum = served * WINDOW_SECONDS;
      this.seconds += seconds;
      return;
    }
    for (let k = 0; k < seconds; k++) {
      const slot = this.seconds % WINDOW_SECONDS;
      this.windowSentSum += sent - this.windowSent[slot]!;
      this.windowServedSum += served - this.windowServed[slot]!;
      this.windowSent[slot] = sent;
      this.windowServed[slot] = served;
      this.seconds++;
    }
  }

  get percent(): number | null {
    return this.sent === 0 ? null : (100 * this.served) / this.sent;
  }
}

export class AvailabilityTracker {
  private readonly flows = new Map<string, FlowAvailability>();
  private readonly series: Array<{ at: number; served: number; failed: number }> = [];
  private sent = 0;
  private served = 0;

  /** One flow's second that ends at `now`. */
  record(now: number, flowId: string, sent: number, served: number): void {
    let flow = this.flows.get(flowId);
    if (!flow) {
      flow = new FlowAvailability();
      this.flows.set(flowId, flow);
    }
    flow.record(now - 1, sent, served);
    this.sent += sent;
    this.served += served;
    const at = Math.floor((now - 1) / AVAILABILITY_BUCKET_SECONDS) * AVAILABILITY_BUCKET_SECONDS;
    let bucket = this.series.at(-1);
    if (!bucket || bucket.at !== at) {
      bucket = { at, served: 0, failed: 0 };
      this.series.push(bucket);
      if (this.series.length > MAX_BUCKETS) this.series.shift();
    }
    bucket.served += served;
    bucket.failed += sent - served;
  }

  /**
   * The seconds that end at `firstNow` … `lastNow`, each the same for every
   * flow in `flows` (in the order `record` would have taken them): what a
   * `record` call per flow per second would leave (counts are whole numbers,
   * so adding them per second or in bulk comes out the same).
   */
  recordRepeated(
    firstNow: number,
    lastNow: number,
    flows: ReadonlyArray<{ flowId: string; sent: number; served: number }>,
  ): void {
    const seconds = lastNow - firstNow + 1;
    if (seconds <= 0 || flows.length === 0) return;
    let sent = 0;
    let served = 0;
    for (const f of flows) {
      let flow = this.flows.get(f.flowId);
      if (!flow) {
        flow = new FlowAvailability();
        this.flows.set(f.flowId, flow);
      }
      flow.recordRepeated(firstNow - 1, seconds, f.sent, f.served);
      sent += f.sent;
      served += f.served;
    }
    this.sent += sent * seconds;
    this.served += served * seconds;
    for (let now = firstNow; now <= lastNow; now++) {
      const at = Math.floor((now - 1) / AVAILABILITY_BUCKET_SECONDS) * AVAILABILITY_BUCKET_SECONDS;
      let bucket = this.series.at(-1);
      if (!bucket || bucket.at !== at) {
        bucket = { at, served: 0, failed: 0 };
        this.series.push(bucket);
        if (this.series.length > MAX_BUCKETS) this.series.shift();
      }
      bucket.served += served;
      bucket.failed += sent - served;
    }
  }

  forget(keep: ReadonlySet<string>): void {
    for (const id of this.flows.keys()) if (!keep.has(id)) this.flows.delete(id);
  }

  /** A flow's served percent (null before it sent anything) and its last episode's recovery time. */
  ofFlow(flowId: string): { availabilityPercent: number | null; recoverySeconds: number | null } {
    const flow = this.flows.get(flowId);
    return { availabilityPercent: flow?.percent ?? null, recoverySeconds: flow?.recoverySeconds ?? null };
  }

  frame(): AvailabilityFrame {
    return {
      bucketSeconds: AVAILABILITY_BUCKET_SECONDS,
      series: this.series.map((b) => ({ ...b })),
      servedPercent: this.sent === 0 ? null : (100 * this.served) / this.sent,
    };
  }
}
