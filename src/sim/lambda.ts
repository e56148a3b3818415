import { PRICES, type LambdaFunction, type LambdaTrigger } from '../domain';
import { AsyncEvents } from './lambdaAsync';
import { offeredRate } from './loadProfiles';

/**
 * Lambda scaling as a per-second fluid model (aws-semantics "Lambda"):
 * concurrency needed = arrival rate × duration; each function's ceiling grows
 * by 1,000 every 10 s (SQS-fed: 300 a minute); the account limit is shared,
 * less what others reserve; each environment serves at most 10 requests a
 * second; new environments pay a cold start; idle ones are reclaimed.
 */
export const SCALE_STEP = 1000;
export const SCALE_INTERVAL_S = 10;
export const SQS_SCALE_STEP = 300;
export const SQS_SCALE_INTERVAL_S = 60;
export const MAX_REQUESTS_PER_ENVIRONMENT = 10;
/**
 * An environment is busy at least a tenth of a second per request: a function
 * needs max(rate × duration, rate / 10) environments, so very short functions
 * are bound by the request-rate cap, not by their duration (Lambda Developer
 * Guide, "Understanding Lambda function scaling": each environment serves up to
 * 10 requests per second).
 */
const MIN_ENVIRONMENT_SECONDS_PER_REQUEST = 1 / MAX_REQUESTS_PER_ENVIRONMENT;
/**
 * The always-free monthly allowance, shared by every function of the account
 * (x86 and Arm together): 1,000,000 requests and 400,000 GB-seconds of duration
 * (AWS Lambda pricing, "AWS Lambda free tier"). Provisioned concurrency is not covered.
 */
export const FREE_TIER = { requests: 1_000_000, gbSeconds: 400_000 } as const;
/** Nimbus bills by months of 730 hours, as AWS's pricing examples do. */
const MONTH_S = PRICES.hoursPerMonth * 3600;

/**
 * Before November 2023 (Lambda Developer Guide, "Lambda function scaling", as it
 * then read, "Burst concurrency quotas"): the account's functions together could
 * burst at once to a Region's quota, then gained 500 environments a minute, up
 * to the account limit.
 */
export const PRE_2023_BURST: Readonly<Record<string, number>> = {
  'us-east-1': 3000,
  'us-west-2': 3000,
  'eu-west-1': 3000,
  'us-east-2': 1000,
  'eu-central-1': 1000,
  'ap-northeast-1': 1000,
};
export const PRE_2023_OTHER_REGIONS_BURST = 500;
export const PRE_2023_STEP_PER_MINUTE = 500;

/** The account-wide ceiling of the pre-2023 model, and when it last grew. */
export interface AccountBurst {
  cap: number;
  lastScaleAt: number | null;
}

export const accountBurstFor = (regionCode: string | undefined): AccountBurst => ({
  cap:
    (regionCode && Object.hasOwn(PRE_2023_BURST, regionCode) ? PRE_2023_BURST[regionCode] : undefined) ??
    PRE_2023_OTHER_REGIONS_BURST,
  lastScaleAt: null,
});

/** Why requests were refused, in the words of Lambda's `TooManyRequestsException` reasons. */
export type ThrottleReason =
  | 'ConcurrentInvocationLimitExceeded'
  | 'ReservedFunctionConcurrentInvocationLimitExceeded'
  /** Nimbus's own: the function's ceiling is still growing (1,000 environments every 10 s). */
  | 'ScalingRateLimit';

/** What is left of the account's free tier this month; null when the account has none (e.g. an organisation's). */
export interface FreeTierLeft {
  month: number;
  requests: number;
  gbSeconds: number;
}

export const freshFreeTier = (): FreeTierLeft => ({ month: 0, ...FREE_TIER });
/** Environments idle this long are reclaimed (AWS does not publish the figure; minutes is typical). */
export const IDLE_RECLAIM_S = 300;
/** Typical cold-start init by runtime, in seconds (aws-semantics, 2026 benchmark). */
export const INIT_SECONDS: Record<LambdaFunction['runtime'], number> = {
  'rust (provided.al2023)': 0.015,
  'go (provided.al2023)': 0.05,
  'python3.13': 0.085,
  'nodejs22.x': 0.14,
  'ruby3.4': 0.15,
  java21: 0.25,
  dotnet8: 0.25,
};

export interface LambdaTotals {
  invocations: number;
  throttles: number;
  queued: number;
  coldStarts: number;
  errors: number;
  peakConcurrency: number;
  gbSeconds: number;
  /** Requests and GB-seconds the free tier paid for. */
  freeRequests: number;
  freeGbSeconds: number;
  costUsd: number;
  /** Why the latest throttled second throttled; null if none ever did. */
  throttleReason: ThrottleReason | null;
}

export interface LambdaSim {
  fn: LambdaFunction;
  triggers: LambdaTrigger[];
  scaleCap: number;
  /** When the ceiling last grew, or when demand first went above it; null while demand fits. */
  lastScaleAt: number | null;
  warm: number;
  /** Environments needed in each of the last IDLE_RECLAIM_S seconds. */
  recentNeed: number[];
  /** SQS messages waiting (the queue keeps them until the function can take them). */
  backlog: number;
  /** Events invoked asynchronously (S3, EventBridge), in Lambda's own queue, with their retries. */
  asyncEvents: AsyncEvents;
  /** Latest second's figures, for charts. */
  now: {
    offered: number;
    concurrency: number;
    invocations: number;
    throttles: number;
    coldStarts: number;
    costPerSecond: number;
  };
  totals: LambdaTotals;
}

const sqsFed = (sim: LambdaSim) => sim.triggers.length > 0 && sim.triggers.every((t) => t.source === 'sqs');

export function createLambdaSim(fn: LambdaFunction, triggers: LambdaTrigger[]): LambdaSim {
  const sqs = triggers.length > 0 && triggers.every((t) => t.source === 'sqs');
  return {
    fn,
    triggers,
    scaleCap: Math.max(fn.provisionedConcurrency, sqs ? 5 : SCALE_STEP),
    lastScaleAt: null,
    warm: fn.provisionedConcurrency,
    recentNeed: [],
    backlog: 0,
    asyncEvents: new AsyncEvents(),
    now: { offered: 0, concurrency: 0, invocations: 0, throttles: 0, coldStarts: 0, costPerSecond: 0 },
    totals: {
      invocations: 0,
      throttles: 0,
      queued: 0,
      coldStarts: 0,
      errors: 0,
      peakConcurrency: 0,
      gbSeconds: 0,
      freeRequests: 0,
      freeGbSeconds: 0,
      costUsd: 0,
      throttleReason: null,
    },
  };
}

/** Takes up to `wanted` from what is left, returning what it took. */
function take(left: { value: number }, wanted: number): number {
  const taken = Math.min(left.value, wanted);
  left.value -= taken;
  return taken;
}

/**
 * Advances every function by one second at sim time `t`, sharing the
 * account's concurrency and (when it has one) its monthly free tier.
 */
export function tickLambdas(
  sims: readonly LambdaSim[],
  t: number,
  accountLimit: number,
  freeTier: FreeTierLeft | null = null,
  /** Set for the pre-2023 model: one burst ceiling for the account instead of each function's own. */
  accountBurst: AccountBurst | null = null,
): void {
  if (freeTier && Math.floor(t / MONTH_S) !== freeTier.month)
    Object.assign(freeTier, { month: Math.floor(t / MONTH_S), ...FREE_TIER });
  const reservedTotal = sims.reduce((sum, s) => sum + (s.fn.reservedConcurrency ?? 0), 0);
  const unreserved = Math.max(0, accountLimit - reservedTotal);
  const wants = sims.map((sim) => {
    let sync = 0;
    let sqs = 0;
    let asyncNew = 0;
    for (const tr of sim.triggers) {
      const rate = offeredRate(tr.load, tr.eventsPerSecond, t);
      if (tr.source === 'apiGateway') sync += rate;
      else if (tr.source === 'sqs') sqs += rate;
      else asyncNew += rate;
    }
    const events = sim.asyncEvents;
    events.arrive(t, asyncNew);
    // Reserved concurrency 0 throttles everything; asynchronous events then go straight to failure handling.
    if (sim.fn.reservedConcurrency === 0) events.failAll();
    const asyncReady = events.ready(t, sim.fn.asyncInvocation);
    const offered = sync + sqs + sim.backlog + asyncReady;
    const duration = Math.min(sim.fn.averageDurationMs, sim.fn.timeoutSeconds * 1000) / 1000;
    const busyPerRequest = Math.max(duration, MIN_ENVIRONMENT_SECONDS_PER_REQUEST);
    const demand = offered * busyPerRequest;
    // The function's own ceiling grows while demand is above it.
    const [step, interval] = sqsFed(sim) ? [SQS_SCALE_STEP, SQS_SCALE_INTERVAL_S] : [SCALE_STEP, SCALE_INTERVAL_S];
    if (accountBurst) sim.scaleCap = Infinity;
    else if (demand <= sim.scaleCap) sim.lastScaleAt = null;
    else if (sim.lastScaleAt === null) sim.lastScaleAt = t;
    else if (t - sim.lastScaleAt >= interval) {
      sim.scaleCap += step;
      sim.lastScaleAt = t;
    }
    const reserved = sim.fn.reservedConcurrency ?? Infinity;
    const cap = Math.min(sim.scaleCap, reserved);
    const limitedBy: ThrottleReason =
      reserved <= sim.scaleCap ? 'ReservedFunctionConcurrentInvocationLimitExceeded' : 'ScalingRateLimit';
    return { sim, sync, asyncReady, offered, duration, busyPerRequest, limitedBy, want: Math.min(demand, cap) };
  });
  // Functions without a reservation share what is left of the account limit, in proportion to demand.
  const shared = wants.filter((w) => w.sim.fn.reservedConcurrency === null);
  const sharedWant = shared.reduce((sum, w) => sum + w.want, 0);
  let available = unreserved;
  if (accountBurst) {
    // The pre-2023 ceiling: the account's burst, growing by 500 a minute while demand is above it.
    const totalWant = wants.reduce((sum, w) => sum + w.want, 0);
    if (totalWant <= accountBurst.cap) accountBurst.lastScaleAt = null;
    else if (accountBurst.lastScaleAt === null) accountBurst.lastScaleAt = t;
    else if (t - accountBurst.lastScaleAt >= 60) {
      accountBurst.cap = Math.min(accountLimit, accountBurst.cap + PRE_2023_STEP_PER_MINUTE);
      accountBurst.lastScaleAt = t;
    }
    available = Math.min(unreserved, Math.max(0, accountBurst.cap - reservedTotal));
  }
  const shareFactor = sharedWant > available ? available / sharedWant : 1;
  const freeRequests = { value: freeTier?.requests ?? 0 };
  const freeGbSeconds = { value: freeTier?.gbSeconds ?? 0 };
  for (const w of wants) {
    const { sim, duration, busyPerRequest } = w;
    const concurrency = sim.fn.reservedConcurrency === null ? w.want * shareFactor : w.want;
    const served = Math.min(w.offered, concurrency / busyPerRequest);
    const refused = w.offered - served;
    // Synchronous callers get 429s; SQS messages stay in the queue; asynchronous events stay in Lambda's queue.
    const share = (part: number) => (w.offered > 0 ? part / w.offered : 0);
    const throttled = refused * share(w.sync);
    const timedOut = sim.fn.averageDurationMs > sim.fn.timeoutSeconds * 1000;
    const errorRate = timedOut ? 1 : sim.fn.errorRate;
    sim.asyncEvents.invoked(t, served * share(w.asyncReady), errorRate, sim.fn.asyncInvocation);
    sim.backlog = refused - throttled - refused * share(w.asyncReady);
    const busy = served * busyPerRequest;
    const environments = Math.ceil(busy - 1e-9);
    const coldStarts = Math.max(0, environments - sim.warm);
    sim.recentNeed.push(environments);
    if (sim.recentNeed.length > IDLE_RECLAIM_S) sim.recentNeed.shift();
    sim.warm = Math.max(sim.fn.provisionedConcurrency, ...sim.recentNeed);
    const memoryGb = sim.fn.memoryMb / 1024;
    const gbSeconds = served * duration * memoryGb + coldStarts * INIT_SECONDS[sim.fn.runtime] * memoryGb;
    const freeGb = take(freeGbSeconds, gbSeconds);
    const freeReq = take(freeRequests, served);
    const cost =
      (gbSeconds - freeGb) * PRICES.lambda.gbSecond[sim.fn.architecture] +
      ((served - freeReq) / 1_000_000) * PRICES.lambda.perMillionRequests +
      sim.fn.provisionedConcurrency * memoryGb * PRICES.lambda.provisionedGbSecond;
    sim.now = {
      offered: w.offered,
      concurrency: busy,
      invocations: served,
      throttles: throttled,
      coldStarts,
      costPerSecond: cost,
    };
    const totals = sim.totals;
    totals.invocations += served;
    totals.throttles += throttled;
    totals.queued = sim.backlog + sim.asyncEvents.queued;
    totals.coldStarts += coldStarts;
    totals.errors += served * errorRate;
    totals.peakConcurrency = Math.max(totals.peakConcurrency, busy);
    totals.gbSeconds += gbSeconds;
    totals.freeRequests += freeReq;
    totals.freeGbSeconds += freeGb;
    totals.costUsd += cost;
    if (refused > 1e-9)
      totals.throttleReason =
        sim.fn.reservedConcurrency === null && shareFactor < 1
          ? accountBurst && accountBurst.cap < accountLimit
            ? 'ScalingRateLimit'
            : 'ConcurrentInvocationLimitExceeded'
          : w.limitedBy;
  }
  if (freeTier) {
    freeTier.requests = freeRequests.value;
    freeTier.gbSeconds = freeGbSeconds.value;
  }
}
