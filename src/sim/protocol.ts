import type { AsyncInvocation } from '../domain';
import type { ThrottleReason } from './lambda';
import type { ExposureReport } from '../engine';
import type { FlowPath } from './trafficPath';

/**
 * Everything that crosses between the worker and the page: the commands the
 * page sends, the frames the worker sends back, and the API surface that
 * carries them. Both sides import these types from here, so they cannot drift.
 */

export type Ec2Action = 'start' | 'stop' | 'hibernate' | 'reboot' | 'terminate';

export type ActionResult = { ok: true } | { ok: false; code: string; message: string };

export type LoadResult = { ok: true } | { ok: false; errors: string[] };

/**
 * What changed a running simulation and when (its clock when the worker
 * applied it). The core is deterministic, so the first design, the seed and
 * these, replayed in order, rebuild the same state: that is how a restarted
 * worker resumes from the last frame.
 */
export type JournalEntry =
  { at: number; kind: 'sync'; design: unknown } | { at: number; kind: 'act'; instanceId: string; action: Ec2Action };

export interface RestoreRequest {
  design: unknown;
  seed: number;
  journal: JournalEntry[];
  /** The clock of the last frame the page saw. */
  until: number;
  /** The design on screen now, synced last. */
  current: unknown;
}

export interface LogEntry {
  at: number;
  level: 'info' | 'error';
  resourceId: string | null;
  text: string;
}

export interface FlowCounters {
  sent: number;
  /** Requests whose response got back. */
  delivered: number;
  droppedForward: number;
  droppedReturn: number;
  /** Dropped requests by the id of the resource that decided (security group, network ACL, route table...). */
  droppedBy: Record<string, number>;
  /** Round trip of the latest delivered request (sum of its path's step latencies), null once requests are dropped. */
  lastRttMs: number | null;
  /** What happened in the last simulated second: the current rate. */
  lastSecond: { sent: number; delivered: number; dropped: number };
}

export interface VisualPacket {
  id: number;
  flowId: string;
  /** Sim time, spread evenly inside the second the tick accounts for. */
  bornAt: number;
  /** The version of the flow's path the packet follows. */
  pathVersion: number;
}

export type VersionedPath = FlowPath & { version: number };

export interface InstanceFrame {
  state: string;
  rebooting: boolean;
  publicIp: string | null;
  costUsd: number;
  ratePerHour: number;
  timeline: Array<{ at: number; state: string }>;
}

export interface FunctionFrame {
  id: string;
  name: string;
  concurrency: number;
  offered: number;
  invocations: number;
  throttles: number;
  coldStarts: number;
  totals: {
    invocations: number;
    throttles: number;
    coldStarts: number;
    costUsd: number;
    /** Requests the account's free tier paid for so far. */
    freeRequests: number;
    throttleReason: ThrottleReason | null;
    /** Invocations that ended in a function error. */
    errors: number;
    /** Asynchronous events given up on, and where they went. */
    asyncFailed: number;
    onFailure: AsyncInvocation['onFailure'];
  };
}

export interface ServiceFrame {
  id: string;
  name: string;
  launchType: string;
  desired: number;
  running: number;
  pending: number;
  waitingReason: string | null;
}

export interface TrafficFrame {
  flows: Array<FlowCounters & { id: string; name: string }>;
  paths: Record<string, VersionedPath>;
  packets: VisualPacket[];
  /** The data-transfer bill by line, while traffic runs. */
  transfer: Array<{ id: string; name: string; total: number; ratePerHour: number; gb: number }>;
}

/** What the UI draws, sent from the worker at most ten times a second. */
export interface SimFrame {
  now: number;
  running: boolean;
  speed: number;
  instances: Record<string, InstanceFrame>;
  functions: FunctionFrame[];
  services: ServiceFrame[];
  cost: { ratePerHour: number; total: number };
  /** Newest last; the UI keeps the history it wants. */
  log: LogEntry[];
  /** The design's flows: counters in design order, each flow's current path, and the packets to animate. */
  traffic: TrafficFrame;
}

/** How far an exposure run got: instances checked of all instances. */
export interface ExposureProgress {
  done: number;
  total: number;
}

/** Entries as `Object.entries` gives them (ids are outside names: they are joined again as own keys). */
export interface ExposureUploadPart {
  resources: Array<[string, unknown]>;
  layout: Array<[string, unknown]>;
}

export type ExposureAnswer =
  | { ok: true; report: ExposureReport; millis: number }
  | { ok: false; cancelled: false; errors: string[] }
  | { ok: false; cancelled: true };

/**
 * What the worker offers for analyses and the simulation. Designs cross as
 * plain data (`unknown`): the worker parses them again before use.
 */
export interface AnalysisApi {
  /**
   * Exposure of the design, worked through in slices: `onProgress` (a comlink
   * proxy) hears how far it got after each; a newer `exposure` call or
   * `exposureCancel` stops it between slices, and it answers `cancelled`.
   * With `uploadId`, the design's resources and layout are those sent ahead
   * by `exposureUpload` under that id (the design's own are ignored).
   */
  exposure(
    design: unknown,
    onProgress?: (progress: ExposureProgress) => void,
    uploadId?: number,
  ): Promise<ExposureAnswer>;
  /**
   * Part of a large design's resources and layout entries, sent ahead of
   * `exposure` in several messages so that copying none of them is a long
   * task for the page. A newer id starts a new upload; parts of an older one
   * are dropped.
   */
  exposureUpload(uploadId: number, part: ExposureUploadPart): void;
  /** Stops the exposure run in progress, if any, at its next slice. */
  exposureCancel(): void;
  /** Starts a simulation of the design; frames arrive through `onFrame` (a comlink proxy). */
  simLoad(design: unknown, seed: number, onFrame: (frame: SimFrame) => void): LoadResult;
  /** Returns the clock at which the edit took effect, or null with no simulation. */
  simSync(design: unknown): number | null;
  /** Rebuilds a simulation in a fresh worker and stops at `until`, paused. */
  simRestore(request: RestoreRequest, onFrame: (frame: SimFrame) => void): LoadResult;
  simPlay(): void;
  simPause(): void;
  simStep(seconds: number): void;
  simSpeed(speed: number): void;
  /** `at`: the clock when it was applied (null with no simulation). */
  simAct(instanceId: string, action: Ec2Action): ActionResult & { at: number | null };
}
