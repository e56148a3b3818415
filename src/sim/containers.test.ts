import { describe, expect, it } from 'vitest';
import type { Design, EcsService } from '../domain';
import { Simulation } from './simulation';
import { ecsDesign } from './testing/ecsDesign';

const design = (service: Partial<EcsService>, containerInstances = 1): Design =>
  ecsDesign(service, { hosts: containerInstances });

describe('ECS services', () => {
  it('starts Fargate tasks in 30-45 s and bills each by the second with a one-minute minimum', () => {
    const sim = new Simulation(design({ launchType: 'FARGATE' }), { seed: 2 });
    sim.runUntil(29);
    expect(sim.summary().services[0]).toMatchObject({ running: 0, pending: 3 });
    sim.runUntil(46);
    expect(sim.summary().services[0]).toMatchObject({ running: 3, pending: 0 });
    const perTaskSecond = (0.5 * 0.04048 + 1 * 0.004445) / 3600;
    // Just started: each task is already billed its first minute.
    expect(sim.summary().services[0]!.costUsd).toBeGreaterThanOrEqual(Number((3 * 60 * perTaskSecond).toFixed(6)));
  });

  it('places EC2 tasks on container instances in seconds while they fit, and says why the rest wait', () => {
    const sim = new Simulation(design({ launchType: 'EC2', desiredCount: 5 }), { seed: 3 });
    sim.runUntil(8);
    // A t3.medium has 2,048 CPU units and 4,096 MiB: four 512/1,024 tasks fit.
    expect(sim.summary().services[0]).toMatchObject({
      running: 4,
      pending: 1,
      waitingReason: 'no container instance has 512 CPU units and 1024 MiB free',
    });
    expect(sim.summary().services[0]!.costUsd).toBe(0);
  });

  it('tasks lose their place when their container instance stops, and wait for room', () => {
    const sim = new Simulation(design({ launchType: 'EC2', desiredCount: 2 }), { seed: 4 });
    sim.runUntil(10);
    expect(sim.summary().services[0]!.running).toBe(2);
    sim.act('i-1', 'stop');
    sim.runUntil(40);
    expect(sim.summary().services[0]).toMatchObject({
      running: 0,
      pending: 2,
      waitingReason: 'no container instance is running in the cluster',
    });
  });
});

describe('target tracking', () => {
  it('adds Fargate tasks when load rises, within about a minute plus the task start time', () => {
    const sim = new Simulation(
      design({
        launchType: 'FARGATE',
        desiredCount: 2,
        requestsPerSecond: 100,
        load: { shape: 'spike', peak: 1000, from: 120, to: 100_000 },
        scaling: { targetRequestsPerTask: 100, minTasks: 2, maxTasks: 20 },
      }),
      { seed: 5 },
    );
    sim.runUntil(110);
    expect(sim.summary().services[0]).toMatchObject({ desired: 2, running: 2 });
    sim.runUntil(120 + 60 + 45);
    expect(sim.summary().services[0]).toMatchObject({ desired: 10, running: 10 });
    expect(sim.summary().log.some((l) => l.text.includes('desired tasks 2 → 10'))).toBe(true);
  });
});
