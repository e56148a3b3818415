import { describe, expect, it } from 'vitest';
import {
  DesignBuilder,
  simulationSettings,
  type Design,
  type LambdaFunction,
  type LambdaTrigger,
  type LoadProfile,
} from '../domain';
import { createLambdaSim, tickLambdas } from './lambda';
import { AsyncEvents } from './lambdaAsync';
import { Simulation } from './simulation';

const resourcesOf = (d: Design) =>
  Object.values(d.resources)
    .filter((r): r is LambdaFunction => r.kind === 'lambdaFunction')
    .map((fn) =>
      createLambdaSim(
        fn,
        Object.values(d.resources).filter(
          (t): t is LambdaTrigger => t.kind === 'lambdaTrigger' && t.functionId === fn.id,
        ),
      ),
    );

interface FnSpec {
  name: string;
  rps: number;
  durationMs: number;
  load?: LoadProfile;
  reserved?: number | null;
  provisioned?: number;
  source?: LambdaTrigger['source'];
}

function design(fns: FnSpec[], accountConcurrency = 1000, lambdaFreeTier = false): Design {
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
      errorRate: 0,
      asyncInvocation: { maximumRetryAttempts: 2, maximumEventAgeSeconds: 21_600, onFailure: 'discard' },
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
  return { ...b.build(), simulation: simulationSettings({ accountConcurrency, lambdaFreeTier }) };
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

  // AWS Lambda pricing (aws.amazon.com/lambda/pricing/), US East (N. Virginia): Arm (Graviton2) compute is
  // $0.0000133334 per GB-second, about 20% under x86's $0.0000166667; requests cost the same.
  it('bills an arm64 function at the Arm price per GB-second', () => {
    const d = design([{ name: 'api', rps: 100, durationMs: 100 }]);
    (d.resources['fn-0'] as LambdaFunction).architecture = 'arm64';
    const sim = new Simulation(d);
    sim.runUntil(1000);
    const { gbSeconds, costUsd } = sim.functions[0]!.totals;
    expect(gbSeconds).toBeCloseTo(5000 + 10 * 0.14 * 0.5, 3);
    expect(costUsd).toBeCloseTo(gbSeconds * 0.0000133334 + 0.1 * 0.2, 6);
  });
});

describe('Lambda as AWS documents it', () => {
  // AWS Lambda Developer Guide, "Understanding Lambda function scaling": each environment serves at most
  // 10 requests a second, so a function needs max(rate × duration, rate / 10) environments.
  it('15,000 requests/s of a 5 ms function with the account limit of 1,000: a third throttled, for the account limit', () => {
    const sim = new Simulation(design([{ name: 'api', rps: 15_000, durationMs: 5 }]));
    sim.runUntil(60);
    const f = sim.functions[0]!;
    // 1,000 environments serve 10,000 requests a second; 75 would do by duration alone.
    expect(f.now.concurrency).toBeCloseTo(1000, 6);
    expect(f.now.invocations).toBeCloseTo(10_000, 6);
    expect(f.now.throttles / f.now.offered).toBeCloseTo(1 / 3, 6);
    expect(f.totals.throttleReason).toBe('ConcurrentInvocationLimitExceeded');
  });

  it('a function held by its reserved concurrency throttles for that reason', () => {
    const sim = new Simulation(design([{ name: 'api', rps: 2000, durationMs: 100, reserved: 100 }]));
    sim.runUntil(30);
    const f = sim.functions[0]!;
    expect(f.now.invocations).toBeCloseTo(1000, 6);
    expect(f.totals.throttleReason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
  });

  // AWS Lambda pricing, "AWS Lambda free tier": 1M requests and 400,000 GB-s a month, shared by the account.
  const threeMillion = (freeTier: boolean) => {
    const d = design([{ name: 'api', rps: 1000, durationMs: 120 }], 1000, freeTier);
    (d.resources['fn-0'] as LambdaFunction).memoryMb = 1536;
    const sim = new Simulation(d);
    sim.runUntil(3000);
    return sim.functions[0]!.totals;
  };

  it('3 million requests of 120 ms at 1,536 MB: the free tier pays for 400,000 GB-s and 1M requests', () => {
    const totals = threeMillion(true);
    expect(totals.invocations).toBeCloseTo(3_000_000, 0);
    expect(totals.freeRequests).toBeCloseTo(1_000_000, 6);
    expect(totals.freeGbSeconds).toBeCloseTo(400_000, 6);
    // (540,000 GB-s + the 120 cold starts' init − 400,000) × $0.0000166667 + 2M × $0.20 per million = about $2.73.
    const expected = (totals.gbSeconds - 400_000) * 0.0000166667 + 2 * 0.2;
    expect(totals.gbSeconds).toBeCloseTo(540_000 + 120 * 0.14 * 1.5, 3);
    expect(totals.costUsd).toBeCloseTo(expected, 6);
    expect(totals.costUsd).toBeCloseTo(2.73, 2);
  });

  it('without the free tier (an organisation’s member account) the same month costs the listed rates throughout', () => {
    const totals = threeMillion(false);
    expect(totals.freeRequests).toBe(0);
    expect(totals.costUsd).toBeCloseTo(totals.gbSeconds * 0.0000166667 + 3 * 0.2, 6);
    expect(totals.costUsd).toBeCloseTo(9.6, 2);
  });

  it('the free tier is shared by the account’s functions and starts again each month of 730 hours', () => {
    const fns = design([
      { name: 'a', rps: 1, durationMs: 1000 },
      { name: 'b', rps: 1, durationMs: 1000 },
    ]);
    const sims = resourcesOf(fns);
    const month = 730 * 3600;
    const left = { month: 0, requests: 10, gbSeconds: 1_000_000 };
    tickLambdas(sims, month - 1, 1000, left);
    tickLambdas(sims, month - 1, 1000, left);
    // Two seconds of two functions at one request each: 4 of the 10 free requests used.
    expect(left.requests).toBeCloseTo(6, 9);
    tickLambdas(sims, month, 1000, left);
    expect(left.month).toBe(1);
    expect(left.requests).toBeCloseTo(1_000_000 - 2, 9);
  });
});

describe('the pre-2023 scaling model (a setting, for the history)', () => {
  // Before November 2023: a burst of 3,000 in us-east-1 for the whole account, then 500 more a minute.
  const surge = (lambdaScaling: 'perFunction' | 'pre2023Burst') => {
    const d = design([{ name: 'api', rps: 10_000, durationMs: 1000 }], 10_000);
    d.simulation = { ...d.simulation!, lambdaScaling };
    return new Simulation(d);
  };

  it('bursts to the Region’s 3,000 at once and then gains 500 a minute', () => {
    const sim = surge('pre2023Burst');
    sim.runUntil(30);
    expect(sim.functions[0]!.now.concurrency).toBeCloseTo(3000, 6);
    sim.runUntil(30 + 5 * 60);
    const after = sim.functions[0]!.now.concurrency;
    expect(after).toBeGreaterThanOrEqual(5000);
    expect(after).toBeLessThanOrEqual(5500);
    expect(sim.functions[0]!.totals.throttleReason).toBe('ScalingRateLimit');
  });

  it('today each function gains 1,000 every 10 seconds, so the same surge is served within two minutes', () => {
    const sim = surge('perFunction');
    sim.runUntil(120);
    expect(sim.functions[0]!.now.concurrency).toBeCloseTo(10_000, 6);
  });
});

describe('asynchronous invocation (Lambda Developer Guide, "Asynchronous invocation")', () => {
  const asyncDesign = (fn: Partial<LambdaFunction>, spec: Partial<FnSpec> = {}) => {
    const d = design([{ name: 'worker', rps: 0, durationMs: 100, source: 's3', ...spec }]);
    Object.assign(d.resources['fn-0'] as LambdaFunction, fn);
    return d;
  };
  /** Invocations in each second from 1 to `seconds`. */
  const perSecond = (d: Design, seconds: number) => {
    const sim = new Simulation(d);
    const counts: number[] = [];
    for (let t = 1; t <= seconds; t++) {
      sim.runUntil(t);
      counts.push(sim.functions[0]!.now.invocations);
    }
    return { sim, counts };
  };

  it('a failing event is retried twice, about one and then two minutes later, then given up', () => {
    const d = asyncDesign({ errorRate: 1 }, { load: { shape: 'spike', peak: 10, from: 10, to: 11 } });
    const { sim, counts } = perSecond(d, 300);
    const busySeconds = counts.flatMap((n, i) => (n > 0 ? [i + 1] : []));
    expect(busySeconds).toHaveLength(3);
    expect(busySeconds[1]! - busySeconds[0]!).toBe(60);
    expect(busySeconds[2]! - busySeconds[1]!).toBe(120);
    const totals = sim.functions[0]!.asyncEvents.totals;
    expect(totals.retried).toBeCloseTo(20, 9);
    expect(totals.failed).toBeCloseTo(10, 9);
    expect(sim.functions[0]!.totals.errors).toBeCloseTo(30, 9);
  });

  it('with no retries allowed an error is given up at once; an error-free event is never retried', () => {
    const once = perSecond(
      asyncDesign(
        {
          errorRate: 1,
          asyncInvocation: { maximumRetryAttempts: 0, maximumEventAgeSeconds: 21_600, onFailure: 'deadLetterQueue' },
        },
        { load: { shape: 'spike', peak: 10, from: 10, to: 11 } },
      ),
      200,
    );
    expect(once.counts.filter((n) => n > 0)).toHaveLength(1);
    expect(once.sim.functions[0]!.asyncEvents.totals.failed).toBeCloseTo(10, 9);
    const fine = perSecond(asyncDesign({}, { load: { shape: 'spike', peak: 10, from: 10, to: 11 } }), 200);
    expect(fine.sim.functions[0]!.asyncEvents.totals).toEqual({ retried: 0, failed: 0, expired: 0 });
  });

  it('throttled events wait in the queue and are given up once older than the maximum event age', () => {
    // Reserved concurrency 1 at 100 ms serves 10 events a second; 20 a second arrive.
    const settings = { maximumRetryAttempts: 2, maximumEventAgeSeconds: 120, onFailure: 'destination' } as const;
    const short = new Simulation(asyncDesign({ reservedConcurrency: 1, asyncInvocation: settings }, { rps: 20 }));
    short.runUntil(600);
    const totals = short.functions[0]!.asyncEvents.totals;
    expect(totals.expired).toBeGreaterThan(0);
    expect(totals.failed).toBeCloseTo(totals.expired, 9);
    expect(short.functions[0]!.totals.invocations).toBeCloseTo(600 * 10, 0);
    // With the default of 6 hours nothing has expired yet after 10 minutes.
    const long = new Simulation(asyncDesign({ reservedConcurrency: 1 }, { rps: 20 }));
    long.runUntil(600);
    expect(long.functions[0]!.asyncEvents.totals.expired).toBe(0);
    expect(long.functions[0]!.totals.queued).toBeGreaterThan(5000);
  });

  // Lambda Developer Guide, "How Lambda handles errors and retries with asynchronous invocation"
  // (docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html): each event's age counts from
  // when it was queued; throttled events go back to the queue and are retried with an interval that grows
  // exponentially from 1 second after the first attempt to at most 5 minutes.
  it('an event expires at its own maximum age, not at the age of an older event queued before it', () => {
    const settings = { maximumRetryAttempts: 2, maximumEventAgeSeconds: 60, onFailure: 'discard' } as const;
    const events = new AsyncEvents();
    events.arrive(0, 1);
    events.arrive(59, 1);
    expect(events.ready(60, settings)).toBeCloseTo(1, 9);
    expect(events.totals.expired).toBeCloseTo(1, 9);
    events.ready(118, settings);
    expect(events.totals.expired).toBeCloseTo(1, 9);
    events.ready(119, settings);
    expect(events.totals.expired).toBeCloseTo(2, 9);
  });

  it('a throttled event is tried again after 1, 2, 4 … seconds, at most 5 minutes apart', () => {
    const settings = { maximumRetryAttempts: 2, maximumEventAgeSeconds: 21_600, onFailure: 'discard' } as const;
    const events = new AsyncEvents();
    events.arrive(0, 1);
    const attempts: number[] = [];
    for (let t = 0; t <= 1200; t++) {
      if (events.ready(t, settings) > 0) attempts.push(t);
      events.invoked(t, 0, 0, settings);
    }
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]!);
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
    expect(events.queued).toBeCloseTo(1, 9);
  });

  it('reserved concurrency 0 sends asynchronous events straight to failure handling, with no invocation or retry', () => {
    const sim = new Simulation(asyncDesign({ reservedConcurrency: 0, errorRate: 1 }, { rps: 5 }));
    sim.runUntil(100);
    const f = sim.functions[0]!;
    expect(f.totals.invocations).toBe(0);
    expect(f.asyncEvents.totals.retried).toBe(0);
    expect(f.asyncEvents.totals.failed).toBeCloseTo(500, 9);
  });

  it('a synchronous caller gets the error back: counted, never retried', () => {
    const d = design([{ name: 'api', rps: 100, durationMs: 100 }]);
    (d.resources['fn-0'] as LambdaFunction).errorRate = 0.25;
    const sim = new Simulation(d);
    sim.runUntil(100);
    const f = sim.functions[0]!;
    expect(f.totals.errors).toBeCloseTo(f.totals.invocations * 0.25, 6);
    expect(f.asyncEvents.totals.retried).toBe(0);
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
      simulation: simulationSettings({
        actions: [
          { at: 30, instanceId: instance.id, action: 'stop' },
          { at: 200, instanceId: instance.id, action: 'start' },
          { at: 400, instanceId: instance.id, action: 'reboot' },
        ],
      }),
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
