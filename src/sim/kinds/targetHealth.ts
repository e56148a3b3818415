import { getResource, resourcesOfKind, type Design, type LoadBalancer, type TargetGroup } from '../../domain';
import { healthCheckBlock, type HealthCheckBlock } from '../../engine';
import type { EventHandler, SimContext, SimulatedKind } from '../kind';
import type { TargetHealthState } from '../protocol';
import { loadBalancerOf, loadBalancerZones, registeredTargets, targetZone } from '../targets';

/** One target as its group's health checks see it. */
interface TargetState {
  health: TargetHealthState;
  reason: string | null;
  /** Checks passed, and failed, in a row. */
  passes: number;
  failures: number;
  /** When the target took its current state. */
  since: number;
  /** While draining: when deregistration completes. */
  drainingUntil: number | null;
}

interface GroupHealth {
  targets: Map<string, TargetState>;
  /** Bumped when the group's interval changes, so its older check events are dropped. */
  version: number;
  intervalSeconds: number;
  /** Facts of the current design, worked out once per design (checks are frequent, edits are not). */
  design: DesignFacts | null;
}

interface DesignFacts {
  /** Registered by the design (before instance states deregister some). */
  candidates: string[];
  loadBalancer: LoadBalancer | undefined;
  zones: Set<string> | null;
  zoneOf: Map<string, string | null>;
  blocks: Map<string, HealthCheckBlock | null>;
}

/** What a check needs to know about the run: instance states, faults. */
export interface HealthInputs {
  instanceState(instanceId: string): string | undefined;
  isImpaired(instanceId: string): boolean;
  zonesDown(): readonly string[];
  /** Deregistered while it still runs (an Auto Scaling group terminating it after the deregistration delay). */
  deregistered(instanceId: string): boolean;
}

type CheckEvent = { groupId: string; version: number };

/**
 * Elastic Load Balancing health checks, per target group: one event every
 * `intervalSeconds` checks all of the group's targets (never work per target
 * per tick). A check passes when the target runs, is not impaired, its zone
 * is up and nothing on the network blocks the check (`healthCheckBlock`).
 * States and reason codes as `DescribeTargetHealth` gives them: `initial`
 * (`Elb.InitialHealthChecking`) until the first pass, `healthy`, `unhealthy`
 * after `unhealthyThreshold` failures in a row (healthy again after
 * `healthyThreshold` passes), `draining` for the deregistration delay,
 * `unused` in a zone the load balancer has no node in or while the instance
 * is not running. Source: ELB User Guide, "Health checks for Application Load
 * Balancer target groups" and "Target health status". Nimbus keeps a target
 * draining for the whole delay; AWS ends it early when no request is in flight.
 */
export class TargetHealth implements SimulatedKind, EventHandler<CheckEvent> {
  private readonly groups = new Map<string, GroupHealth>();
  private design: Design;
  private overlayCache: Record<string, Record<string, TargetHealthState>> | null = null;

  constructor(
    design: Design,
    private readonly ctx: SimContext,
    private readonly inputs: HealthInputs,
    /** Off: every group is checked at every interval (the reference skipped checks are tested against). */
    private readonly repeatSteadyChecks = true,
  ) {
    this.design = design;
    this.follow(design);
    this.starting = false;
  }

  /** True while the design the run starts with registers its targets. */
  private starting = true;

  /**
   * Groups whose last check changed nothing with every target healthy, and
   * how many checks were skipped since: with the design, instance states,
   * faults and zones as they were (each changes with `sync` or
   * `liveStateChanged`), every check would pass again and change nothing.
   */
  private readonly steady = new Map<GroupHealth, number>();

  /** Something a check reads changed: skipped checks are counted as passed, and groups are checked again. */
  private wake(): void {
    if (this.steady.size === 0) return;
    for (const [health, skipped] of this.steady) for (const target of health.targets.values()) target.passes += skipped;
    this.steady.clear();
  }

  liveStateChanged(): void {
    this.wake();
  }

  /** A new design: the flows plan again anyway, so only the overlay is rebuilt. */
  sync(design: Design): void {
    this.wake();
    this.follow(design);
    this.overlayCache = null;
  }

  private follow(design: Design): void {
    this.design = design;
    const present = new Set<string>();
    for (const group of resourcesOfKind(design, 'targetGroup')) {
      present.add(group.id);
      let health = this.groups.get(group.id);
      if (!health || health.intervalSeconds !== group.healthCheck.intervalSeconds) {
        health = {
          targets: health?.targets ?? new Map(),
          version: (health?.version ?? 0) + 1,
          intervalSeconds: group.healthCheck.intervalSeconds,
          design: null,
        };
        this.groups.set(group.id, health);
        this.scheduleCheck(group.id, health);
      }
      health.design = null;
      this.register(group, health);
    }
    for (const id of [...this.groups.keys()]) if (!present.has(id)) this.groups.delete(id);
  }

  handle(event: CheckEvent): void {
    const health = this.groups.get(event.groupId);
    if (!health || health.version !== event.version) return;
    const skipped = this.steady.get(health);
    if (skipped !== undefined) this.steady.set(health, skipped + 1);
    else {
      const group = getResource(this.design, event.groupId, 'targetGroup');
      if (group) {
        const registered = this.register(group, health);
        if (this.check(group, health)) this.changed();
        else if (!registered && this.repeatSteadyChecks && allHealthy(health)) this.steady.set(health, 0);
      }
    }
    this.scheduleCheck(event.groupId, health);
  }

  /** Target health by target group id, then target id, for traffic planning (null when nothing is registered). */
  overlay(): Record<string, Record<string, TargetHealthState>> {
    if (this.overlayCache) return this.overlayCache;
    const out: Record<string, Record<string, TargetHealthState>> = {};
    for (const [groupId, health] of this.groups) {
      const row: Record<string, TargetHealthState> = {};
      for (const [id, target] of health.targets) row[id] = target.health;
      out[groupId] = row;
    }
    this.overlayCache = out;
    return out;
  }

  /** One target's state now (undefined when it is not registered in the group). */
  healthOf(groupId: string, targetId: string): TargetHealthState | undefined {
    return this.groups.get(groupId)?.targets.get(targetId)?.health;
  }

  costs() {
    return [];
  }

  /** Every target the group's checks track, deregistered ones still draining included. */
  trackedTargets(groupId: string): readonly string[] {
    return [...(this.groups.get(groupId)?.targets.keys() ?? [])];
  }

  /** A target's state and since when it holds (undefined when it is not registered in the group). */
  healthSince(groupId: string, targetId: string): { health: TargetHealthState; since: number } | undefined {
    const target = this.groups.get(groupId)?.targets.get(targetId);
    return target && { health: target.health, since: target.since };
  }

  /** A target's state and AWS's reason code, for the load balancer rows of the frame. */
  stateOf(groupId: string, targetId: string): { health: TargetHealthState; reason: string | null } | undefined {
    const target = this.groups.get(groupId)?.targets.get(targetId);
    return target && { health: target.health, reason: target.reason };
  }

  private scheduleCheck(groupId: string, health: GroupHealth): void {
    this.ctx.schedule<CheckEvent>(this.ctx.now + health.intervalSeconds, this, {
      groupId,
      version: health.version,
    });
  }

  /** New targets start `initial`; deregistered ones drain, then go. True when a target was added, changed or removed. */
  private register(group: TargetGroup, health: GroupHealth): boolean {
    const now = this.ctx.now;
    const facts = this.factsOf(group, health);
    const current = new Set<string>();
    for (const id of facts.candidates) {
      const state = this.inputs.instanceState(id);
      if (state !== 'shutting-down' && state !== 'terminated' && !this.inputs.deregistered(id)) current.add(id);
    }
    let changed = false;
    for (const id of current)
      if (!health.targets.has(id) || health.targets.get(id)!.health === 'draining' || notRegistered(health, id)) {
        health.targets.set(id, {
          // The design is a deployment already running: its targets start healthy, as its instances start running.
          // A target registered during the run (a group's launch, an edit) starts `initial`, as AWS registers it.
          health: !group.healthCheck.enabled ? 'unavailable' : this.starting ? 'healthy' : 'initial',
          reason: !group.healthCheck.enabled
            ? 'Target.HealthCheckDisabled'
            : this.starting
              ? null
              : 'Elb.InitialHealthChecking',
          passes: 0,
          failures: 0,
          since: now,
          drainingUntil: null,
        });
        changed = true;
      }
    let inDesign: Set<string> | null = null;
    for (const [id, target] of health.targets) {
      if (current.has(id)) continue;
      if (target.reason === NOT_REGISTERED) {
        inDesign ??= new Set(facts.candidates);
        if (!inDesign.has(id)) {
          health.targets.delete(id);
          changed = true;
        }
      } else if (target.health !== 'draining') {
        Object.assign(target, {
          health: 'draining',
          reason: 'Target.DeregistrationInProgress',
          since: now,
          drainingUntil: now + group.deregistrationDelaySeconds,
        });
        changed = true;
      } else if (target.drainingUntil !== null && now >= target.drainingUntil) {
        // Deregistered. An instance still in the design (shutting down) stays listed as `unused`
        // (`Target.NotRegistered`, as DescribeTargetHealth names a target outside the group) so nothing is
        // sent to it; it goes when it leaves the design.
        inDesign ??= new Set(facts.candidates);
        if (inDesign.has(id)) set(target, 'unused', NOT_REGISTERED);
        else health.targets.delete(id);
        changed = true;
      }
    }
    if (changed) this.overlayCache = null;
    return changed;
  }

  /** Checks every registered target once; true when any state changed. */
  private check(group: TargetGroup, health: GroupHealth): boolean {
    if (!group.healthCheck.enabled) return false;
    const facts = this.factsOf(group, health);
    const lb = facts.loadBalancer;
    const zones = facts.zones;
    const down = this.inputs.zonesDown();
    let changed = false;
    for (const [id, target] of health.targets) {
      if (target.health === 'draining' || target.reason === NOT_REGISTERED) continue;
      const before = target.health;
      const zone = this.zoneOf(facts, group, id);
      // Addresses and functions have no instance state: they count as running.
      const state =
        this.inputs.instanceState(id) ?? (getResource(this.design, id, 'ec2Instance') ? undefined : 'running');
      if (!lb || (zone !== null && zones && !zones.has(zone))) {
        set(target, 'unused', 'Target.NotInUse');
      } else if (state !== 'running') {
        set(target, 'unused', 'Target.InvalidState');
      } else {
        const failure =
          this.inputs.isImpaired(id) || (zone !== null && down.includes(zone))
            ? 'Target.Timeout'
            : (this.blockOf(facts, lb, group, id)?.code ?? null);
        if (failure === null) pass(target, group);
        else fail(target, group, failure);
      }
      if (target.health !== before) {
        target.since = this.ctx.now;
        changed = true;
      }
    }
    if (changed) this.overlayCache = null;
    return changed;
  }

  private factsOf(group: TargetGroup, health: GroupHealth): DesignFacts {
    if (health.design) return health.design;
    const loadBalancer = loadBalancerOf(this.design, group);
    health.design = {
      // Targets in design order; instance states deregister some at each check.
      candidates: registeredTargets(this.design, group, () => undefined),
      loadBalancer,
      zones: loadBalancer ? loadBalancerZones(this.design, loadBalancer) : null,
      zoneOf: new Map(),
      blocks: new Map(),
    };
    return health.design;
  }

  private zoneOf(facts: DesignFacts, group: TargetGroup, targetId: string): string | null {
    let zone = facts.zoneOf.get(targetId);
    if (zone === undefined) {
      zone = targetZone(this.design, group, targetId);
      facts.zoneOf.set(targetId, zone);
    }
    return zone;
  }

  /** The network's verdict on one target's check (`healthCheckBlock` is a reachability analysis), once per design. */
  private blockOf(facts: DesignFacts, lb: LoadBalancer, group: TargetGroup, targetId: string): HealthCheckBlock | null {
    let block = facts.blocks.get(targetId);
    if (block === undefined) {
      block = healthCheckBlock(this.design, lb, group, targetId);
      facts.blocks.set(targetId, block);
    }
    return block;
  }

  private changed(): void {
    this.overlayCache = null;
    this.ctx.liveStateChanged();
  }
}

const NOT_REGISTERED = 'Target.NotRegistered';

/**
 * Every target healthy and its last check passed (a failed one counts toward
 * unhealthy): a check that passes them all again changes nothing but their
 * count of passes, which a healthy target never reads.
 */
function allHealthy(health: GroupHealth): boolean {
  for (const target of health.targets.values()) if (target.health !== 'healthy' || target.failures !== 0) return false;
  return true;
}

const notRegistered = (health: GroupHealth, id: string) => health.targets.get(id)?.reason === NOT_REGISTERED;

function set(target: TargetState, health: TargetHealthState, reason: string | null): void {
  target.health = health;
  target.reason = reason;
  target.passes = 0;
  target.failures = 0;
}

function pass(target: TargetState, group: TargetGroup): void {
  target.failures = 0;
  target.passes++;
  // A new target needs one passed check; an unhealthy one `healthyThreshold` in a row.
  if (
    target.health !== 'healthy' &&
    (target.health !== 'unhealthy' || target.passes >= group.healthCheck.healthyThreshold)
  )
    Object.assign(target, { health: 'healthy', reason: null });
}

function fail(target: TargetState, group: TargetGroup, reason: string): void {
  target.passes = 0;
  target.failures++;
  if (target.health === 'unused') Object.assign(target, { health: 'initial', reason: 'Elb.InitialHealthChecking' });
  if (target.failures >= group.healthCheck.unhealthyThreshold) {
    target.health = 'unhealthy';
    target.reason = reason;
  }
}
