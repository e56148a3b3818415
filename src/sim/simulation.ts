import { withEksNodeGroups, type Design, type ScheduledChange } from '../domain';
import { applyScheduledChange } from '../engine';
import type { Ec2Sim } from './ec2';
import type { ServiceSim } from './containers';
import { EventQueue } from './eventQueue';
import {
  round,
  type EventHandler,
  type ResourceCost,
  type SimContext,
  type SimulatedKind,
  type SummaryParts,
} from './kind';
import { AutoScalingGroups } from './kinds/autoScalingGroups';
import { Databases } from './kinds/databases';
import { EbsVolumes } from './kinds/ebsVolumes';
import { Ec2Instances } from './kinds/ec2Instances';
import { EcsServices } from './kinds/ecsServices';
import { EksClusters } from './kinds/eksClusters';
import { Faults } from './kinds/faults';
import { Flows } from './kinds/flows';
import { LoadBalancers } from './kinds/loadBalancers';
import { LambdaFunctions } from './kinds/lambdaFunctions';
import { StaticCharges } from './kinds/staticCharges';
import { TargetHealth } from './kinds/targetHealth';
import type { LambdaSim } from './lambda';
import type { ActionResult, Ec2Action, FaultAction, LogEntry } from './protocol';
import { createRandom, type Random } from './random';
import type { TrafficSim } from './traffic';
import type { LiveOverlay } from './trafficPath';

/**
 * A deterministic discrete-event simulation of a design: a virtual clock in
 * seconds, an event queue and seeded randomness. The same design, seed and
 * actions always give the same timeline. Pure: no timers, no DOM; the worker
 * and the CLI drive it. What is simulated lives in its kinds (see kind.ts).
 */
type QueuedEvent = { kind: 'tick' } | { kind: 'kind'; handler: EventHandler<unknown>; event: unknown };

const TICK: QueuedEvent = { kind: 'tick' };

export interface SimulationOptions {
  seed?: number;
  /**
   * Steady stretches are skipped and added up when read (the default): seconds
   * every flow repeats, Auto Scaling looks and health checks that would find
   * nothing new. False does every one as it comes, the reference the skipping
   * is tested against (`steadySkipping.test.ts`); results are the same.
   */
  skipSteady?: boolean;
}

export class Simulation {
  now = 0;
  readonly log: LogEntry[] = [];
  eventsProcessed = 0;
  /**
   * Every simulated kind, in the order they tick, bill and report. Kinds that
   * others read come first: ECS places tasks on EC2 instances, flows follow
   * instance states.
   */
  readonly kinds: readonly SimulatedKind[];
  private readonly ec2: Ec2Instances;
  private readonly lambda: LambdaFunctions;
  private readonly ecs: EcsServices;
  private readonly flows: Flows;
  private readonly faults: Faults;
  private readonly groups: AutoScalingGroups;
  private readonly health: TargetHealth;
  private readonly databases: Databases;
  private readonly staticCharges: StaticCharges;
  private readonly queue = new EventQueue<QueuedEvent>();
  private readonly random: Random;

  constructor(input: Design, options: SimulationOptions = {}) {
    const skipSteady = options.skipSteady ?? true;
    // An EKS managed node group runs on an Auto Scaling group EKS makes for it: the run sees that group.
    const design = withEksNodeGroups(input);
    this.random = createRandom(options.seed ?? 1);
    const ctx = this.context();
    this.faults = new Faults(design, ctx, {
      onChange: () => this.faultsChanged(),
      onDbFailover: (id) => this.databases.rebootWithFailover(id),
    });
    const instanceState = (id: string) => this.ec2.sims.get(id)?.state;
    // Groups come first: their instances in service at the start are part of the design every other kind starts from.
    this.groups = new AutoScalingGroups(
      design,
      ctx,
      {
        instanceState,
        isImpaired: (id) => this.faults.isImpaired(id),
        statusCheckFailedAt: (id) => this.faults.statusCheckFailedAt(id),
        zonesDown: () => this.faults.zonesDown,
        targetHealth: (group, id) => this.health.healthSince(group, id),
        requestsSent: (flowId) => this.flows.traffic.requestsSent(flowId),
        terminate: (id) => void this.ec2.act(id, 'terminate'),
        membersChanged: () => this.syncKinds(),
      },
      skipSteady,
    );
    const start = this.groups.withInstances(design);
    this.faults.sync(start);
    this.ec2 = new Ec2Instances(start, ctx, {
      impaired: (id) => this.faults.isImpaired(id),
      launched: (id) => this.groups.launchedOf(id),
    });
    this.lambda = new LambdaFunctions(start, ctx);
    this.ecs = new EcsServices(start, ctx, this.ec2);
    this.flows = new Flows(start, ctx, () => this.liveOverlay(), skipSteady);
    this.health = new TargetHealth(
      start,
      ctx,
      {
        instanceState,
        isImpaired: (id) => this.faults.isImpaired(id),
        zonesDown: () => this.faults.zonesDown,
        deregistered: (id) => this.groups.isLeaving(id),
      },
      skipSteady,
    );
    this.databases = new Databases(start, ctx, () => this.faults.zonesDown);
    this.staticCharges = new StaticCharges(start, ctx);
    this.kinds = [
      this.faults,
      this.ec2,
      this.lambda,
      this.ecs,
      this.staticCharges,
      new EbsVolumes(start, ctx, this.ec2),
      this.groups,
      this.health,
      this.databases,
      this.flows,
      new LoadBalancers(start, ctx, this.flows.traffic, () => this.liveOverlay(), this.health),
      new EksClusters(start, ctx, this.ec2),
    ];
    // The tick at second t accounts for the second that ends at t.
    this.queue.schedule(1, TICK);
    this.base = design;
    this.changes = [...(design.simulation?.changes ?? [])].sort((a, b) => a.at - b.at);
    const changeHandler: EventHandler<number> = { handle: (index) => this.makeChange(index) };
    this.changes.forEach((change, i) => ctx.schedule(Math.max(change.at, 0), changeHandler, i));
  }

  /** The design as last given (by the constructor or an edit), before scheduled changes. */
  private base: Design;
  /** The design's scheduled rule and route changes, in time order, and how many are made so far. */
  private readonly changes: readonly ScheduledChange[];
  private changesMade = 0;

  /** The base design with the scheduled changes made so far. */
  private withChanges(design: Design): Design {
    let changed = design;
    for (const change of this.changes.slice(0, this.changesMade)) {
      const made = applyScheduledChange(changed, change);
      if (made.ok) changed = made.design;
    }
    return changed;
  }

  /** A scheduled change comes due: made on the design every kind follows, and logged. */
  private makeChange(index: number): void {
    const change = this.changes[index]!;
    const made = applyScheduledChange(this.withChanges(this.base), change);
    this.changesMade = index + 1;
    if (!made.ok) {
      this.log.push({
        at: this.now,
        level: 'error',
        resourceId: null,
        text: `Scheduled change not made: ${made.reason}.`,
      });
      return;
    }
    this.log.push({ at: this.now, level: 'info', resourceId: null, text: `Scheduled change: ${made.summary}.` });
    this.syncKinds();
  }

  /**
   * Gives every kind the design as the run sees it: the base design, the
   * scheduled changes made so far and the instances groups launched; NAT
   * gateways that failed and routes deleted by a fault are left out for all
   * but the bill (a failed gateway still costs).
   */
  private syncKinds(): void {
    const billed = this.groups.withInstances(this.withChanges(this.base));
    this.faults.sync(billed);
    const effective = this.faults.withoutFailures(billed);
    for (const kind of this.kinds)
      if (kind !== this.faults) kind.sync(kind === this.staticCharges ? billed : effective);
  }

  /** A fault began or ended: zones, instances and gateways out change what every kind sees. */
  private faultsChanged(): void {
    this.syncKinds();
    this.databases.zonesChanged();
    for (const kind of this.kinds) kind.liveStateChanged?.();
  }

  get instances(): ReadonlyMap<string, Ec2Sim> {
    return this.ec2.sims;
  }

  get functions(): readonly LambdaSim[] {
    return this.lambda.sims;
  }

  get services(): readonly ServiceSim[] {
    return this.ecs.sims;
  }

  /** The design's flows: requests sent each tick along paths that follow edits and instance states. */
  get traffic(): TrafficSim {
    return this.flows.traffic;
  }

  /** Follows edits made while the simulation runs: every kind adds, removes and updates its resources. */
  syncDesign(design: Design): void {
    this.base = withEksNodeGroups(design);
    this.syncKinds();
  }

  /** Applies an EC2 action now, as the console or API would; refusals are logged with AWS's error code. */
  act(instanceId: string, action: Ec2Action): ActionResult {
    return this.ec2.act(instanceId, action);
  }

  /**
   * What traffic planning lays over the design now: instance states and
   * addresses, target health, zones and resources out, database endpoints.
   */
  liveOverlay(): LiveOverlay {
    return {
      ...this.ec2.liveOverlay(),
      targetHealth: this.health.overlay(),
      zonesDown: this.faults.zonesDown,
      outOfService: this.faults.outOfService(),
      dbEndpoints: this.databases.endpoints(),
    };
  }

  /** Injects or ends a fault now (see `domain/faults.ts`); refused when its target does not exist. */
  fault(action: FaultAction): ActionResult {
    return this.faults.apply(action);
  }

  /** Processes every event due up to `until` (seconds) and moves the clock there. */
  runUntil(until: number): void {
    for (let due = this.queue.popDue(until); due; due = this.queue.popDue(until)) {
      this.now = due.at;
      this.eventsProcessed++;
      const queued = due.event;
      if (queued.kind === 'kind') queued.handler.handle(queued.event);
      else {
        for (const kind of this.kinds) kind.tick?.();
        this.queue.schedule(this.now + 1, TICK);
      }
    }
    this.now = until;
  }

  /** USD per hour right now, and USD accumulated so far (deleted resources keep what they cost). */
  cost(): { ratePerHour: number; total: number; byResource: ResourceCost[] } {
    const byResource = this.kinds.flatMap((kind) => kind.costs(this.now));
    return {
      ratePerHour: byResource.reduce((sum, r) => sum + r.ratePerHour, 0),
      total: byResource.reduce((sum, r) => sum + r.total, 0),
      byResource,
    };
  }

  /** A plain-data summary, identical for identical runs (so it can be compared byte for byte). */
  summary() {
    const cost = this.cost();
    const parts: SummaryParts = {
      instances: [],
      functions: [],
      services: [],
      flows: [],
      dataTransfer: [],
      autoScalingGroups: [],
      databases: [],
    };
    for (const kind of this.kinds) Object.assign(parts, kind.summary?.(this.now));
    return {
      seconds: this.now,
      ...parts,
      totalCostUsd: round(cost.total),
      costRatePerHour: round(cost.ratePerHour),
      log: this.log.map((l) => ({ at: round(l.at, 3), level: l.level, text: l.text })),
    };
  }

  /** The clock, randomness, queue and log, lent to the kinds. */
  private context(): SimContext {
    const clock = () => this.now;
    return {
      get now() {
        return clock();
      },
      random: this.random,
      schedule: (at, handler, event) =>
        this.queue.schedule(at, { kind: 'kind', handler: handler as EventHandler<unknown>, event }),
      say: (level, resourceId, text) => this.log.push({ at: this.now, level, resourceId, text }),
      liveStateChanged: () => {
        for (const kind of this.kinds) kind.liveStateChanged?.();
      },
    };
  }
}
