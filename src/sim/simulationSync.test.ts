import { describe, expect, it } from 'vitest';
import {
  simulationSettings,
  createElasticIp,
  createNatGateway,
  DesignBuilder,
  findInstanceType,
  PRICES,
  type Design,
  type Ec2Instance,
  type EcsService,
  type LambdaFunction,
  type Resource,
} from '../domain';
import { FARGATE_START_S } from './containers';
import { buildFrame } from './frame';
import { Simulation } from './simulation';
import { ecsDesign as sharedEcsDesign } from './testing/ecsDesign';

/** Edits arrive mid-run as whole designs, as the worker receives them after each change in the editor. */
const edit = (design: Design, id: string, change: Partial<Resource>): Design => ({
  ...design,
  resources: { ...design.resources, [id]: { ...design.resources[id]!, ...change } as Resource },
});
const without = (design: Design, id: string): Design => ({
  ...design,
  resources: Object.fromEntries(Object.entries(design.resources).filter(([key]) => key !== id)),
});

const SERVICE = 'ecssvc-1';
const TASK_CPU = 512;
const TASK_MEMORY = 1024;
/** One Fargate task of the service, per hour: vCPU-hours plus GB-hours. */
const taskHourlyUsd = (TASK_CPU / 1024) * PRICES.fargate.vcpuHour + (TASK_MEMORY / 1024) * PRICES.fargate.gbHour;

const ecsDesign = (service: Partial<EcsService> = {}, containerInstances = 0): Design =>
  sharedEcsDesign(
    { id: SERVICE as never, taskCpu: TASK_CPU, taskMemory: TASK_MEMORY, ...service },
    { hosts: containerInstances },
  );

const FUNCTION = 'fn-1';
const RPS = 100;
const DURATION_MS = 200;

function lambdaDesign(memoryMb: number): Design {
  const b = new DesignBuilder('sync');
  const region = b.region();
  const fn: LambdaFunction = {
    kind: 'lambdaFunction',
    id: FUNCTION as never,
    name: 'api',
    regionId: region.id,
    runtime: 'nodejs22.x',
    architecture: 'x86_64',
    memoryMb,
    timeoutSeconds: 30,
    averageDurationMs: DURATION_MS,
    reservedConcurrency: null,
    provisionedConcurrency: 0,
    errorRate: 0,
    asyncInvocation: { maximumRetryAttempts: 2, maximumEventAgeSeconds: 21_600, onFailure: 'discard' },
    vpcConfig: null,
  };
  b.add(fn);
  b.add({
    kind: 'lambdaTrigger',
    id: 'trigger-1' as never,
    name: 'api',
    functionId: fn.id,
    source: 'apiGateway',
    eventsPerSecond: RPS,
    load: { shape: 'constant' },
  });
  // Without the free tier, so every second is billed at the listed rates.
  return { ...b.build(), simulation: simulationSettings({ lambdaFreeTier: false }) };
}

/** Lambda's charge for one second of steady load: GB-seconds of compute plus requests (no cold starts once warm). */
const lambdaPerSecondUsd = (memoryMb: number) =>
  RPS * (DURATION_MS / 1000) * (memoryMb / 1024) * PRICES.lambda.gbSecond.x86_64 +
  (RPS / 1_000_000) * PRICES.lambda.perMillionRequests;

const INSTANCE = 'i-1';
/** Every instance has a root EBS volume, billed per GB-month. */
const rootVolumeHourlyUsd = (PRICES.ebsGbMonth * PRICES.rootVolumeGb) / PRICES.hoursPerMonth;

function ec2Design(): Design {
  const b = new DesignBuilder('sync');
  const region = b.region();
  const vpc = b.vpc(region, '10.0.0.0/16');
  const zone = b.zone(region, 'us-east-1a', vpc);
  const subnet = b.subnet(vpc, zone, '10.0.1.0/24', 'Public', { public: true });
  b.instance(subnet, '10.0.1.10', [vpc.defaultSecurityGroup.id], 'web');
  return b.build();
}

/** A running instance with its auto-assigned public IPv4, per hour. */
const runningInstanceHourlyUsd = (instanceType: string) =>
  findInstanceType(instanceType)!.hourlyUsd + PRICES.publicIpv4Hour + rootVolumeHourlyUsd;

/** A VPC alone, or with a NAT gateway and its Elastic IP: both bill by the hour while they exist. */
function natDesign(withNat: boolean): Design {
  const b = new DesignBuilder('sync');
  const region = b.region();
  const vpc = b.vpc(region, '10.0.0.0/16');
  const zone = b.zone(region, 'us-east-1a', vpc);
  const subnet = b.subnet(vpc, zone, '10.0.1.0/24', 'Public', { public: true });
  if (withNat) {
    const eip = b.add(createElasticIp(b.ids, '203.0.113.9'));
    b.add(createNatGateway(b.ids, subnet.id, eip.id, '10.0.1.5'));
  }
  return b.build();
}

const serviceRow = (sim: Simulation) => sim.summary().services.find((s) => s.id === SERVICE);

/** What everything but the test's instance costs so far. */
const otherCosts = (sim: Simulation) =>
  sim
    .cost()
    .byResource.filter((r) => r.id !== INSTANCE)
    .reduce((sum, r) => sum + r.total, 0);

describe('Simulation sync', () => {
  it('an ECS service whose desired count is edited from 3 to 7 runs 7 tasks after start-up, and its cost rate follows', () => {
    const design = ecsDesign();
    const sim = new Simulation(design, { seed: 4 });
    sim.runUntil(100);
    expect(serviceRow(sim)).toMatchObject({ desired: 3, running: 3, pending: 0 });
    expect(sim.cost().ratePerHour).toBeCloseTo(3 * taskHourlyUsd, 12);

    sim.syncDesign(edit(design, SERVICE, { desiredCount: 7 }));
    sim.runUntil(101);
    expect(serviceRow(sim)).toMatchObject({ desired: 7, running: 3, pending: 4 });
    sim.runUntil(101 + FARGATE_START_S[1]);
    expect(serviceRow(sim)).toMatchObject({ desired: 7, running: 7, pending: 0 });
    expect(sim.cost().ratePerHour).toBeCloseTo(7 * taskHourlyUsd, 12);
    // Once every task is past its one-minute minimum, cost grows by seven tasks' worth per second.
    sim.runUntil(300);
    const before = sim.cost().total;
    sim.runUntil(400);
    expect(sim.cost().total - before).toBeCloseTo((100 / 3600) * 7 * taskHourlyUsd, 12);
  });

  it('an edit that leaves the desired count alone keeps what target tracking scaled to', () => {
    const scaled = ecsDesign({
      requestsPerSecond: 500,
      scaling: { minTasks: 1, maxTasks: 10, targetRequestsPerTask: 100 },
    });
    const sim = new Simulation(scaled, { seed: 4 });
    sim.runUntil(30);
    expect(serviceRow(sim)).toMatchObject({ desired: 5 });
    sim.syncDesign(edit(scaled, SERVICE, { name: 'web-renamed' }));
    sim.runUntil(31);
    expect(serviceRow(sim)).toMatchObject({ name: 'web-renamed', desired: 5 });
  });

  it('a service deleted mid-run stops its tasks, and its cost stops growing at the next tick', () => {
    const design = ecsDesign();
    const sim = new Simulation(design, { seed: 4 });
    sim.runUntil(200);
    const startedAt = sim.services[0]!.running.flatMap((g) => Array<number>(g.count).fill(g.startedAt));
    // Each task is billed by the second from its start (all ran more than the one-minute minimum).
    const billed = startedAt.reduce((sum, at) => sum + ((200 - at) / 3600) * taskHourlyUsd, 0);
    expect(sim.cost().total).toBeCloseTo(billed, 12);

    sim.syncDesign(without(design, SERVICE));
    sim.runUntil(201);
    expect(sim.summary().services).toEqual([]);
    expect(buildFrame(sim, true, 1, 0).services).toEqual([]);
    expect(sim.cost().ratePerHour).toBe(0);
    expect(sim.cost().total).toBeCloseTo(billed, 12);
    sim.runUntil(3600);
    expect(sim.cost().total).toBeCloseTo(billed, 12);
  });

  it("a service's task size edited mid-run replaces its tasks, which bill at the new size", () => {
    const design = ecsDesign();
    const sim = new Simulation(design, { seed: 4 });
    sim.runUntil(200);
    const startedAt = sim.services[0]!.running.flatMap((g) => Array<number>(g.count).fill(g.startedAt));
    const billed = startedAt.reduce((sum, at) => sum + ((200 - at) / 3600) * taskHourlyUsd, 0);

    sim.syncDesign(edit(design, SERVICE, { taskCpu: 1024 }));
    sim.runUntil(201);
    expect(serviceRow(sim)).toMatchObject({ desired: 3, running: 0, pending: 3 });
    expect(sim.cost().total).toBeCloseTo(billed, 12);
    sim.runUntil(201 + FARGATE_START_S[1]);
    expect(serviceRow(sim)).toMatchObject({ running: 3 });
    expect(sim.cost().ratePerHour).toBeCloseTo(3 * (PRICES.fargate.vcpuHour + PRICES.fargate.gbHour), 12);
  });

  it("a function's memory edited mid-run changes its cost per second from the next tick", () => {
    const sim = new Simulation(lambdaDesign(512), { seed: 1 });
    sim.runUntil(60);
    expect(sim.cost().ratePerHour).toBeCloseTo(lambdaPerSecondUsd(512) * 3600, 9);

    sim.syncDesign(lambdaDesign(2048));
    sim.runUntil(61);
    expect(sim.cost().ratePerHour).toBeCloseTo(lambdaPerSecondUsd(2048) * 3600, 9);
    const before = sim.cost().total;
    sim.runUntil(71);
    expect(sim.cost().total - before).toBeCloseTo(10 * lambdaPerSecondUsd(2048), 12);
  });

  it('a function deleted mid-run keeps what it cost and stops billing', () => {
    const design = lambdaDesign(512);
    const sim = new Simulation(design, { seed: 1 });
    sim.runUntil(60);
    const billed = sim.cost().total;
    expect(billed).toBeGreaterThan(59 * lambdaPerSecondUsd(512));

    sim.syncDesign(without(without(design, 'trigger-1'), FUNCTION));
    sim.runUntil(61);
    expect(sim.summary().functions).toEqual([]);
    expect(sim.cost()).toMatchObject({ ratePerHour: 0, total: billed });
    sim.runUntil(600);
    expect(sim.cost().total).toBe(billed);
  });

  it('an instance deleted mid-run disappears and stops billing at the next tick', () => {
    const design = ec2Design();
    const { instanceType } = design.resources[INSTANCE] as Ec2Instance;
    const sim = new Simulation(design, { seed: 1 });
    sim.runUntil(600);
    const billed = (600 / 3600) * runningInstanceHourlyUsd(instanceType);
    expect(sim.cost().total).toBeCloseTo(billed, 12);
    expect(sim.cost().ratePerHour).toBeCloseTo(runningInstanceHourlyUsd(instanceType), 12);

    sim.syncDesign(without(design, INSTANCE));
    sim.runUntil(601);
    expect(sim.summary().instances).toEqual([]);
    expect(buildFrame(sim, true, 1, 0).instances).toEqual({});
    expect(sim.cost().ratePerHour).toBe(0);
    expect(sim.cost().total).toBeCloseTo(billed, 12);
    sim.runUntil(3600);
    expect(sim.cost().total).toBeCloseTo(billed, 12);
  });

  it('an instance deleted and brought back by undo shows one cost row with what it cost before and since', () => {
    const design = ec2Design();
    const sim = new Simulation(design, { seed: 1 });
    sim.runUntil(600);
    sim.syncDesign(without(design, INSTANCE));
    sim.runUntil(900);
    const before = sim.cost().total;
    sim.syncDesign(design);
    sim.runUntil(1800);
    const rows = sim.cost().byResource.filter((r) => r.id === INSTANCE);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.total).toBeGreaterThan(before);
    expect(sim.cost().total).toBeCloseTo(rows.reduce((sum, r) => sum + r.total, 0) + otherCosts(sim), 12);
    sim.syncDesign(without(design, INSTANCE));
    sim.syncDesign(design);
    expect(sim.cost().byResource.filter((r) => r.id === INSTANCE)).toHaveLength(1);
  });

  it("an instance's type edited mid-run bills at the new type's price from the edit on", () => {
    const design = ec2Design();
    const sim = new Simulation(design, { seed: 1 });
    const { instanceType } = design.resources[INSTANCE] as Ec2Instance;
    sim.runUntil(600);
    sim.syncDesign(edit(design, INSTANCE, { instanceType: 'm5.large' }));
    sim.runUntil(1200);
    expect(sim.cost().ratePerHour).toBeCloseTo(runningInstanceHourlyUsd('m5.large'), 12);
    expect(sim.cost().total).toBeCloseTo(
      (600 / 3600) * runningInstanceHourlyUsd(instanceType) + (600 / 3600) * runningInstanceHourlyUsd('m5.large'),
      12,
    );
  });

  it('tasks on a container instance deleted mid-run stop and wait for another', () => {
    const design = ecsDesign({ launchType: 'EC2', desiredCount: 2 }, 1);
    const sim = new Simulation(design, { seed: 3 });
    sim.runUntil(30);
    expect(serviceRow(sim)).toMatchObject({ running: 2 });
    sim.syncDesign(without(design, INSTANCE));
    sim.runUntil(31);
    expect(serviceRow(sim)).toMatchObject({
      running: 0,
      pending: 2,
      waitingReason: 'no container instance is running in the cluster',
    });
  });

  it('a NAT gateway added mid-run bills from then on, and stops billing once deleted', () => {
    const sim = new Simulation(natDesign(false), { seed: 1 });
    sim.runUntil(600);
    expect(sim.cost()).toMatchObject({ ratePerHour: 0, total: 0 });
    sim.syncDesign(natDesign(true));
    sim.runUntil(1200);
    const hourly = PRICES.natGatewayHour + PRICES.publicIpv4Hour;
    expect(sim.cost().ratePerHour).toBeCloseTo(hourly, 12);
    expect(sim.cost().total).toBeCloseTo((600 / 3600) * hourly, 12);
    sim.syncDesign(natDesign(false));
    sim.runUntil(1800);
    expect(sim.cost().ratePerHour).toBe(0);
    expect(sim.cost().total).toBeCloseTo((600 / 3600) * hourly, 12);
  });
});
