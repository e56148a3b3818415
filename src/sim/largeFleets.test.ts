import { describe, expect, it } from 'vitest';
import { ECS_MAX_TASKS_PER_SERVICE, PRICES, type Design, type EcsService } from '../domain';
import { FARGATE_START_S, NAMED_TASKS, type ServiceSim } from './containers';
import { Simulation } from './simulation';
import { ecsDesign } from './testing/ecsDesign';

const design = (service: Partial<EcsService>, containerInstances = 0): Design =>
  ecsDesign(
    { taskCpu: 256, taskMemory: 512, desiredCount: ECS_MAX_TASKS_PER_SERVICE, ...service },
    {
      hosts: containerInstances,
      hostType: 'h1.2xlarge',
      subnetCidr: '10.0.0.0/20',
      hostAddress: (i) => `10.0.${1 + (i >> 8)}.${i & 255}`,
    },
  );

/** How many objects the service holds for its tasks: groups, not tasks. */
const groups = (s: ServiceSim) => s.waiting.length + s.starting.length + s.running.length;
const perTaskHour = 0.25 * PRICES.fargate.vcpuHour + 0.5 * PRICES.fargate.gbHour;

describe('large fleets are counts, not one object per task', () => {
  it('5,000 Fargate tasks (the quota) run for an hour as a few groups, billed per task', () => {
    const sim = new Simulation(design({}), { seed: 1 });
    sim.runUntil(3600);
    const [service] = sim.services;
    expect(sim.eventsProcessed).toBe(3600);
    expect(sim.summary().services[0]).toMatchObject({ desired: 5000, running: 5000, pending: 0 });
    // Start-up is 30-45 s, so the tasks started in at most 16 different seconds.
    expect(groups(service!)).toBeLessThanOrEqual(FARGATE_START_S[1] - FARGATE_START_S[0] + 1);
    // One line per second in which tasks started, not one per task.
    expect(sim.log.length).toBeLessThanOrEqual(16);
    expect(sim.log[0]!.text).toMatch(/^\d+ tasks of web are running on Fargate\.$/);
    expect(sim.cost().ratePerHour).toBeCloseTo(5000 * perTaskHour, 9);
    const ran = service!.running.reduce((sum, g) => sum + g.count * (3600 - g.startedAt), 0);
    expect(sim.cost().total).toBeCloseTo((ran / 3600) * perTaskHour, 9);
  });

  it('target tracking up to a maximum of 5,000 with a tiny target, and down again, stays a few groups', () => {
    const sim = new Simulation(
      design({
        desiredCount: 1,
        requestsPerSecond: 0,
        load: { shape: 'spike', peak: 1_000_000, from: 60, to: 1800 },
        scaling: { targetRequestsPerTask: 1e-9, minTasks: 1, maxTasks: ECS_MAX_TASKS_PER_SERVICE },
      }),
      { seed: 3 },
    );
    let most = 0;
    for (let t = 60; t <= 3600; t += 60) {
      sim.runUntil(t);
      most = Math.max(most, groups(sim.services[0]!));
    }
    expect(sim.log.some((l) => l.text.includes('desired tasks 1 → 5000'))).toBe(true);
    expect(sim.summary().services[0]).toMatchObject({ desired: 1, running: 1 });
    expect(most).toBeLessThanOrEqual(32);
    expect(sim.log.length).toBeLessThan(100);
  });

  it('5,000 EC2 tasks: those that fit are placed, the rest wait as one group, with one line each', () => {
    const sim = new Simulation(design({ launchType: 'EC2' }, 10), { seed: 2 });
    sim.runUntil(1);
    expect(sim.services[0]!.waiting).toHaveLength(1);
    expect(sim.summary().services[0]).toMatchObject({
      running: 0,
      pending: 5000,
      waitingReason: 'no container instance has 256 CPU units and 512 MiB free',
    });
    expect(sim.log.map((l) => l.text)).toEqual([
      '4680 tasks of web cannot be placed: no container instance has 256 CPU units and 512 MiB free.',
    ]);
    sim.runUntil(3600);
    // An h1.2xlarge has 8 vCPUs and 32 GiB: 32 tasks of 256 CPU units and 512 MiB each.
    expect(sim.summary().services[0]).toMatchObject({
      running: 10 * 32,
      pending: 5000 - 10 * 32,
      waitingReason: 'no container instance has 256 CPU units and 512 MiB free',
    });
    // Running since one of the few seconds after each instance booted, per instance, plus those waiting.
    expect(groups(sim.services[0]!)).toBeLessThanOrEqual(10 * 4 + 1);
    expect(sim.log).toHaveLength(1);
    // A container instance that stops sends its tasks back to wait, in one line.
    sim.act('i-1', 'stop');
    sim.runUntil(3601);
    expect(sim.summary().services[0]).toMatchObject({ running: 9 * 32, pending: 5000 - 9 * 32 });
    expect(sim.log.map((l) => l.text)).toContain(
      '32 tasks of web stopped: their container instance is no longer running.',
    );
  });

  it('small groups still name their tasks, as before', () => {
    const sim = new Simulation(design({ desiredCount: NAMED_TASKS }), { seed: 1 });
    sim.runUntil(60);
    const lines = sim.log.map((l) => l.text);
    expect(lines).toHaveLength(NAMED_TASKS);
    expect(lines.every((l) => /^web-task-\d+ is running on Fargate\.$/.test(l))).toBe(true);
  });
});
