import {
  findAmi,
  findInstanceType,
  nodeGroupAutoScalingId,
  PRICES,
  resourcesOfKind,
  type Design,
  type Ec2Instance,
  type InstanceState,
} from '../domain';
import type { ActionResult, Ec2Action } from './protocol';
import type { Random } from './random';

/**
 * EC2 instance lifecycle as AWS runs it (aws-semantics "EC2 lifecycle"):
 * states, how long transitions take, which actions are refused with AWS's
 * error codes and words, and per-second billing with a 60-second minimum
 * for each running period.
 */
export interface Ec2Sim {
  id: string;
  name: string;
  state: InstanceState;
  /** A reboot happens inside `running`; this marks it. */
  rebooting: boolean;
  hibernationEnabled: boolean;
  terminationProtection: boolean;
  /** Stopped by hibernating: the next start resumes memory and is faster. */
  hibernated: boolean;
  everRunning: boolean;
  hasElasticIp: boolean;
  /** Whether the instance gets an auto-assigned public IPv4 when it runs. */
  autoPublicIp: boolean;
  publicIp: string | null;
  windows: boolean;
  hourlyUsd: number;
  /** Start of the current billed period (running, or stopping to hibernate), in sim seconds. */
  periodStart: number | null;
  billedSeconds: number;
  /** Instance-hours billed at the prices of earlier instance types (the type was edited mid-run). */
  earlierTypesUsd: number;
  /** The billed seconds those earlier prices already cover. */
  earlierTypesSeconds: number;
  publicIpSeconds: number;
  /** The root EBS volume's size, billed as gp3 while the instance exists. */
  rootVolumeGiB: number;
  ebsSeconds: number;
  /** Charges that run by the second are settled up to here, lazily, when the state changes or costs are read. */
  settledAt: number;
  /** Bumped on every transition so stale scheduled events are ignored. */
  version: number;
  terminatedAt: number | null;
  gone: boolean;
  /** The design's fixed transition durations, when it sets them. */
  transitions: NonNullable<Ec2Instance['transitionSeconds']>;
  timeline: Array<{ at: number; state: InstanceState | 'rebooting' | 'gone' }>;
}

export type Ec2Event = { kind: 'ec2'; id: string; version: number; next: InstanceState | 'rebooted' | 'gone' };

/** How long each transition takes, in seconds (drawn from these ranges with the run's seed). */
export const DURATIONS = {
  bootLinux: [5, 17],
  bootWindows: [30, 60],
  resumeHibernated: [3, 8],
  stop: [5, 15],
  stopHibernate: [15, 30],
  shutDown: [5, 15],
  reboot: [20, 40],
  /** Terminated instances stay visible for about an hour. */
  visibleAfterTermination: [3600, 3600],
} as const;

/** A fixed duration as a range of one value. */
const fixed = (seconds: number | undefined): readonly [number, number] | undefined =>
  seconds === undefined ? undefined : [seconds, seconds];

/**
 * The root volume an instance launches with: a managed node group's nodes get
 * the group's `diskSize` (EKS API Reference, CreateNodegroup: "The root device
 * disk size (in GiB) for your node group instances", 20 GiB by default for
 * Linux and Bottlerocket); any other instance Nimbus's 8 GiB (the usual size of
 * an Amazon Linux AMI's root volume; Nimbus models no other volumes).
 */
export function rootVolumeGiBOf(design: Design, instance: Ec2Instance): number {
  if (instance.autoScalingGroupId === undefined) return PRICES.rootVolumeGb;
  const group = resourcesOfKind(design, 'eksNodeGroup').find(
    (g) => nodeGroupAutoScalingId(g.id) === instance.autoScalingGroupId,
  );
  return group?.diskSizeGiB ?? PRICES.rootVolumeGb;
}

export function createEc2Sim(instance: Ec2Instance, rootVolumeGiB: number = PRICES.rootVolumeGb): Ec2Sim {
  const running = instance.state === 'running';
  return {
    id: instance.id,
    name: instance.name,
    state: instance.state,
    rebooting: false,
    hibernationEnabled: instance.hibernationEnabled,
    terminationProtection: instance.terminationProtection,
    hibernated: false,
    everRunning: running || instance.state === 'stopped',
    hasElasticIp: instance.elasticIpId !== null,
    autoPublicIp: instance.publicIp,
    publicIp: null,
    windows: findAmi(instance.amiId)?.platform === 'windows',
    hourlyUsd: findInstanceType(instance.instanceType)?.hourlyUsd ?? 0,
    periodStart: running ? 0 : null,
    billedSeconds: 0,
    earlierTypesUsd: 0,
    earlierTypesSeconds: 0,
    publicIpSeconds: 0,
    rootVolumeGiB,
    ebsSeconds: 0,
    settledAt: 0,
    version: 0,
    terminatedAt: null,
    gone: false,
    transitions: instance.transitionSeconds ?? {},
    timeline: [{ at: 0, state: instance.state }],
  };
}

export interface Ec2Context {
  now: number;
  random: Random;
  schedule: (at: number, event: Ec2Event) => void;
  /**
   * A new auto-assigned public IPv4 for an instance that starts (AWS gives a
   * new one on each start): the next of its addresses in the design's range
   * (`autoAssignedPublicIpv4`), so runs repeat.
   */
  newPublicIp: (instanceId: string) => string;
}

const wait = (random: Random, range: readonly [number, number]) => random.between(range[0], range[1]);

function enter(
  sim: Ec2Sim,
  ctx: Ec2Context,
  state: InstanceState,
  after?: { range: readonly [number, number]; next: Ec2Event['next'] },
): void {
  sim.state = state;
  sim.version++;
  sim.timeline.push({ at: ctx.now, state });
  if (after)
    ctx.schedule(ctx.now + wait(ctx.random, after.range), {
      kind: 'ec2',
      id: sim.id,
      version: sim.version,
      next: after.next,
    });
}

/** Closes the billed period: per second, at least 60 seconds (Linux on-demand). */
function endPeriod(sim: Ec2Sim, now: number): void {
  if (sim.periodStart === null) return;
  sim.billedSeconds += Math.max(60, now - sim.periodStart);
  sim.periodStart = null;
}

export function applyAction(sim: Ec2Sim, action: Ec2Action, ctx: Ec2Context): ActionResult {
  settle(sim, ctx.now);
  if (sim.gone)
    return { ok: false, code: 'InvalidInstanceID.NotFound', message: `The instance ID '${sim.id}' does not exist` };
  const id = sim.id;
  const refuse = (code: string, message: string): ActionResult => ({ ok: false, code, message });
  switch (action) {
    case 'start':
      if (sim.state === 'running' || sim.state === 'pending') return { ok: true };
      if (sim.state !== 'stopped')
        return refuse('IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be started.`);
      enter(sim, ctx, 'pending', {
        range:
          fixed(sim.transitions.boot) ??
          (sim.hibernated ? DURATIONS.resumeHibernated : sim.windows ? DURATIONS.bootWindows : DURATIONS.bootLinux),
        next: 'running',
      });
      return { ok: true };
    case 'stop':
    case 'hibernate':
      if (sim.state === 'stopped' || sim.state === 'stopping') return { ok: true };
      if (sim.state === 'terminated' || sim.state === 'shutting-down')
        return refuse(
          'IncorrectInstanceState',
          `This instance '${id}' is not in a state from which it can be stopped.`,
        );
      if (!sim.everRunning)
        return refuse(
          'IncorrectInstanceState',
          `Instance '${id}' cannot be stopped as it has never reached the 'running' state.`,
        );
      if (action === 'hibernate' && !sim.hibernationEnabled) {
        return refuse(
          'UnsupportedHibernationConfiguration',
          `The instance can't be hibernated because it was not configured at launch for hibernation: ${id}`,
        );
      }
      sim.rebooting = false;
      sim.hibernated = action === 'hibernate';
      // Stopping to hibernate is billed (memory is being written to EBS); a plain stop is not.
      if (!sim.hibernated) endPeriod(sim, ctx.now);
      enter(sim, ctx, 'stopping', {
        range: fixed(sim.transitions.stop) ?? (sim.hibernated ? DURATIONS.stopHibernate : DURATIONS.stop),
        next: 'stopped',
      });
      return { ok: true };
    case 'reboot':
      if (sim.state !== 'running')
        return refuse(
          'IncorrectInstanceState',
          `The instance '${id}' is not in a state from which it can be rebooted.`,
        );
      if (sim.rebooting) return { ok: true };
      sim.rebooting = true;
      sim.version++;
      sim.timeline.push({ at: ctx.now, state: 'rebooting' });
      ctx.schedule(ctx.now + wait(ctx.random, DURATIONS.reboot), {
        kind: 'ec2',
        id,
        version: sim.version,
        next: 'rebooted',
      });
      return { ok: true };
    case 'terminate':
      if (sim.state === 'terminated' || sim.state === 'shutting-down') return { ok: true };
      if (sim.terminationProtection)
        return refuse(
          'OperationNotPermitted',
          `The instance '${id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
        );
      sim.rebooting = false;
      endPeriod(sim, ctx.now);
      enter(sim, ctx, 'shutting-down', {
        range: fixed(sim.transitions.shutDown) ?? DURATIONS.shutDown,
        next: 'terminated',
      });
      return { ok: true };
  }
}

/** A scheduled transition arrives; stale ones (from before a later action) are ignored. */
export function completeTransition(sim: Ec2Sim, event: Ec2Event, ctx: Ec2Context): string | null {
  if (event.version !== sim.version || sim.gone) return null;
  settle(sim, ctx.now);
  switch (event.next) {
    case 'running':
      sim.everRunning = true;
      sim.periodStart = ctx.now;
      if (sim.autoPublicIp && !sim.hasElasticIp) sim.publicIp = ctx.newPublicIp(sim.id);
      enter(sim, ctx, 'running');
      return `${sim.name} is running${sim.publicIp ? ` with public IPv4 ${sim.publicIp}` : ''}.`;
    case 'stopped':
      endPeriod(sim, ctx.now);
      sim.publicIp = null;
      enter(sim, ctx, 'stopped');
      return `${sim.name} is stopped${sim.hibernated ? ' (hibernated: memory saved to EBS)' : ''}; its auto-assigned public IPv4 is released.`;
    case 'terminated':
      sim.publicIp = null;
      sim.terminatedAt = ctx.now;
      enter(sim, ctx, 'terminated', { range: DURATIONS.visibleAfterTermination, next: 'gone' });
      return `${sim.name} is terminated; its root volume is deleted.`;
    case 'rebooted':
      sim.rebooting = false;
      sim.version++;
      sim.timeline.push({ at: ctx.now, state: 'running' });
      return `${sim.name} finished rebooting (same host, same addresses).`;
    case 'gone':
      sim.gone = true;
      sim.timeline.push({ at: ctx.now, state: 'gone' });
      return `${sim.name} no longer appears in the console.`;
    default:
      return null;
  }
}

/** Settles per-second charges other than the instance-hour (public IPv4, root EBS volume) up to `now`. */
export function settle(sim: Ec2Sim, now: number): void {
  const seconds = now - sim.settledAt;
  sim.settledAt = now;
  if (seconds <= 0 || sim.state === 'terminated' || sim.gone) return;
  sim.ebsSeconds += seconds;
  if (sim.publicIp) sim.publicIpSeconds += seconds;
}

/** Billed instance seconds so far, counting the open period as it stands (its minimum applies when it closes). */
export function billedSecondsNow(sim: Ec2Sim, now: number): number {
  return sim.billedSeconds + (sim.periodStart === null ? 0 : now - sim.periodStart);
}

export function ec2Cost(sim: Ec2Sim, now: number): number {
  settle(sim, now);
  const instance =
    sim.earlierTypesUsd + ((billedSecondsNow(sim, now) - sim.earlierTypesSeconds) / 3600) * sim.hourlyUsd;
  const ipv4 = (sim.publicIpSeconds / 3600) * PRICES.publicIpv4Hour;
  const ebs = (sim.ebsSeconds / 3600) * ((PRICES.ebsGbMonth * sim.rootVolumeGiB) / PRICES.hoursPerMonth);
  return instance + ipv4 + ebs;
}

/** USD per hour right now. */
export function ec2Rate(sim: Ec2Sim): number {
  if (sim.gone || sim.state === 'terminated') return 0;
  const instance = sim.periodStart !== null ? sim.hourlyUsd : 0;
  return (
    instance +
    (sim.publicIp ? PRICES.publicIpv4Hour : 0) +
    (PRICES.ebsGbMonth * sim.rootVolumeGiB) / PRICES.hoursPerMonth
  );
}

/**
 * Takes the edited design's settings for an instance that is already
 * simulated. A new instance type bills at its price from now on; attaching an
 * Elastic IP releases the auto-assigned address, detaching one gets a new
 * address while running. Returns whether its address changed.
 */
export function applyInstanceEdits(sim: Ec2Sim, instance: Ec2Instance, ctx: Ec2Context): boolean {
  settle(sim, ctx.now);
  sim.name = instance.name;
  sim.hibernationEnabled = instance.hibernationEnabled;
  sim.terminationProtection = instance.terminationProtection;
  sim.transitions = instance.transitionSeconds ?? {};
  sim.windows = findAmi(instance.amiId)?.platform === 'windows';
  const hourlyUsd = findInstanceType(instance.instanceType)?.hourlyUsd ?? 0;
  if (hourlyUsd !== sim.hourlyUsd) {
    const billed = billedSecondsNow(sim, ctx.now);
    sim.earlierTypesUsd += ((billed - sim.earlierTypesSeconds) / 3600) * sim.hourlyUsd;
    sim.earlierTypesSeconds = billed;
    sim.hourlyUsd = hourlyUsd;
  }
  const before = sim.publicIp;
  const hadAutoIp = sim.autoPublicIp && !sim.hasElasticIp;
  sim.hasElasticIp = instance.elasticIpId !== null;
  sim.autoPublicIp = instance.publicIp;
  const hasAutoIp = sim.autoPublicIp && !sim.hasElasticIp;
  if (hadAutoIp && !hasAutoIp) sim.publicIp = null;
  else if (!hadAutoIp && hasAutoIp && sim.state === 'running') sim.publicIp = ctx.newPublicIp(sim.id);
  return sim.publicIp !== before;
}

/** The instance left the design: it ends now like a termination, so what it billed stays and nothing more accrues. */
export function removeInstance(sim: Ec2Sim, now: number): void {
  settle(sim, now);
  endPeriod(sim, now);
  sim.publicIp = null;
  sim.version++;
  sim.gone = true;
}
