import {
  autoAssignedPublicIpv4,
  autoPublicIpv4Of,
  launchRefusal,
  resourcesOfKind,
  type Design,
  type Ec2Instance,
} from '../../domain';
import {
  applyAction,
  applyInstanceEdits,
  billedSecondsNow,
  completeTransition,
  createEc2Sim,
  ec2Cost,
  ec2Rate,
  removeInstance,
  rootVolumeGiBOf,
  type Ec2Context,
  type Ec2Event,
  type Ec2Sim,
} from '../ec2';
import { isContainerInstance, type ContainerHost } from '../containers';
import {
  RemovedCosts,
  round,
  type EventHandler,
  type FrameParts,
  type ResourceCost,
  type SimContext,
  type SimulatedKind,
} from '../kind';
import type { ActionResult, Ec2Action, InstanceFrame } from '../protocol';
import type { LiveOverlay } from '../trafficPath';

/** A scheduled transition of an instance, or an action the design schedules (`simulation.actions`). */
type InstanceEvent = Ec2Event | { kind: 'action'; instanceId: string; action: Ec2Action };

export type InstanceSummary = ReturnType<typeof summarize>;

/** What others know of an instance for the frame: failing status checks (a fault), launched by a group. */
export interface InstanceStatus {
  impaired(instanceId: string): boolean;
  launched(instanceId: string): InstanceFrame['launched'];
}

/** The design's EC2 instances: lifecycles driven by actions and their own timed transitions. */
export class Ec2Instances implements SimulatedKind, EventHandler<InstanceEvent> {
  readonly sims = new Map<string, Ec2Sim>();
  /** Container instances (ECS-optimized AMI), for task placement; follows edits. */
  containerHosts: ContainerHost[];
  /** What deleted instances cost while they existed. */
  private readonly removed = new RemovedCosts();
  /** How many public IPv4 addresses each instance was given in this run (its next start takes the next one). */
  private readonly ipGenerations = new Map<string, number>();
  /** The public IPv4 each instance's design records (AWS's, from an import), for its first start. */
  private readonly recorded = new Map<string, string>();
  /** One context for every EC2 step: events are a hot path, so nothing is allocated per event. */
  private readonly ec2Context: Ec2Context;
  /** Instances whose launch AWS refused (logged once each). */
  private readonly refused = new Set<string>();

  constructor(
    design: Design,
    private readonly ctx: SimContext,
    private readonly status: InstanceStatus = { impaired: () => false, launched: () => undefined },
  ) {
    this.ec2Context = {
      now: 0,
      random: ctx.random,
      schedule: (at, event) => ctx.schedule<InstanceEvent>(at, this, event),
      // The first address an instance gets in a run is the design's (recorded or drawn); each later start, the next.
      newPublicIp: (instanceId) => {
        const given = this.ipGenerations.get(instanceId);
        this.ipGenerations.set(instanceId, given === undefined ? 0 : given + 1);
        if (given === undefined) return this.recorded.get(instanceId) ?? autoAssignedPublicIpv4(instanceId);
        return autoAssignedPublicIpv4(instanceId, given + 1);
      },
    };
    const instances = resourcesOfKind(design, 'ec2Instance');
    for (const instance of instances) {
      this.record(instance);
      if (this.refusedLaunch(instance)) continue;
      // A design may hold an instance still booting: it goes on to running like any launch.
      if (instance.state === 'pending') {
        this.launch(instance, design);
        continue;
      }
      const sim = createEc2Sim(instance, rootVolumeGiBOf(design, instance));
      // A running instance holds the address the design records for it: design and simulation agree at time 0.
      if (sim.state === 'running' && sim.autoPublicIp && !sim.hasElasticIp)
        sim.publicIp = this.ec2Context.newPublicIp(instance.id);
      this.sims.set(instance.id, sim);
    }
    this.containerHosts = this.hostsOf(instances);
    for (const scheduled of design.simulation?.actions ?? [])
      ctx.schedule<InstanceEvent>(scheduled.at, this, {
        kind: 'action',
        instanceId: scheduled.instanceId,
        action: scheduled.action,
      });
  }

  /** A new instance is launched (pending, then running); a deleted one stops billing now; edits take effect. */
  sync(design: Design): void {
    const instances = resourcesOfKind(design, 'ec2Instance');
    const present = new Set<string>();
    let addressChanged = false;
    for (const instance of instances) {
      present.add(instance.id);
      this.record(instance);
      const kept = this.sims.get(instance.id);
      if (kept) {
        addressChanged = applyInstanceEdits(kept, instance, this.context()) || addressChanged;
        continue;
      }
      if (this.refusedLaunch(instance)) continue;
      this.launch(instance, design);
      this.ctx.say('info', instance.id, `Launched ${instance.name} (${instance.instanceType}): pending.`);
    }
    for (const [id, sim] of this.sims) {
      if (present.has(id)) continue;
      removeInstance(sim, this.ctx.now);
      this.removed.add({ id, name: sim.name, total: ec2Cost(sim, this.ctx.now), ratePerHour: 0 });
      this.sims.delete(id);
    }
    this.containerHosts = this.hostsOf(instances);
    if (addressChanged) this.ctx.liveStateChanged();
  }

  /** Launches an instance now: pending, then running after its boot time. */
  private launch(instance: Ec2Instance, design: Design): void {
    const sim = createEc2Sim({ ...instance, state: 'stopped' }, rootVolumeGiBOf(design, instance));
    sim.everRunning = false;
    sim.settledAt = this.ctx.now;
    sim.timeline = [];
    this.sims.set(instance.id, sim);
    applyAction(sim, 'start', this.context());
  }

  /**
   * An instance AWS would not launch (its AMI's architecture does not match its type's) never exists: the
   * error is logged as RunInstances returns it, and nothing is billed. Fixing the design launches it.
   */
  private refusedLaunch(instance: Ec2Instance): boolean {
    const refusal = launchRefusal(instance);
    if (!refusal) return false;
    if (!this.refused.has(instance.id))
      this.ctx.say(
        'error',
        instance.id,
        `RunInstances for ${instance.name} refused: ${refusal.code}: ${refusal.message}`,
      );
    this.refused.add(instance.id);
    return true;
  }

  private record(instance: Ec2Instance): void {
    const address = autoPublicIpv4Of(instance);
    if (address) this.recorded.set(instance.id, address);
  }

  /** Applies an action now, as the console or API would; refusals are logged with AWS's error code. */
  act(instanceId: string, action: Ec2Action): ActionResult {
    const sim = this.sims.get(instanceId);
    if (!sim)
      return {
        ok: false,
        code: 'InvalidInstanceID.NotFound',
        message: `The instance ID '${instanceId}' does not exist`,
      };
    const result = applyAction(sim, action, this.context());
    this.ctx.liveStateChanged();
    if (result.ok)
      this.ctx.say('info', instanceId, `${action} ${sim.name}: now ${sim.rebooting ? 'rebooting' : sim.state}.`);
    else this.ctx.say('error', instanceId, `${action} ${sim.name} refused: ${result.code}: ${result.message}`);
    return result;
  }

  handle(event: InstanceEvent): void {
    if (event.kind === 'action') {
      this.act(event.instanceId, event.action);
      return;
    }
    // Events of a deleted instance find nothing and are dropped.
    const sim = this.sims.get(event.id);
    const text = sim ? completeTransition(sim, event, this.context()) : null;
    if (text) {
      this.ctx.say('info', event.id, text);
      this.ctx.liveStateChanged();
    }
  }

  /** Instance states and public addresses as they are now, for planning traffic. */
  liveOverlay(): LiveOverlay {
    const liveStates: NonNullable<LiveOverlay['liveStates']> = {};
    const publicIps: NonNullable<LiveOverlay['publicIps']> = {};
    for (const sim of this.sims.values()) {
      liveStates[sim.id] = sim.state;
      publicIps[sim.id] = sim.publicIp;
    }
    return { liveStates, publicIps };
  }

  costs(now: number): ResourceCost[] {
    return this.removed.withLive([
      ...[...this.sims.values()].map((s) => ({
        id: s.id,
        name: s.name,
        total: ec2Cost(s, now),
        ratePerHour: ec2Rate(s),
      })),
    ]);
  }

  summary(now: number) {
    return { instances: [...this.sims.values()].map((s) => summarize(s, now)) };
  }

  frame(now: number): Pick<FrameParts, 'instances'> {
    const instances: FrameParts['instances'] = {};
    for (const s of this.sims.values()) {
      const launched = this.status.launched(s.id);
      instances[s.id] = {
        ...(launched ? { launched } : {}),
        ...(this.status.impaired(s.id) ? { impaired: true } : {}),
        state: s.gone ? 'gone' : s.state,
        rebooting: s.rebooting,
        publicIp: s.publicIp,
        costUsd: ec2Cost(s, now),
        ratePerHour: ec2Rate(s),
        timeline: s.timeline.map((t) => ({ at: t.at, state: t.state })),
      };
    }
    return { instances };
  }

  private context(): Ec2Context {
    this.ec2Context.now = this.ctx.now;
    return this.ec2Context;
  }

  private hostsOf(instances: readonly Ec2Instance[]): ContainerHost[] {
    return instances
      .filter((i) => isContainerInstance(i.amiId))
      .map((i) => ({ sim: this.sims.get(i.id)!, instanceType: i.instanceType }));
  }
}

function summarize(s: Ec2Sim, now: number) {
  return {
    id: s.id,
    name: s.name,
    state: s.gone ? 'gone' : s.state,
    transitions: s.timeline.map((t) => ({ at: round(t.at, 3), state: t.state })),
    billedSeconds: round(billedSecondsNow(s, now), 3),
    costUsd: round(ec2Cost(s, now)),
  };
}
