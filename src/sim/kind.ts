import type { Design } from '../domain';
import type { FunctionSummary } from './kinds/lambdaFunctions';
import type { InstanceSummary } from './kinds/ec2Instances';
import type { ServiceSummary } from './kinds/ecsServices';
import type { FlowSummary } from './kinds/flows';
import type { AutoScalingGroupSummary } from './asgRun';
import type { DatabaseSummary } from './kinds/databases';
import type { LoadBalancerSummary } from './kinds/loadBalancers';
import type { EksClusterFrame, LogEntry, SimFrame } from './protocol';
import type { Random } from './random';

/**
 * The contract every simulated kind (EC2 instances, Lambda functions, ECS
 * services, ...) keeps with the Simulation. A kind is constructed from the
 * design it starts with; the Simulation then only loops over its kinds, so a
 * new kind is one module plus one entry in the Simulation's list.
 */
export interface SimulatedKind {
  /** Follows an edited design mid-run: new resources appear, deleted ones stop (and stop billing), edits take effect. */
  sync(design: Design): void;
  /** The second that ends at `ctx.now`. Kinds driven only by their own events leave it out. */
  tick?(): void;
  /** What each resource has cost so far and costs per hour now; deleted resources keep what they cost, at no rate. */
  costs(now: number): ResourceCost[];
  /** This kind's rows in `Simulation.summary()`, plain data. */
  summary?(now: number): Partial<SummaryParts>;
  /** This kind's part of the frame the UI draws. */
  frame?(now: number): Partial<FrameParts>;
  /** Another kind changed something this one reads (an instance's state or address). */
  liveStateChanged?(): void;
}

export interface ResourceCost {
  id: string;
  name: string;
  total: number;
  ratePerHour: number;
}

export type FrameParts = Pick<
  SimFrame,
  | 'instances'
  | 'functions'
  | 'services'
  | 'traffic'
  | 'loadBalancers'
  | 'autoScalingGroups'
  | 'databases'
  | 'faults'
  | 'availability'
  | 'eks'
>;

export interface SummaryParts {
  instances: InstanceSummary[];
  functions: FunctionSummary[];
  services: ServiceSummary[];
  flows: FlowSummary[];
  /** The data-transfer bill by line (NAT processing, internet egress, between zones...). */
  dataTransfer: Array<{ line: string; gb: number; costUsd: number }>;
  autoScalingGroups: AutoScalingGroupSummary[];
  databases: DatabaseSummary[];
  /** Requests each load balancer served and failed, and its cost (only when the design has load balancers). */
  loadBalancers?: LoadBalancerSummary[];
  /** Each EKS cluster's node groups and deployments (only when the design has clusters). */
  eks?: EksClusterFrame[];
}

/** A kind that schedules its own events receives them here, at their time. */
export interface EventHandler<E> {
  handle(event: E): void;
}

/** What the Simulation lends its kinds: its clock, randomness, event queue and log. */
export interface SimContext {
  readonly now: number;
  readonly random: Random;
  schedule<E>(at: number, handler: EventHandler<E>, event: E): void;
  say(level: LogEntry['level'], resourceId: string | null, text: string): void;
  /** Tells every kind that an instance's state or address changed. */
  liveStateChanged(): void;
}

/** Summaries are compared byte for byte, so figures are rounded the same way everywhere. */
export const round = (n: number, digits = 6): number => Number(n.toFixed(digits));

/**
 * What deleted resources cost before they went, by id. A resource brought
 * back under the same id (undo) shows one row: its earlier cost plus the new one.
 */
export class RemovedCosts {
  private readonly byId = new Map<string, ResourceCost>();

  add(cost: ResourceCost): void {
    const earlier = this.byId.get(cost.id);
    this.byId.set(cost.id, { ...cost, total: cost.total + (earlier?.total ?? 0), ratePerHour: 0 });
  }

  /** The live rows with earlier costs folded in, then the rows of resources still gone. */
  withLive(live: readonly ResourceCost[]): ResourceCost[] {
    const liveIds = new Set(live.map((c) => c.id));
    return [
      ...live.map((c) => {
        const earlier = this.byId.get(c.id);
        return earlier ? { ...c, total: c.total + earlier.total } : c;
      }),
      ...[...this.byId.values()].filter((c) => !liveIds.has(c.id)),
    ];
  }
}
