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

/**
 * Tasks are counted, not listed: a service of 5,000 tasks is a few groups of
 * tasks that share a state and a second, so its cost doesn't grow with its
 * size. A group this small or smaller still names its tasks in the log.
 */
export const NAMED_TASKS = 10;

export interface TaskId {
  /** The task's number in its service, in the order ECS started them. */
  n: number;
  /** `web-task-3`, named when it was started. */
  label: string;
}

interface TaskGroup {
  count: number;
  /** The group's tasks by number while it has at most NAMED_TASKS; null once larger. */
  ids: TaskId[] | null;
  /** The lowest task number in the group: groups keep the order in which their tasks were started. */
  firstId: number;
}

/** Tasks starting: provisioning on Fargate, or placed on a container instance; running at the tick `readyAt`. */
export interface StartingTasks extends TaskGroup {
  readyAt: number;
  hostId: string | null;
}

/** Tasks running since the tick `startedAt`, on Fargate or on a container instance. */
export interface RunningTasks extends TaskGroup {
  startedAt: number;
  hostId: string | null;
}

/** Tasks of the EC2 launch type that no container instance has room for yet, and why. */
export interface WaitingTasks extends TaskGroup {
  reason: string | null;
}

export interface ServiceSim {
  /** The service as the design has it now; never changed by the simulation. */
  service: EcsService;
  /** The scheduler's desired count: the design's, then wherever target tracking moves it. */
  desiredCount: number;
  /** In the order their tasks were started. */
  waiting: WaitingTasks[];
  /** By the tick they will be running. */
  starting: StartingTasks[];
  /** By the tick they started. */
  running: RunningTasks[];
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
  waiting: [],
  starting: [],
  running: [],
  billedTaskSeconds: 0,
  earlierRevisionsUsd: 0,
  nextTask: 1,
  lastScaledAt: -Infinity,
  offered: 0,
});

const sumCounts = (groups: readonly TaskGroup[]) => groups.reduce((sum, g) => sum + g.count, 0);

/** Every task the service has: waiting, starting and running. */
export const taskCount = (s: ServiceSim): number => sumCounts(s.waiting) + sumCounts(s.starting) + sumCounts(s.running);

/** Adds `from`'s tasks to `into`; the names are kept while the group stays small. */
function absorb(into: TaskGroup, from: TaskGroup): void {
  into.count += from.count;
  into.firstId = Math.min(into.firstId, from.firstId);
  into.ids =
    into.ids && from.ids && into.count <= NAMED_TASKS ? [...into.ids, ...from.ids].sort((a, b) => a.n - b.n) : null;
}

/** One task as a group of one, named. */
const single = (id: TaskId): TaskGroup => ({ count: 1, ids: [id], firstId: id.n });

/** Removes `n` tasks from a group, the latest started first. */
function shrink(group: TaskGroup, n: number): void {
  group.count -= n;
  if (group.ids) group.ids.splice(group.ids.length - n, n);
}

/** The group of `groups` keyed by `at` and `hostId`, created in order of `at` if missing. */
function groupAt<G extends TaskGroup & { hostId: string | null }>(
  groups: G[],
  at: number,
  hostId: string | null,
  key: (g: G) => number,
  make: () => G,
): G {
  const found = groups.find((g) => key(g) === at && g.hostId === hostId);
  if (found) return found;
  const made = make();
  const index = groups.findIndex((g) => key(g) > at);
  groups.splice(index === -1 ? groups.length : index, 0, made);
  return made;
}

const startingAt = (s: ServiceSim, readyAt: number, hostId: string | null, firstId: number) =>
  groupAt(
    s.starting,
    readyAt,
    hostId,
    (g) => g.readyAt,
    () => ({ count: 0, ids: [], firstId, readyAt, hostId }),
  );

const runningAt = (s: ServiceSim, startedAt: number, hostId: string | null, firstId: number) =>
  groupAt(
    s.running,
    startedAt,
    hostId,
    (g) => g.startedAt,
    () => ({ count: 0, ids: [], firstId, startedAt, hostId }),
  );

/** "web-task-3 is running on Fargate." for each task of a small group; one line for a large one. */
function sayEach(
  group: TaskGroup,
  each: (label: string) => string,
  all: (count: number) => string,
  say: (text: string) => void,
) {
  if (group.ids) for (const id of group.ids) say(each(id.label));
  else say(all(group.count));
}

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

/** Starts `n` tasks: on Fargate each draws its start-up time; on EC2 they wait to be placed. */
function startTasks(s: ServiceSim, n: number, now: number, random: Random): void {
  const fargate = s.service.launchType === 'FARGATE';
  const waiting: WaitingTasks = { count: 0, ids: [], firstId: s.nextTask, reason: null };
  for (let i = 0; i < n; i++) {
    const id = { n: s.nextTask, label: `${s.service.name}-task-${s.nextTask}` };
    s.nextTask++;
    // A task is running at the first tick at or after its start-up time.
    if (fargate) absorb(startingAt(s, Math.ceil(now + random.between(...FARGATE_START_S)), null, id.n), single(id));
    else absorb(waiting, single(id));
  }
  if (!fargate) s.waiting.push(waiting);
}

/** Stops `n` tasks, the latest started first: waiting ones, then starting, then running (which bill). */
function stopTasks(s: ServiceSim, n: number, now: number): void {
  let left = n;
  for (const list of [s.waiting, s.starting, s.running] as TaskGroup[][]) {
    while (left > 0 && list.length > 0) {
      const group = list[list.length - 1]!;
      const stopped = Math.min(left, group.count);
      if (list === s.running) billStopped(s, (group as RunningTasks).startedAt, stopped, now);
      shrink(group, stopped);
      if (group.count === 0) list.pop();
      left -= stopped;
    }
  }
}

/** Stopped Fargate tasks are billed for the time they ran, at least a minute each. */
function billStopped(s: ServiceSim, startedAt: number, count: number, now: number): void {
  if (s.service.launchType === 'FARGATE') s.billedTaskSeconds += count * Math.max(60, now - startedAt);
}

/** Tasks lose their place when their container instance stops: they wait again, and say so. */
function evictFromStoppedHosts(
  s: ServiceSim,
  hosts: readonly ContainerHost[],
  log: (resourceId: string, text: string) => void,
): void {
  const hostRunning = (id: string | null) => hosts.find((h) => h.sim.id === id)?.sim.state === 'running';
  const evicted: WaitingTasks = { count: 0, ids: [], firstId: Infinity, reason: null };
  for (const list of [s.starting, s.running] as Array<Array<TaskGroup & { hostId: string | null }>>) {
    for (let i = list.length - 1; i >= 0; i--) {
      const group = list[i]!;
      if (group.hostId === null || hostRunning(group.hostId)) continue;
      list.splice(i, 1);
      absorb(evicted, group);
    }
  }
  if (evicted.count === 0) return;
  sayEach(
    evicted,
    (label) => `${label} stopped: its container instance is no longer running.`,
    (count) => `${count} tasks of ${s.service.name} stopped: their container instance is no longer running.`,
    (text) => log(s.service.id, text),
  );
  const index = s.waiting.findIndex((g) => g.firstId > evicted.firstId);
  s.waiting.splice(index === -1 ? s.waiting.length : index, 0, evicted);
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
    for (const group of [...s.starting, ...s.running]) {
      const room = group.hostId ? free.get(group.hostId) : undefined;
      if (room) {
        room.cpu -= group.count * s.service.taskCpu;
        room.memory -= group.count * s.service.taskMemory;
      }
    }
  return free;
}

/** Tasks whose start-up ends at this tick are running. */
function finishStarts(s: ServiceSim, now: number, log: (resourceId: string, text: string) => void): void {
  while (s.starting.length > 0 && s.starting[0]!.readyAt <= now) {
    const group = s.starting.shift()!;
    absorb(runningAt(s, now, group.hostId, group.firstId), group);
    if (group.hostId === null)
      sayEach(
        group,
        (label) => `${label} is running on Fargate.`,
        (count) => `${count} tasks of ${s.service.name} are running on Fargate.`,
        (text) => log(s.service.id, text),
      );
  }
}

/** Places waiting tasks on the first running container instance with room, in the order they were started. */
function placeWaiting(
  s: ServiceSim,
  free: Map<string, { cpu: number; memory: number }>,
  now: number,
  random: Random,
  log: (resourceId: string, text: string) => void,
): void {
  const { taskCpu, taskMemory } = s.service;
  for (const group of s.waiting) {
    while (group.count > 0) {
      const host = [...free.entries()].find(([, room]) => room.cpu >= taskCpu && room.memory >= taskMemory);
      if (!host) {
        const reason =
          free.size === 0
            ? 'no container instance is running in the cluster'
            : `no container instance has ${taskCpu} CPU units and ${taskMemory} MiB free`;
        if (group.reason !== reason)
          sayEach(
            group,
            (label) => `${label} cannot be placed: ${reason}.`,
            (count) => `${count} tasks of ${s.service.name} cannot be placed: ${reason}.`,
            (text) => log(s.service.id, text),
          );
        group.reason = reason;
        break;
      }
      host[1].cpu -= taskCpu;
      host[1].memory -= taskMemory;
      const readyAt = Math.ceil(now + random.between(...EC2_TASK_START_S));
      // The first of the group goes: it was started first.
      const id = group.ids?.shift();
      const placed: TaskGroup = id ? single(id) : { count: 1, ids: null, firstId: group.firstId };
      group.count -= 1;
      group.firstId += 1;
      absorb(startingAt(s, readyAt, host[0], placed.firstId), placed);
    }
  }
  // Whatever still waits failed for the same reason this tick: one group is enough.
  const left = s.waiting.filter((g) => g.count > 0);
  s.waiting = left.slice(0, 1);
  for (const g of left.slice(1)) absorb(s.waiting[0]!, g);
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
    const count = taskCount(s);
    if (count < s.desiredCount) startTasks(s, s.desiredCount - count, now, random);
    else if (count > s.desiredCount) stopTasks(s, count - s.desiredCount, now);
    evictFromStoppedHosts(s, hosts, log);
  }
  const free = freeCapacity(services, hosts);
  for (const s of services) {
    finishStarts(s, now, log);
    if (s.service.launchType === 'EC2') placeWaiting(s, free, now, random, log);
  }
}

/** Fargate charges so far: per task, by the second with a one-minute minimum. */
export function fargateCost(s: ServiceSim, now: number): number {
  if (s.service.launchType !== 'FARGATE') return s.earlierRevisionsUsd;
  const open = s.running.reduce((sum, g) => sum + g.count * Math.max(60, now - g.startedAt), 0);
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
    const replaced = taskCount(s);
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
  for (const group of s.running) billStopped(s, group.startedAt, group.count, now);
  s.waiting = [];
  s.starting = [];
  s.running = [];
}

export function fargateRate(s: ServiceSim): number {
  if (s.service.launchType !== 'FARGATE') return 0;
  return (
    sumCounts(s.running) *
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
    running: sumCounts(s.running),
    pending: sumCounts(s.waiting) + sumCounts(s.starting),
    waitingReason: s.waiting.find((g) => g.reason)?.reason ?? null,
  };
}
