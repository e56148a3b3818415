import type { AsyncInvocation, LiveFault } from '../domain';
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
  | { at: number; kind: 'sync'; design: unknown }
  | { at: number; kind: 'act'; instanceId: string; action: Ec2Action }
  | { at: number; kind: 'fault'; action: FaultAction };

/**
 * A fault clicked live: inject one now (it lasts `durationSeconds` when given,
 * else until recovered), or end the faults on a zone, instance, NAT gateway by its id.
 */
export type FaultAction = { kind: 'inject'; fault: LiveFault } | { kind: 'recover'; targetId: string };

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
  /** Through a load balancer: the index of the branch (`FlowPath.balanced.branches`) it follows. */
  branch?: number;
}

export type VersionedPath = FlowPath & { version: number };

export interface InstanceFrame {
  state: string;
  /** Set on instances an Auto Scaling group launched in this run (they are not in the design). */
  launched?: { autoScalingGroupId: string; name: string; subnetId: string; privateIp: string };
  /** Failing its status checks (a fault: the instance or its zone failed). */
  impaired?: boolean;
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

/**
 * Elastic Load Balancing target health states (`DescribeTargetHealth`):
 * `initial` until a new target passes its first check, `healthy`, `unhealthy`
 * after `unhealthyThreshold` failures in a row, `draining` while deregistering,
 * `unused` when its zone is not enabled, `unavailable` when checks are off.
 */
export type TargetHealthState = 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused' | 'unavailable';

export interface TargetFrame {
  /** Instance id, IP address or function id. */
  id: string;
  name: string;
  zoneId: string | null;
  health: TargetHealthState;
  /** AWS's reason code (`Target.Timeout`, `Elb.InitialHealthChecking`, `Target.FailedHealthChecks`...). */
  reason: string | null;
  /** Requests sent to it so far, and in the last second. */
  requests: number;
  lastSecond: number;
}

export interface LoadBalancerFrame {
  id: string;
  name: string;
  type: 'application' | 'network';
  nodes: Array<{ subnetId: string; zoneId: string | null; inService: boolean }>;
  targetGroups: Array<{ id: string; name: string; targets: TargetFrame[] }>;
  /** Requests answered by a target, and refused by the load balancer (502, 503, 504, or a reset), so far. */
  served: number;
  failed: number;
  /** Failed requests by status: `502`, `503`, `504`, `reset`. */
  failedBy: Record<string, number>;
  lastSecond: { served: number; failed: number };
  /** Capacity units this hour (LCU for an ALB, NLCU for an NLB), and cost so far. */
  capacityUnits: number;
  costUsd: number;
}

export interface AutoScalingGroupFrame {
  id: string;
  name: string;
  min: number;
  desired: number;
  max: number;
  instances: Array<{
    id: string;
    subnetId: string;
    zoneId: string | null;
    /** EC2 Auto Scaling lifecycle states: Pending, InService, Terminating, Terminated. */
    lifecycle: 'Pending' | 'InService' | 'Terminating' | 'Terminated';
    health: 'Healthy' | 'Unhealthy';
  }>;
  /** The latest scaling activity, in AWS's words ("Launching a new EC2 instance: i-... ."). */
  lastActivity: string | null;
  averageCpu: number | null;
}

export interface DatabaseFrame {
  id: string;
  name: string;
  /** `available`, `failing-over` (connections fail), `unavailable` (Single-AZ in a zone that is down). */
  status: 'available' | 'failing-over' | 'unavailable';
  /** Where the endpoint points now (changes on failover). */
  primarySubnetId: string;
  standbySubnetId: string | null;
  failovers: number;
  costUsd: number;
}

/** Served and failed requests of every flow, per 10 simulated seconds, newest last (up to the last 2 hours). */
export interface AvailabilityFrame {
  bucketSeconds: number;
  series: Array<{ at: number; served: number; failed: number }>;
  /** Requests served of requests sent, since the start, in percent (null before any request). */
  servedPercent: number | null;
}

export interface FaultsFrame {
  /** Availability Zone ids that are out now. */
  zonesDown: string[];
  /** Faults in effect now. */
  active: Array<{ fault: LiveFault['fault']; targetId: string; since: number; until: number | null }>;
}

/**
 * An EKS cluster while it runs: its control plane's price, each node group's
 * nodes (EC2 instances of its Auto Scaling group) and what they cost, and each
 * deployment's pods, running or Pending with the scheduler's reason.
 */
export interface EksClusterFrame {
  id: string;
  name: string;
  controlPlaneUsdPerHour: number;
  nodeGroups: Array<{
    id: string;
    name: string;
    desired: number;
    running: number;
    /**
     * How the running nodes reach the cluster's endpoint (HTTPS to the internet): through a NAT gateway, with
     * their own public IPv4 address, or not at all (`none`: not joined, or no longer Ready).
     */
    endpointPath: { natGateway: number; publicIp: number; none: number };
    /** EKS's refusal (InvalidParameterException), when it would not create the group. */
    refusal: string | null;
    costUsd: number;
    ratePerHour: number;
  }>;
  deployments: Array<{
    name: string;
    namespace: string;
    replicas: number;
    running: number;
    pending: number;
    on: 'nodes' | 'fargate';
    /** Why pods are Pending: Kubernetes' FailedScheduling message, or null. */
    reason: string | null;
    /** The Fargate size each pod is billed at ("0.5 vCPU / 2 GB"), or null on nodes. */
    fargateSize: string | null;
    costUsd: number;
    ratePerHour: number;
  }>;
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
  loadBalancers: LoadBalancerFrame[];
  autoScalingGroups: AutoScalingGroupFrame[];
  databases: DatabaseFrame[];
  faults: FaultsFrame;
  availability: AvailabilityFrame;
  /** EKS clusters (absent in frames of earlier builds and tests that make frames by hand). */
  eks?: EksClusterFrame[];
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
  /** Injects or ends a fault now; `at`: the clock when it was applied (null with no simulation). */
  simFault(action: FaultAction): ActionResult & { at: number | null };
}
