import { findInstanceType, PRICES, type EcsService } from '../domain';
import type { Ec2Sim } from './ec2';
import { offeredRate } from './loadProfiles';
import type { ServiceFrame } from './protocol';
import type { Random } from './random';

/**
 * ECS services as AWS runs them (aws-semantics "Containers"): tasks on
 * Fargate start in 30-45 s (image pull included) and bill per vCPU-hour and
 * GB-hour by the second with a one-minute minimum; tasks on EC2 start in
 * seconds on a running container instance that has room, or wait with the
 * reason when none has.
 */
export const FARGATE_START_S = [30, 45] as const;
export const EC2_TASK_START_S = [2, 5] as const;
/** Container instances are EC2 instances launched from the ECS-optimized AMI. */
export const ECS_OPTIMIZED_AMI_ID = 'ami-0a1b2c3d4e5f60005';

/** A container instance (ECS-optimized AMI) and its type, where tasks of the EC2 launch type are placed. */
export interface ContainerHost {
  sim: Ec2Sim;
  instanceType: string;
}

export interface TaskSim {
  id: string;
  state: 'provisioning' | 'pending' | 'running';
  /** When it will be running (while provisioning). */
  readyAt: number | null;
  hostId: string | null;
  startedAt: number | null;
  reason: string | null;
}

export interface ServiceSim {
  /** The service as the design has it now; never changed by the simulation. */
  service: EcsService;
  /** The scheduler's desired count: the design's, then wherever target tracking moves it. */
  desiredCount: number;
  tasks: TaskSim[];
  billedTaskSeconds: number;
  /** Fargate charges of tasks that ran an earlier task size (CPU or memory edited mid-run). */
  earlierRevisionsUsd: number;
  nextTask: number;
  lastScaledAt: number;
  offered: number;
}

export const createServiceSim = (service: EcsService): ServiceSim => ({
  service,
  desiredCount: service.desiredCount,
  tasks: [],
  billedTaskSeconds: 0,
  earlierRevisionsUsd: 0,
  nextTask: 1,
  lastScaledAt: -Infinity,
  offered: 0,
});

/**
 * Target tracking acts on one-minute metrics, so it adjusts at most once a
 * minute. Source: Application Auto Scaling, "Target tracking scaling policies".
 */
export const SCALING_COOLDOWN_S = 60;

function trackTarget(s: ServiceSim, now: number, log: (resourceId: string, text: string) => void): void {
  s.offered = offeredRate(s.service.load, s.service.requestsPerSecond, now);
  const scaling = s.service.scaling;
  if (!scaling || now - s.lastScaledAt < SCALING_COOLDOWN_S) return;
  const wanted = Math.min(
    scaling.maxTasks,
    Math.max(scaling.minTasks, Math.ceil(s.offered / scaling.targetRequestsPerTask)),
  );
  if (wanted === s.desiredCount) return;
  log(
    s.service.id,
    `Target tracking: ${Math.round(s.offered)} requests/s at ${scaling.targetRequestsPerTask} per task; desired tasks ${s.desiredCount} → ${wanted}.`,
  );
  s.desiredCount = wanted;
  s.lastScaledAt = now;
}

/** Capacity left on each running container instance, in CPU units and MiB. */
function freeCapacity(services: readonly ServiceSim[], hosts: readonly ContainerHost[]) {
  const free = new Map<string, { cpu: number; memory: number }>();
  for (const host of hosts) {
    if (host.sim.state !== 'running') continue;
    const type = findInstanceType(host.instanceType);
    if (type) free.set(host.sim.id, { cpu: type.vcpu * 1024, memory: type.memoryGiB * 1024 });
  }
  for (const s of services)
    for (const t of s.tasks) {
      const room = t.hostId ? free.get(t.hostId) : undefined;
      if (room) {
        room.cpu -= s.service.taskCpu;
        room.memory -= s.service.taskMemory;
      }
    }
  return free;
}

/** One second of the scheduler: start tasks up to the desired count, place EC2 tasks, finish starts. */
export function tickServices(
  services: readonly ServiceSim[],
  hosts: readonly ContainerHost[],
  now: number,
  random: Random,
  log: (resourceId: string, text: string) => void,
): void {
  for (const s of services) {
    trackTarget(s, now, log);
    const fargate = s.service.launchType === 'FARGATE';
    while (s.tasks.length < s.desiredCount) {
      const id = `${s.service.name}-task-${s.nextTask++}`;
      s.tasks.push({
        id,
        state: fargate ? 'provisioning' : 'pending',
        readyAt: fargate ? now + random.between(...FARGATE_START_S) : null,
        hostId: null,
        startedAt: null,
        reason: null,
      });
    }
    while (s.tasks.length > s.desiredCount) stopTask(s, s.tasks.pop()!, now);
    // Tasks lose their place when their container instance stops.
    for (const t of s.tasks) {
      const host = t.hostId ? hosts.find((h) => h.sim.id === t.hostId) : undefined;
      if (t.hostId && host?.sim.state !== 'running') {
        Object.assign(t, { state: 'pending', hostId: null, startedAt: null, readyAt: null });
        log(s.service.id, `${t.id} stopped: its container instance is no longer running.`);
      }
    }
  }
  const free = freeCapacity(services, hosts);
  for (const s of services) {
    for (const t of s.tasks) {
      if (t.state === 'provisioning' && t.readyAt !== null && now >= t.readyAt) {
        Object.assign(t, { state: 'running', startedAt: now, readyAt: null, reason: null });
        log(s.service.id, `${t.id} is running on Fargate.`);
      } else if (t.state === 'pending' && s.service.launchType === 'EC2') {
        if (t.readyAt !== null) {
          if (now >= t.readyAt) Object.assign(t, { state: 'running', startedAt: now, readyAt: null });
          continue;
        }
        const host = [...free.entries()].find(
          ([, room]) => room.cpu >= s.service.taskCpu && room.memory >= s.service.taskMemory,
        );
        if (!host) {
          const reason =
            free.size === 0
              ? 'no container instance is running in the cluster'
              : `no container instance has ${s.service.taskCpu} CPU units and ${s.service.taskMemory} MiB free`;
          if (t.reason !== reason) log(s.service.id, `${t.id} cannot be placed: ${reason}.`);
          t.reason = reason;
          continue;
        }
        host[1].cpu -= s.service.taskCpu;
        host[1].memory -= s.service.taskMemory;
        Object.assign(t, { hostId: host[0], reason: null, readyAt: now + random.between(...EC2_TASK_START_S) });
      }
    }
  }
}

/** A stopped Fargate task is billed for the time it ran, at least a minute. */
function stopTask(s: ServiceSim, task: TaskSim, now: number): void {
  if (task.startedAt !== null && s.service.launchType === 'FARGATE')
    s.billedTaskSeconds += Math.max(60, now - task.startedAt);
}

/** Fargate charges so far: per task, by the second with a one-minute minimum. */
export function fargateCost(s: ServiceSim, now: number): number {
  if (s.service.launchType !== 'FARGATE') return s.earlierRevisionsUsd;
  const open = s.tasks.reduce((sum, t) => sum + (t.startedAt === null ? 0 : Math.max(60, now - t.startedAt)), 0);
  const perSecond =
    ((s.service.taskCpu / 1024) * PRICES.fargate.vcpuHour + (s.service.taskMemory / 1024) * PRICES.fargate.gbHour) /
    3600;
  return s.earlierRevisionsUsd + (s.billedTaskSeconds + open) * perSecond;
}

/**
 * Takes the edited design's settings for a service already running. A new
 * desired count is what the user set, so it replaces the scheduler's (target
 * tracking may move it again later); other edits leave a scaled count alone.
 * A new task size or launch type is a new task definition revision: the tasks
 * are replaced (here at once, without ECS's overlap of old and new tasks).
 */
export function applyServiceEdits(
  s: ServiceSim,
  edited: EcsService,
  now: number,
  log: (resourceId: string, text: string) => void,
): void {
  const before = s.service;
  if (
    edited.taskCpu !== before.taskCpu ||
    edited.taskMemory !== before.taskMemory ||
    edited.launchType !== before.launchType
  ) {
    const replaced = s.tasks.length;
    stopService(s, now);
    s.earlierRevisionsUsd = fargateCost(s, now);
    s.billedTaskSeconds = 0;
    if (replaced > 0) log(s.service.id, `New task definition for ${edited.name}: its ${replaced} tasks are replaced.`);
  }
  s.service = edited;
  if (edited.desiredCount !== before.desiredCount) {
    log(s.service.id, `Desired tasks of ${edited.name} set to ${edited.desiredCount} (was ${s.desiredCount}).`);
    s.desiredCount = edited.desiredCount;
  }
}

/** Stops every task of the service now, billing what ran (the service left the design, or its tasks are replaced). */
export function stopService(s: ServiceSim, now: number): void {
  for (const task of s.tasks) stopTask(s, task, now);
  s.tasks = [];
}

export function fargateRate(s: ServiceSim): number {
  if (s.service.launchType !== 'FARGATE') return 0;
  const running = s.tasks.filter((t) => t.state === 'running').length;
  return (
    running *
    ((s.service.taskCpu / 1024) * PRICES.fargate.vcpuHour + (s.service.taskMemory / 1024) * PRICES.fargate.gbHour)
  );
}

export const isContainerInstance = (amiId: string) => amiId === ECS_OPTIMIZED_AMI_ID;

/** A service's task counts, as the frame and the summary report them. */
export function serviceSummary(s: ServiceSim): ServiceFrame {
  return {
    id: s.service.id,
    name: s.service.name,
    launchType: s.service.launchType,
    desired: s.desiredCount,
    running: s.tasks.filter((t) => t.state === 'running').length,
    pending: s.tasks.filter((t) => t.state !== 'running').length,
    waitingReason: s.tasks.find((t) => t.reason)?.reason ?? null,
  };
}
