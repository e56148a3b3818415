import { describe, expect, it } from 'vitest';
import { DesignBuilder, type Design, type LambdaFunction, type LambdaTrigger, type LoadProfile } from '../domain';
import { Simulation } from './simulation';

interface FnSpec {
  name: string;
  rps: number;
  durationMs: number;
  load?: LoadProfile;
  reserved?: number | null;
  provisioned?: number;
  source?: LambdaTrigger['source'];
}

function design(fns: FnSpec[], accountConcurrency = 1000): Design {
  const b = new DesignBuilder('lambda');
  const region = b.region();
  fns.forEach((spec, i) => {
    const fn: LambdaFunction = {
      kind: 'lambdaFunction',
      id: `fn-${i}` as never,
      name: spec.name,
      regionId: region.id,
      runtime: 'nodejs22.x',
      architecture: 'x86_64',
      memoryMb: 512,
      timeoutSeconds: 30,
      averageDurationMs: spec.durationMs,
      reservedConcurrency: spec.reserved ?? null,
      provisionedConcurrency: spec.provisioned ?? 0,
      vpcConfig: null,
    };
    b.add(fn);
    b.add({
      kind: 'lambdaTrigger',
      id: `trigger-${i}` as never,
      name: 'api',
      functionId: fn.id,
      source: spec.source ?? 'apiGateway',
      eventsPerSecond: spec.rps,
      load: spec.load ?? { shape: 'constant' },
    });
  });
  return { ...b.build(), simulation: { accountConcurrency, actions: [] } };
}

describe('Lambda scaling', () => {
  it('10,000 rps at 200 ms needs 2,000 concurrent executions; with the default limit of 1,000 about half are throttled', () => {
    const sim = new Simulation(design([{ name: 'api', rps: 10_000, durationMs: 200 }]));
    sim.runUntil(120);
    const f = sim.functions[0]!;
    expect(f.now.offered * 0.2).toBe(2000);
    expect(f.now.concurrency).toBeCloseTo(1000, 6);
    expect(f.now.throttles / f.now.offered).toBeCloseTo(0.5, 6);
  });

  it('a step from 0 to 5,000 rps at 1 s takes at least 40 s of scaling before throttles stop', () => {
    const sim = new Simulation(
      design(
        [{ name: 'api', rps: 0, durationMs: 1000, load: { shape: 'spike', peak: 5000, from: 10, to: 10_000 } }],
        10_000,
      ),
    );
    let lastThrottleAt = -1;
    for (let t = 1; t <= 120; t++) {
      sim.runUntil(t);
      if (sim.functions[0]!.now.throttles > 0) lastThrottleAt = t;
    }
    expect(lastThrottleAt - 10).toBeGreaterThanOrEqual(39);
    expect(lastThrottleAt).toBeLessThan(70);
    expect(sim.functions[0]!.now.concurrency).toBeCloseTo(5000, 6);
  });

  it('provisioned concurrency of N removes cold starts for the first N concurrent requests', () => {
    const cold = (provisioned: number, rps: number) => {
      const sim = new Simulation(design([{ name: 'api', rps, durationMs: 1000, provisioned }]));
      sim.runUntil(30);
      return sim.functions[0]!.totals.coldStarts;
    };
    expect(cold(0, 50)).toBe(50);
    expect(cold(50, 50)).toBe(0);
    expect(cold(50, 80)).toBe(30);
  });

  it('reserved concurrency of one function reduces what the others can use', () => {
    const alone = new Simulation(design([{ name: 'b', rps: 2000, durationMs: 1000 }]));
    alone.runUntil(30);
    expect(alone.functions[0]!.now.concurrency).toBeCloseTo(1000, 6);
    const shared = new Simulation(
      design([
        { name: 'a', rps: 2000, durationMs: 1000, reserved: 600 },
        { name: 'b', rps: 2000, durationMs: 1000 },
      ]),
    );
    shared.runUntil(30);
    expect(shared.functions[0]!.now.concurrency).toBeCloseTo(600, 6);
    expect(shared.functions[1]!.now.concurrency).toBeCloseTo(400, 6);
  });

  it('queued sources wait instead of being throttled, and are served once capacity allows', () => {
    const sim = new Simulation(
      design([
        {
          name: 'worker',
          rps: 0,
          durationMs: 1000,
          source: 's3',
          load: { shape: 'spike', peak: 2000, from: 1, to: 6 },
        },
      ]),
    );
    sim.runUntil(60);
    const f = sim.functions[0]!;
    expect(f.totals.throttles).toBe(0);
    expect(Math.round(f.totals.invocations)).toBe(2000 * 5);
  });

  it('bills GB-seconds in proportion to memory and duration, plus requests', () => {
    const sim = new Simulation(design([{ name: 'api', rps: 100, durationMs: 100 }]));
    sim.runUntil(1000);
    const { gbSeconds, invocations, costUsd } = sim.functions[0]!.totals;
    expect(invocations).toBeCloseTo(100 * 1000, 0);
    // 100,000 invocations × 0.1 s × 0.5 GB = 5,000 GB-s, plus the init of 10 cold starts.
    expect(gbSeconds).toBeCloseTo(5000 + 10 * 0.14 * 0.5, 3);
    expect(costUsd).toBeCloseTo(gbSeconds * 0.0000166667 + 0.1 * 0.2, 6);
  });
});

describe('determinism', () => {
  const scenario = (seed: number) => {
    const d = design([{ name: 'api', rps: 3000, durationMs: 300, load: { shape: 'ramp', seconds: 60 } }]);
    const b = new DesignBuilder('x');
    const region = b.region();
    const vpc = b.vpc(region, '10.0.0.0/16');
    const zone = b.zone(region, 'us-east-1a', vpc);
    const subnet = b.subnet(vpc, zone, '10.0.1.0/24', 'S', { public: true });
    const instance = b.instance(subnet, '10.0.1.10', [vpc.defaultSecurityGroup.id], 'web');
    const built = b.build();
    const merged: Design = {
      ...d,
      resources: {
        ...d.resources,
        ...Object.fromEntries(Object.entries(built.resources).filter(([, r]) => r.kind !== 'region')),
      },
      simulation: {
        accountConcurrency: 1000,
        actions: [
          { at: 30, instanceId: instance.id, action: 'stop' },
          { at: 200, instanceId: instance.id, action: 'start' },
          { at: 400, instanceId: instance.id, action: 'reboot' },
        ],
      },
    };
    const sim = new Simulation(merged, { seed });
    sim.runUntil(900);
    return sim.summary();
  };

  it('the same seed gives byte-identical summaries', () => {
    expect(JSON.stringify(scenario(42))).toBe(JSON.stringify(scenario(42)));
  });

  it('different seeds differ only in jittered quantities (transition times), not in what happens', () => {
    const a = scenario(1);
    const b = scenario(2);
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(a.instances[0]!.transitions.map((t) => t.state)).toEqual(b.instances[0]!.transitions.map((t) => t.state));
    expect(a.functions).toEqual(b.functions);
  });
});
