import { parseDesign } from '../domain';
import { buildFrame } from './frame';
import type { ActionResult, Ec2Action, FaultAction, LoadResult, RestoreRequest, SimFrame } from './protocol';
import { Simulation } from './simulation';

/**
 * Drives a Simulation in real time inside the worker: `speed` simulated
 * seconds per wall second, advanced in small slices, frames sent at most ten
 * times a second. The main thread only sends commands and draws frames.
 */
const SLICE_MS = 100;

export class SimRunner {
  private sim: Simulation | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private speed = 1;
  private logSent = 0;
  private seed = 1;
  constructor(private readonly onFrame: (frame: SimFrame) => void) {}

  load(design: unknown, seed = 1): LoadResult {
    const parsed = parseDesign(design);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    this.pause();
    this.seed = seed;
    this.sim = new Simulation(parsed.design, { seed });
    this.logSent = 0;
    this.emit();
    return { ok: true };
  }

  /** Returns the clock at which the design took effect (null when nothing runs). */
  sync(design: unknown): number | null {
    if (!this.sim) return null;
    const parsed = parseDesign(design);
    if (!parsed.ok) return this.sim.now;
    this.sim.syncDesign(parsed.design);
    this.emit();
    return this.sim.now;
  }

  /**
   * Replays a journal onto the first design with the same seed, which the
   * deterministic core turns into the same state, then stops at `until`.
   */
  restore({ design, seed, journal, until, current }: RestoreRequest): LoadResult {
    const parsed = parseDesign(design);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    this.pause();
    this.seed = seed;
    const sim = new Simulation(parsed.design, { seed });
    this.sim = sim;
    for (const entry of journal) {
      if (entry.at > sim.now) sim.runUntil(entry.at);
      if (entry.kind === 'act') sim.act(entry.instanceId, entry.action);
      else if (entry.kind === 'fault') sim.fault(entry.action);
      else {
        const edited = parseDesign(entry.design);
        if (edited.ok) sim.syncDesign(edited.design);
      }
    }
    if (until > sim.now) sim.runUntil(until);
    const now = parseDesign(current);
    if (now.ok) sim.syncDesign(now.design);
    this.logSent = 0;
    this.emit();
    return { ok: true };
  }

  play(): void {
    if (!this.sim || this.timer) return;
    this.timer = setInterval(() => {
      this.sim!.runUntil(this.sim!.now + (this.speed * SLICE_MS) / 1000);
      this.emit();
    }, SLICE_MS);
    this.emit();
  }

  pause(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.sim) this.emit();
  }

  step(seconds = 1): void {
    if (!this.sim) return;
    this.sim.runUntil(this.sim.now + seconds);
    this.emit();
  }

  setSpeed(speed: number): void {
    this.speed = Math.min(3600, Math.max(1, speed));
    this.emit();
  }

  act(instanceId: string, action: Ec2Action): ActionResult & { at: number | null } {
    if (!this.sim) return { ok: false, code: 'NoSimulation', message: 'Press play first.', at: null };
    const result = this.sim.act(instanceId, action);
    this.emit();
    return { ...result, at: this.sim.now };
  }

  fault(action: FaultAction): ActionResult & { at: number | null } {
    if (!this.sim) return { ok: false, code: 'NoSimulation', message: 'Press play first.', at: null };
    const result = this.sim.fault(action);
    this.emit();
    return { ...result, at: this.sim.now };
  }

  get currentSeed(): number {
    return this.seed;
  }

  private emit(): void {
    if (!this.sim) return;
    const frame = buildFrame(this.sim, this.timer !== null, this.speed, this.logSent);
    this.logSent = this.sim.log.length;
    this.onFrame(frame);
  }
}
