import { performance } from 'node:perf_hooks';
import { DesignBuilder, simulationSettings, type Design, type SimulationSettings } from '../src/domain';
import { Simulation } from '../src/sim/simulation';

/** 100 instances in 4 subnets, and 10 functions sharing 10,000 requests a second. */
export function simDesign(instances: number, functions: number, totalRps: number, actions = false): Design {
  const b = new DesignBuilder('Simulation bench');
  const region = b.region();
  const vpc = b.vpc(region, '10.0.0.0/16');
  const zone = b.zone(region, 'us-east-1a', vpc);
  const subnets = [0, 1, 2, 3].map((n) => b.subnet(vpc, zone, `10.0.${n}.0/24`, `S${n}`, { public: n % 2 === 0 }));
  const ids: string[] = [];
  for (let i = 0; i < instances; i++)
    ids.push(
      b.instance(subnets[i % 4]!, `10.0.${i % 4}.${10 + Math.floor(i / 4)}`, [vpc.defaultSecurityGroup.id], `vm-${i}`)
        .id,
    );
  for (let f = 0; f < functions; f++) {
    const fn = b.add({
      kind: 'lambdaFunction',
      id: `fn-${f}` as never,
      name: `fn-${f}`,
      regionId: region.id,
      runtime: 'python3.13',
      architecture: 'arm64',
      memoryMb: 512,
      timeoutSeconds: 30,
      averageDurationMs: 120,
      reservedConcurrency: null,
      provisionedConcurrency: 0,
      errorRate: 0,
      asyncInvocation: { maximumRetryAttempts: 2, maximumEventAgeSeconds: 21_600, onFailure: 'discard' },
      vpcConfig: null,
    });
    b.add({
      kind: 'lambdaTrigger',
      id: `trigger-${f}` as never,
      name: 'api',
      functionId: fn.id,
      source: 'apiGateway',
      eventsPerSecond: totalRps / functions,
      load: { shape: 'daily' },
    });
  }
  const simulation: SimulationSettings = simulationSettings();
  // Every instance stops and starts again every 10 minutes, to exercise the event queue.
  if (actions)
    for (let t = 60; t < 86_400; t += 600)
      ids.forEach((id, i) =>
        simulation.actions.push(
          { at: t + i, instanceId: id, action: 'stop' },
          { at: t + 300 + i, instanceId: id, action: 'start' },
        ),
      );
  return { ...b.build(), simulation };
}

export function runSimBench(): { eventsPerSecond: number; events: number; simHoursPerSecond: number } {
  // Warm the JIT first, then take the best of three runs of a simulated day.
  const busyDesign = simDesign(100, 0, 0, true);
  let eventsPerSecond = 0;
  let events = 0;
  for (let run = 0; run < 4; run++) {
    const busy = new Simulation(busyDesign, { seed: 1 });
    const begin = performance.now();
    busy.runUntil(86_400);
    if (run > 0)
      eventsPerSecond = Math.max(eventsPerSecond, busy.eventsProcessed / ((performance.now() - begin) / 1000));
    events = busy.eventsProcessed;
  }
  let start = performance.now();
  const mixed = new Simulation(simDesign(100, 10, 10_000), { seed: 1 });
  start = performance.now();
  mixed.runUntil(6 * 3600);
  const simHoursPerSecond = 6 / ((performance.now() - start) / 1000);
  return { eventsPerSecond, events, simHoursPerSecond };
}
