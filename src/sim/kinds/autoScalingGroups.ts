import { getResource, resourcesOfKind, type AutoScalingGroup, type Design, type InstanceState } from '../../domain';
import { proposePrivateIp } from '../../engine';
import { decideScaling, pickForTermination, rebalanceAllowance } from '../asgScaling';
import { clampedCapacity as clamped, groupInstance, groupInstanceId } from '../asgInstances';
import { drainSeconds, groupMetrics, unhealthyBy, type HealthReadings } from '../asgHealth';
import { groupRequestsPerMinute } from '../asgLoad';
import { groupFrame, groupSummary, isActive, type GroupRun, type Member } from '../asgRun';
import { round, type EventHandler, type FrameParts, type SimContext, type SimulatedKind } from '../kind';
import type { InstanceFrame } from '../protocol';

/** What a group needs from the rest of the run. */
export interface GroupInputs extends HealthReadings {
  instanceState(instanceId: string): InstanceState | undefined;
  isImpaired(instanceId: string): boolean;
  zonesDown(): readonly string[];
  /** Requests a flow has sent so far. */
  requestsSent(flowId: string): number;
  terminate(instanceId: string): void;
  /** The group's instances changed: the Simulation rebuilds the design the kinds see. */
  membersChanged(): void;
}

type GroupEvent =
  | { kind: 'monitor' }
  | { kind: 'metrics' }
  | { kind: 'scheduled'; groupId: string; index: number }
  | { kind: 'drained'; instanceId: string };

/** Health and capacity are looked at every 10 s; metrics are one-minute datapoints (CloudWatch's period for these alarms). */
const MONITOR_SECONDS = 10;
const METRIC_SECONDS = 60;

/**
 * EC2 Auto Scaling groups: the instances each launches are ordinary
 * `ec2Instance` resources (with `autoScalingGroupId`) that the Simulation adds
 * to the design every kind sees (`withInstances`), so EC2 launches and bills
 * them and flows and health checks see them. Capacity stays between min and
 * max; unhealthy instances (EC2 checks, and ELB checks after the grace period)
 * are terminated and replaced in a zone that is up; zones are rebalanced
 * (launch first, then terminate); policies and scheduled actions move the
 * desired capacity. Source: EC2 Auto Scaling User Guide ("Health checks",
 * "Replace unhealthy instances", "Rebalancing activities", "Default termination policy").
 */
export class AutoScalingGroups implements SimulatedKind, EventHandler<GroupEvent> {
  private readonly runs = new Map<string, GroupRun>();
  private design: Design;

  constructor(
    design: Design,
    private readonly ctx: SimContext,
    private readonly inputs: GroupInputs,
    /** Off: every group is looked at every 10 s (the reference skipped looks are tested against). */
    private readonly repeatSteadyLooks = true,
  ) {
    this.design = design;
    this.follow(design);
    // The design is a deployment already running: each group's desired capacity is in service at the start,
    // as the design's own instances start running (a group added during the run launches as AWS does).
    for (const group of resourcesOfKind(design, 'autoScalingGroup')) {
      const run = this.runs.get(group.id)!;
      for (let i = run.members.filter(isActive).length; i < run.desired; i++)
        if (!this.launch(group, run, 'an instance was in service when the run began', true)) break;
    }
  }

  /** Every instance id a group has counted in this run (launched or adopted), so none is adopted twice. */
  private readonly known = new Set<string>();

  /** How many instances each group (by id) has launched in this run, deleted groups included. */
  private readonly launchNumbers = new Map<string, number>();

  /** Instances terminating: deregistered from their target groups until they are terminated. */
  private readonly leaving = new Set<string>();

  /** Whether the monitor and metric events run (from the first group on; a run without groups has none). */
  private watching = false;

  /** The design with every group's instances that are not terminated yet. */
  withInstances(design: Design): Design {
    // A deleted group's instances go with it (as a forced DeleteAutoScalingGroup terminates them).
    const members = [...this.runs]
      .filter(([groupId]) => getResource(design, groupId, 'autoScalingGroup'))
      .flatMap(([, r]) => r.members.filter((m) => m.lifecycle !== 'Terminated' && !m.adopted));
    if (members.length === 0) return design;
    const resources = { ...design.resources };
    for (const m of members) resources[m.instance.id] = m.instance;
    return { ...design, resources };
  }

  sync(design: Design): void {
    this.steadyRuns.clear();
    this.follow(design);
  }

  /**
   * Groups whose last look found nothing to do and nothing that time alone
   * can change (see `isSteady`): the next look would find the same, so it is
   * skipped until an instance, a target's health, a zone, a fault, the design
   * or the group's capacity changes.
   */
  private readonly steadyRuns = new Set<GroupRun>();

  /** An instance's state or health, a fault or a zone changed: every group looks again. */
  liveStateChanged(): void {
    this.steadyRuns.clear();
  }

  private follow(design: Design): void {
    this.design = design;
    const groups = resourcesOfKind(design, 'autoScalingGroup');
    if (groups.length > 0 && !this.watching) {
      this.watching = true;
      this.ctx.schedule<GroupEvent>(this.ctx.now, this, { kind: 'monitor' });
      this.ctx.schedule<GroupEvent>(this.ctx.now + METRIC_SECONDS, this, { kind: 'metrics' });
    }
    for (const group of groups) {
      const capacity = `${group.minSize} ${group.desiredCapacity} ${group.maxSize}`;
      const run = this.runs.get(group.id);
      if (!run) {
        this.runs.set(group.id, {
          members: [],
          ...clamped(group.minSize, group.desiredCapacity, group.maxSize),
          designCapacity: capacity,
          launches: 0,
          lastActivity: null,
          averageCpu: null,
          alarms: { high: [], low: [] },
          lastSent: new Map(),
          membership: 0,
          balance: null,
          launchFailure: null,
        });
        group.scheduledActions.forEach((action, index) =>
          this.ctx.schedule<GroupEvent>(Math.max(action.at, this.ctx.now), this, {
            kind: 'scheduled',
            groupId: group.id,
            index,
          }),
        );
      } else if (run.designCapacity !== capacity) {
        Object.assign(run, clamped(group.minSize, group.desiredCapacity, group.maxSize), { designCapacity: capacity });
      }
    }
    const present = new Set<string>(groups.map((g) => g.id));
    for (const id of [...this.runs.keys()]) if (!present.has(id)) this.runs.delete(id);
    this.adopt(design, present);
  }

  /** Instances the design tags with a group (an import): the group counts them as its own from now. */
  private adopt(design: Design, groups: ReadonlySet<string>): void {
    for (const instance of resourcesOfKind(design, 'ec2Instance')) {
      const groupId = instance.autoScalingGroupId;
      if (!groupId || !groups.has(groupId) || this.known.has(instance.id)) continue;
      this.known.add(instance.id);
      const gone = instance.state === 'shutting-down' || instance.state === 'terminated';
      const run = this.runs.get(groupId)!;
      run.membership++;
      run.members.push({
        instance,
        zoneId: getResource(design, instance.subnetId, 'subnet')?.azId ?? '',
        launchedAt: this.ctx.now,
        inServiceAt: instance.state === 'running' ? this.ctx.now : null,
        // A stopped one is in service and fails its EC2 health check at the next look (then is replaced).
        lifecycle: gone ? 'Terminated' : instance.state === 'pending' ? 'Pending' : 'InService',
        health: 'Healthy',
        unhealthyBy: null,
        terminatedAt: gone ? this.ctx.now : null,
        adopted: true,
      });
    }
  }

  handle(event: GroupEvent): void {
    if (event.kind === 'monitor') {
      this.monitor();
      this.ctx.schedule<GroupEvent>(this.ctx.now + MONITOR_SECONDS, this, event);
    } else if (event.kind === 'metrics') {
      for (const group of resourcesOfKind(this.design, 'autoScalingGroup')) this.datapoint(group);
      this.ctx.schedule<GroupEvent>(this.ctx.now + METRIC_SECONDS, this, event);
    } else if (event.kind === 'drained') this.inputs.terminate(event.instanceId);
    else this.scheduledAction(event.groupId, event.index);
  }

  /** Health, replacement, capacity and balance of every group. */
  private monitor(): void {
    let changed = false;
    for (const group of resourcesOfKind(this.design, 'autoScalingGroup')) {
      const run = this.runs.get(group.id);
      if (!run || this.steadyRuns.has(run)) continue;
      const tended = this.tend(group, run);
      if (!tended && this.repeatSteadyLooks && this.isSteady(group, run)) this.steadyRuns.add(run);
      changed = tended || changed;
    }
    if (changed) this.inputs.membersChanged();
  }

  /**
   * After a look that changed nothing: whether the next finds the same with
   * nothing else changed. Every member is in service and healthy by every
   * check (running, not impaired, no target unhealthy, which a grace period
   * ending could reveal), the group is at its desired capacity and balanced:
   * then `tend` reads only states that change with a notice (`sync`,
   * `liveStateChanged`) and the clock plays no part.
   */
  private isSteady(group: AutoScalingGroup, run: GroupRun): boolean {
    if (run.members.length !== run.desired) return false;
    for (const m of run.members) {
      if (m.lifecycle !== 'InService' || m.unhealthyBy !== null) return false;
      const id = m.instance.id;
      if (this.inputs.instanceState(id) !== 'running' || this.inputs.isImpaired(id)) return false;
      if (this.inputs.statusCheckFailedAt(id) !== null) return false;
      if (group.healthCheckType === 'ELB')
        for (const tg of group.targetGroupIds)
          if (this.inputs.targetHealth(tg, id)?.health === 'unhealthy') return false;
    }
    return this.imbalance(group, run, run.members) === 0;
  }

  private tend(group: AutoScalingGroup, run: GroupRun): boolean {
    const now = this.ctx.now;
    let changed = false;
    for (const m of run.members) {
      const state = this.inputs.instanceState(m.instance.id);
      if (m.lifecycle === 'Terminating' && (state === 'terminated' || state === undefined)) {
        m.lifecycle = 'Terminated';
        m.terminatedAt = now;
        this.leaving.delete(m.instance.id);
        run.membership++;
        changed = true;
      } else if (m.lifecycle === 'Pending' && state === 'running') {
        m.lifecycle = 'InService';
        m.inServiceAt = now;
      }
      if (m.lifecycle === 'InService' || m.lifecycle === 'Pending') {
        m.unhealthyBy = unhealthyBy(group, m, state, this.ctx.now, this.inputs);
        m.health = m.unhealthyBy === null ? 'Healthy' : 'Unhealthy';
      }
    }
    // Terminated instances are kept for the frame for an hour, as the console lists them.
    run.members = run.members.filter((m) => m.terminatedAt === null || now - m.terminatedAt < 3600);
    const pending = run.members.some((m) => m.lifecycle === 'Pending');
    // Replace at most 10 % of desired at a time (one for a small group), waiting for replacements to come up.
    const unhealthy = run.members.filter((m) => m.health === 'Unhealthy' && isActive(m));
    if (unhealthy.length > 0 && !pending) {
      // When every instance is unhealthy, AWS replaces fewer still: one at a time.
      const everyOne = unhealthy.length === run.members.filter(isActive).length;
      const batch = everyOne ? 1 : Math.max(1, Math.floor(run.desired * 0.1));
      for (const m of unhealthy.slice(0, batch)) {
        const why =
          m.unhealthyBy === 'ELB'
            ? 'an ELB system health check failure'
            : 'an EC2 health check indicating it has been terminated or stopped or is impaired';
        this.terminate(group, run, m, `an instance was taken out of service in response to ${why}`);
      }
      changed = true;
    }
    const active = run.members.filter(isActive);
    if (active.length < run.desired) {
      const from = active.length;
      for (let i = from; i < run.desired; i++)
        if (
          !this.launch(
            group,
            run,
            `an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${from} to ${run.desired}`,
          )
        )
          break;
      return true;
    }
    if (pending) return changed;
    if (active.length > run.desired) {
      const from = active.length;
      for (let i = run.desired; i < from; i++) {
        const m = pickForTermination(run.members.filter(isActive), this.ctx.random);
        if (m)
          this.terminate(
            group,
            run,
            m,
            `an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from ${from} to ${run.desired}`,
          );
      }
      return true;
    }
    const room = run.maxSize + rebalanceAllowance(run.maxSize) - active.length;
    const moves = group.azRebalance ? Math.min(room, this.imbalance(group, run, active)) : 0;
    // Launch first; once they run, the termination policy takes the surplus from the fullest zones.
    for (let i = 0; i < moves; i++)
      if (this.launch(group, run, 'an instance was launched to rebalance instances across Availability Zones'))
        changed = true;
    return changed;
  }

  /** Zones of the group that are up, with how many active instances each holds, in subnet order. */
  private zoneCounts(group: AutoScalingGroup, active: readonly Member[]): Map<string, number> {
    const down = this.inputs.zonesDown();
    const counts = new Map<string, number>();
    for (const subnetId of group.subnetIds) {
      const zone = getResource(this.design, subnetId, 'subnet')?.azId;
      if (zone && !down.includes(zone) && !counts.has(zone)) counts.set(zone, 0);
    }
    for (const m of active) if (counts.has(m.zoneId)) counts.set(m.zoneId, counts.get(m.zoneId)! + 1);
    return counts;
  }

  /** How many instances must move for the zones that are up to differ by at most one. */
  private imbalance(group: AutoScalingGroup, run: GroupRun, active: readonly Member[]): number {
    const zonesDown = this.inputs.zonesDown();
    const known = run.balance;
    if (known && known.membership === run.membership && known.zonesDown === zonesDown) return known.moves;
    const counts = [...this.zoneCounts(group, active).values()];
    const moves = counts.length < 2 ? 0 : Math.floor((Math.max(...counts) - Math.min(...counts)) / 2);
    run.balance = { membership: run.membership, zonesDown, moves };
    return moves;
  }

  /** Launches one instance in the zone with the fewest (of the zones that are up); false when none can take it. */
  private launch(group: AutoScalingGroup, run: GroupRun, cause: string, inService = false): boolean {
    const template = getResource(this.design, group.launchTemplateId, 'launchTemplate');
    let zone: string | null = null;
    let fewest = Infinity;
    for (const [z, count] of this.zoneCounts(group, run.members.filter(isActive)))
      if (count < fewest) [zone, fewest] = [z, count];
    const subnet = group.subnetIds
      .map((id) => getResource(this.design, id, 'subnet'))
      .find((s) => s !== undefined && s.azId === zone);
    const address = subnet ? proposePrivateIp(this.withInstances(this.design), subnet) : null;
    if (!template || !subnet || !address) {
      const reason = !template
        ? 'The launch template does not exist'
        : !subnet
          ? 'No subnet of the group is in an Availability Zone that is up'
          : `Subnet ${subnet.name} has no free address`;
      // Logged once per cause: the group tries again at every look, and the log would repeat it every 10 s.
      const text = `Launching a new EC2 instance failed. Status Reason: ${reason}.`;
      if (run.launchFailure !== text) this.activity(run, group.id, 'error', text);
      run.launchFailure = text;
      return false;
    }
    run.launchFailure = null;
    run.launches++;
    // Numbered across the run, not per run of the group: one deleted and added back (an undo) never reuses an
    // instance id, as EC2 never does.
    const launch = (this.launchNumbers.get(group.id) ?? 0) + 1;
    this.launchNumbers.set(group.id, launch);
    const id = groupInstanceId(group.id, launch);
    const instance = groupInstance(group, template, { id, launch, subnet, privateIp: address });
    run.members.push({
      instance,
      zoneId: subnet.azId,
      // In service before the run began: past its grace period and warmed up.
      launchedAt: inService ? -Infinity : this.ctx.now,
      inServiceAt: inService ? -Infinity : null,
      lifecycle: inService ? 'InService' : 'Pending',
      health: 'Healthy',
      unhealthyBy: null,
      terminatedAt: null,
      adopted: false,
    });
    run.membership++;
    this.known.add(id);
    if (inService) this.activity(run, id, 'info', `EC2 instance ${id} is in service (${cause}).`);
    else this.activity(run, id, 'info', `Launching a new EC2 instance: ${id} . Cause: At ${this.clock()} ${cause}.`);
    return true;
  }

  /**
   * Takes an instance out of service: it deregisters from the group's target groups at once (its targets
   * drain) and is terminated when the longest of their deregistration delays ends, at once without any.
   * EC2 Auto Scaling User Guide, "Health checks for Auto Scaling instances": with connection draining, Amazon
   * EC2 Auto Scaling "waits for in-flight requests to complete or the maximum timeout to expire, whichever
   * comes first, before terminating instances due to a scaling event or health check replacement". Nimbus
   * waits the whole delay, as its targets drain for the whole delay.
   */
  private terminate(group: AutoScalingGroup, run: GroupRun, m: Member, cause: string): void {
    m.lifecycle = 'Terminating';
    this.leaving.add(m.instance.id);
    run.membership++;
    this.activity(
      run,
      m.instance.id,
      'info',
      `Terminating EC2 instance: ${m.instance.id} . Cause: At ${this.clock()} ${cause}.`,
    );
    const delay = drainSeconds(this.design, group);
    if (delay === 0) this.inputs.terminate(m.instance.id);
    else this.ctx.schedule<GroupEvent>(this.ctx.now + delay, this, { kind: 'drained', instanceId: m.instance.id });
  }

  /** Whether an instance is leaving its group (deregistered from its target groups while it drains). */
  isLeaving(instanceId: string): boolean {
    return this.leaving.has(instanceId);
  }

  private activity(run: GroupRun, resourceId: string, level: 'info' | 'error', text: string): void {
    run.lastActivity = text;
    this.ctx.say(level, resourceId, text);
  }

  private clock = () => `${round(this.ctx.now, 3)} s`;

  /** One-minute datapoint: average CPU and requests per target, and what the policies make of them. */
  private datapoint(group: AutoScalingGroup): void {
    const run = this.runs.get(group.id);
    if (!run) return;
    const requests = groupRequestsPerMinute(this.design, group, run.lastSent, this.inputs.requestsSent);
    const { metrics, inService } = groupMetrics(group, run.members, requests, this.ctx.now);
    run.averageCpu = metrics.averageCpu;
    const decision = decideScaling(group, metrics, run.alarms, { desired: run.desired, capacity: inService });
    if (!decision) return;
    const desired = Math.min(run.maxSize, Math.max(run.minSize, decision.desired));
    // No cooldown: target tracking and step scaling don't use DefaultCooldown, only simple scaling does
    // (EC2 Auto Scaling User Guide, "Scaling cooldowns for Amazon EC2 Auto Scaling"); Nimbus has no simple scaling.
    if (desired === run.desired) return;
    this.activity(
      run,
      group.id,
      'info',
      `At ${this.clock()} ${decision.cause} changing the desired capacity from ${run.desired} to ${desired}.`,
    );
    run.desired = desired;
    this.steadyRuns.delete(run);
    this.monitor();
  }

  private scheduledAction(groupId: string, index: number): void {
    const group = getResource(this.design, groupId, 'autoScalingGroup');
    const run = this.runs.get(groupId);
    const action = group?.scheduledActions[index];
    if (!group || !run || !action) return;
    Object.assign(
      run,
      clamped(action.minSize ?? run.minSize, action.desiredCapacity ?? run.desired, action.maxSize ?? run.maxSize),
    );
    this.activity(
      run,
      groupId,
      'info',
      `Executing scheduled action ${action.name}: min ${run.minSize}, desired ${run.desired}, max ${run.maxSize}.`,
    );
    this.steadyRuns.delete(run);
    if (action.everySeconds !== null)
      this.ctx.schedule<GroupEvent>(this.ctx.now + action.everySeconds, this, { kind: 'scheduled', groupId, index });
    this.monitor();
  }

  /** What the frame shows of an instance a group launched. */
  launchedOf(instanceId: string): InstanceFrame['launched'] {
    for (const run of this.runs.values())
      for (const m of run.members)
        if (m.instance.id === instanceId && !m.adopted)
          return {
            autoScalingGroupId: m.instance.autoScalingGroupId!,
            name: m.instance.name,
            subnetId: m.instance.subnetId,
            privateIp: m.instance.privateIp,
          };
    return undefined;
  }

  costs() {
    return [];
  }

  frame(): Pick<FrameParts, 'autoScalingGroups'> {
    return {
      autoScalingGroups: resourcesOfKind(this.design, 'autoScalingGroup').map((g) =>
        groupFrame(g, this.runs.get(g.id)!),
      ),
    };
  }

  summary() {
    return {
      autoScalingGroups: resourcesOfKind(this.design, 'autoScalingGroup').map((g) =>
        groupSummary(g, this.runs.get(g.id)!),
      ),
    };
  }
}
