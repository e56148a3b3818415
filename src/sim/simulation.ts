import { resourcesOfKind, type Design } from '../domain';
import {
  applyAction,
  autoAssignedPublicIp,
  billedSecondsNow,
  completeTransition,
  createEc2Sim,
  ec2Cost,
  ec2Rate,
  type ActionResult,
  type Ec2Action,
  type Ec2Context,
  type Ec2Event,
  type Ec2Sim,
} from './ec2';
import {
  createServiceSim,
  fargateCost,
  fargateRate,
  isContainerInstance,
  serviceSummary,
  tickServices,
  type ServiceSim,
} from './containers';
import { EventQueue } from './eventQueue';
import { createLambdaSim, tickLambdas, type LambdaSim } from './lambda';
import { createRandom, type Random } from './random';
import { staticRates, type StaticRate } from './staticCosts';
import { TrafficSim } from './traffic';
import type { LiveOverlay } from './trafficPath';

/**
 * A deterministic discrete-event simulation of a design: a virtual clock in
 * seconds, an event queue and seeded randomness. The same design, seed and
 * actions always give the same timeline. Pure: no timers, no DOM; the worker
 * and the CLI drive it.
 */
type SimEvent = Ec2Event | { kind: 'tick' } | { kind: 'action'; instanceId: string; action: Ec2Action };

export interface LogEntry {
  at: number;
  level: 'info' | 'error';
  resourceId: string | null;
  text: string;
}

export class Simulation {
  now = 0;
  readonly log: LogEntry[] = [];
  readonly instances = new Map<string, Ec2Sim>();
  readonly functions: LambdaSim[] = [];
  readonly services: ServiceSim[] = [];
  /** Container instances (ECS-optimized AMI) and their types, for task placement. */
  private hosts: Array<{ sim: Ec2Sim; instanceType: string }> = [];
  private readonly queue = new EventQueue<SimEvent>();
  private readonly random: Random;
  private readonly statics: StaticRate[];
  private readonly accountLimit: number;
  private nextIp = 0;
  eventsProcessed = 0;
  /** The design's flows: requests sent each tick along paths that follow edits and instance states. */
  readonly traffic: TrafficSim;

  constructor(design: Design, options: { seed?: number } = {}) {
    this.random = createRandom(options.seed ?? 1);
    this.traffic = new TrafficSim(
      design,
      () => this.liveOverlay(),
      (level, id, text) => this.say(level, id, text),
    );
    this.accountLimit = design.simulation?.accountConcurrency ?? 1000;
    this.statics = staticRates(design);
    for (const instance of resourcesOfKind(design, 'ec2Instance')) {
      const sim = createEc2Sim(instance);
      if (sim.state === 'running' && sim.autoPublicIp && !sim.hasElasticIp) sim.publicIp = this.newPublicIp();
      this.instances.set(instance.id, sim);
    }
    const triggers = resourcesOfKind(design, 'lambdaTrigger');
    for (const fn of resourcesOfKind(design, 'lambdaFunction'))
      this.functions.push(
        createLambdaSim(
          fn,
          triggers.filter((t) => t.functionId === fn.id),
        ),
      );
    for (const service of resourcesOfKind(design, 'ecsService')) this.services.push(createServiceSim(service));
    this.hosts = resourcesOfKind(design, 'ec2Instance')
      .filter((i) => isContainerInstance(i.amiId))
      .map((i) => ({ sim: this.instances.get(i.id)!, instanceType: i.instanceType }));
    for (const scheduled of design.simulation?.actions ?? [])
      this.queue.schedule(scheduled.at, { kind: 'action', instanceId: scheduled.instanceId, action: scheduled.action });
    // The tick at second t accounts for the second that ends at t.
    this.queue.schedule(1, { kind: 'tick' });
  }

  /**
   * Follows edits made while the simulation runs: a new instance is launched
   * (pending, then running), a deleted one leaves, functions and triggers take
   * their new settings while keeping their totals.
   */
  syncDesign(design: Design): void {
    const present = new Set<string>();
    for (const instance of resourcesOfKind(design, 'ec2Instance')) {
      present.add(instance.id);
      if (this.instances.has(instance.id)) continue;
      const sim = createEc2Sim({ ...instance, state: 'stopped' });
      sim.everRunning = false;
      sim.settledAt = this.now;
      sim.timeline = [];
      this.instances.set(instance.id, sim);
      applyAction(sim, 'start', this.context());
      this.say('info', instance.id, `Launched ${instance.name} (${instance.instanceType}): pending.`);
    }
    for (const id of [...this.instances.keys()]) if (!present.has(id)) this.instances.delete(id);
    this.traffic.setDesign(design);
    const triggers = resourcesOfKind(design, 'lambdaTrigger');
    const previous = new Map(this.functions.map((f) => [f.fn.id as string, f]));
    this.functions.length = 0;
    for (const fn of resourcesOfKind(design, 'lambdaFunction')) {
      const own = triggers.filter((t) => t.functionId === fn.id);
      const kept = previous.get(fn.id);
      if (kept) {
        kept.fn = fn;
        kept.triggers = own;
        this.functions.push(kept);
      } else this.functions.push(createLambdaSim(fn, own));
    }
  }

  /** Instance states and public addresses as they are now, for planning traffic. */
  private liveOverlay(): LiveOverlay {
    const liveStates: NonNullable<LiveOverlay['liveStates']> = {};
    const publicIps: NonNullable<LiveOverlay['publicIps']> = {};
    for (const sim of this.instances.values()) {
      liveStates[sim.id] = sim.state;
      publicIps[sim.id] = sim.publicIp;
    }
    return { liveStates, publicIps };
  }

  /** Public addresses drawn in order so runs repeat. */
  private newPublicIp(): string {
    return autoAssignedPublicIp(this.nextIp++);
  }

  /** One context for every EC2 step: events are a hot path, so nothing is allocated per event. */
  private readonly ec2Context: Ec2Context = {
    now: 0,
    random: createRandom(0),
    schedule: (at, event) => this.queue.schedule(at, event),
    newPublicIp: () => this.newPublicIp(),
  };

  private context(): Ec2Context {
    this.ec2Context.now = this.now;
    this.ec2Context.random = this.random;
    return this.ec2Context;
  }

  private advanceClock(to: number): void {
    this.now = to;
  }

  private say(level: LogEntry['level'], resourceId: string | null, text: string): void {
    this.log.push({ at: this.now, level, resourceId, text });
  }

  /** Applies an action now, as the console or API would; refusals are logged with AWS's error code. */
  act(instanceId: string, action: Ec2Action): ActionResult {
    const sim = this.instances.get(instanceId);
    if (!sim)
      return {
        ok: false,
        code: 'InvalidInstanceID.NotFound',
        message: `The instance ID '${instanceId}' does not exist`,
      };
    const result = applyAction(sim, action, this.context());
    this.traffic.invalidate();
    if (result.ok)
      this.say('info', instanceId, `${action} ${sim.name}: now ${sim.rebooting ? 'rebooting' : sim.state}.`);
    else this.say('error', instanceId, `${action} ${sim.name} refused: ${result.code}: ${result.message}`);
    return result;
  }

  /** Processes every event due up to `until` (seconds) and moves the clock there. */
  runUntil(until: number): void {
    for (let due = this.queue.popDue(until); due; due = this.queue.popDue(until)) {
      this.advanceClock(due.at);
      this.eventsProcessed++;
      const event = due.event;
      if (event.kind === 'tick') {
        if (this.functions.length > 0) tickLambdas(this.functions, this.now, this.accountLimit);
        if (this.services.length > 0)
          tickServices(this.services, this.hosts, this.now, this.random, (id, text) => this.say('info', id, text));
        if (this.traffic.active) this.traffic.tick(this.now);
        this.queue.schedule(this.now + 1, { kind: 'tick' });
      } else if (event.kind === 'action') {
        this.act(event.instanceId, event.action);
      } else {
        const sim = this.instances.get(event.id);
        const text = sim ? completeTransition(sim, event, this.context()) : null;
        if (text) {
          this.say('info', event.id, text);
          this.traffic.invalidate();
        }
      }
    }
    this.advanceClock(until);
  }

  /** USD per hour right now, and USD accumulated so far. */
  cost(): {
    ratePerHour: number;
    total: number;
    byResource: Array<{ id: string; name: string; total: number; ratePerHour: number }>;
  } {
    const hours = this.now / 3600;
    const byResource = [
      ...[...this.instances.values()].map((s) => ({
        id: s.id,
        name: s.name,
        total: ec2Cost(s, this.now),
        ratePerHour: ec2Rate(s),
      })),
      ...this.functions.map((f) => ({
        id: f.fn.id,
        name: f.fn.name,
        total: f.totals.costUsd,
        ratePerHour: f.now.costPerSecond * 3600,
      })),
      ...this.services.map((s) => ({
        id: s.service.id,
        name: s.service.name,
        total: fargateCost(s, this.now),
        ratePerHour: fargateRate(s),
      })),
      ...this.statics.map((s) => ({ id: s.id, name: s.name, total: s.usdPerHour * hours, ratePerHour: s.usdPerHour })),
    ];
    return {
      ratePerHour: byResource.reduce((sum, r) => sum + r.ratePerHour, 0),
      total: byResource.reduce((sum, r) => sum + r.total, 0),
      byResource,
    };
  }

  /** A plain-data summary, identical for identical runs (so it can be compared byte for byte). */
  summary() {
    const round = (n: number, digits = 6) => Number(n.toFixed(digits));
    const cost = this.cost();
    return {
      seconds: this.now,
      instances: [...this.instances.values()].map((s) => ({
        id: s.id,
        name: s.name,
        state: s.gone ? 'gone' : s.state,
        transitions: s.timeline.map((t) => ({ at: round(t.at, 3), state: t.state })),
        billedSeconds: round(billedSecondsNow(s, this.now), 3),
        costUsd: round(ec2Cost(s, this.now)),
      })),
      functions: this.functions.map((f) => ({
        id: f.fn.id,
        name: f.fn.name,
        invocations: Math.round(f.totals.invocations),
        throttles: Math.round(f.totals.throttles),
        queued: Math.round(f.totals.queued),
        coldStarts: f.totals.coldStarts,
        errors: Math.round(f.totals.errors),
        peakConcurrency: round(f.totals.peakConcurrency, 1),
        costUsd: round(f.totals.costUsd),
      })),
      services: this.services.map((s) => ({ ...serviceSummary(s), costUsd: round(fargateCost(s, this.now)) })),
      flows: this.traffic.flowCounters().map((f) => ({
        id: f.id,
        name: f.name,
        sent: f.sent,
        delivered: f.delivered,
        droppedForward: f.droppedForward,
        droppedReturn: f.droppedReturn,
        droppedBy: f.droppedBy,
        lastRttMs: f.lastRttMs === null ? null : round(f.lastRttMs, 3),
      })),
      totalCostUsd: round(cost.total),
      costRatePerHour: round(cost.ratePerHour),
      log: this.log.map((l) => ({ at: round(l.at, 3), level: l.level, text: l.text })),
    };
  }
}
