import { getResource, resourcesOfKind, type Design } from '../../domain';
import { RemovedCosts, round, type FrameParts, type ResourceCost, type SimContext, type SimulatedKind } from '../kind';
import {
  accountBurstFor,
  createLambdaSim,
  freshFreeTier,
  tickLambdas,
  type AccountBurst,
  type FreeTierLeft,
  type LambdaSim,
} from '../lambda';

/** AWS's default concurrency quota per account and region. */
const DEFAULT_ACCOUNT_CONCURRENCY = 1000;

export type FunctionSummary = ReturnType<typeof summarize>;

/** The design's Lambda functions, each fed by its triggers, sharing the account's concurrency. */
export class LambdaFunctions implements SimulatedKind {
  readonly sims: LambdaSim[] = [];
  private accountLimit: number;
  /** The account's free tier left this month, shared by its functions; null without one. */
  private freeTier: FreeTierLeft | null;
  /** The pre-2023 scaling model's account-wide ceiling; null with today's per-function scaling. */
  private accountBurst: AccountBurst | null;
  /** What deleted functions cost while they existed. */
  private readonly removed = new RemovedCosts();

  constructor(
    design: Design,
    private readonly ctx: SimContext,
  ) {
    this.accountLimit = design.simulation?.accountConcurrency ?? DEFAULT_ACCOUNT_CONCURRENCY;
    this.freeTier = (design.simulation?.lambdaFreeTier ?? true) ? freshFreeTier() : null;
    this.accountBurst = design.simulation?.lambdaScaling === 'pre2023Burst' ? accountBurstFor(regionOf(design)) : null;
    const triggers = resourcesOfKind(design, 'lambdaTrigger');
    for (const fn of resourcesOfKind(design, 'lambdaFunction'))
      this.sims.push(
        createLambdaSim(
          fn,
          triggers.filter((t) => t.functionId === fn.id),
        ),
      );
  }

  /** Functions and triggers take their new settings from the next second and keep their totals. */
  sync(design: Design): void {
    this.accountLimit = design.simulation?.accountConcurrency ?? DEFAULT_ACCOUNT_CONCURRENCY;
    const freeTier = design.simulation?.lambdaFreeTier ?? true;
    // Turning the free tier on mid-run starts with this month's allowance unused by what ran before.
    if (!freeTier) this.freeTier = null;
    else this.freeTier ??= freshFreeTier();
    if (design.simulation?.lambdaScaling !== 'pre2023Burst') this.accountBurst = null;
    else this.accountBurst ??= accountBurstFor(regionOf(design));
    const triggers = resourcesOfKind(design, 'lambdaTrigger');
    const previous = new Map(this.sims.map((f) => [f.fn.id as string, f]));
    this.sims.length = 0;
    for (const fn of resourcesOfKind(design, 'lambdaFunction')) {
      const own = triggers.filter((t) => t.functionId === fn.id);
      const kept = previous.get(fn.id);
      previous.delete(fn.id);
      if (kept) {
        kept.fn = fn;
        kept.triggers = own;
        // Provisioned environments are there at once, so the ceiling is at least that many.
        kept.scaleCap = Math.max(kept.scaleCap, fn.provisionedConcurrency);
        this.sims.push(kept);
      } else this.sims.push(createLambdaSim(fn, own));
    }
    for (const gone of previous.values())
      this.removed.add({ id: gone.fn.id, name: gone.fn.name, total: gone.totals.costUsd, ratePerHour: 0 });
  }

  tick(): void {
    if (this.sims.length > 0) tickLambdas(this.sims, this.ctx.now, this.accountLimit, this.freeTier, this.accountBurst);
  }

  costs(): ResourceCost[] {
    return this.removed.withLive([
      ...this.sims.map((f) => ({
        id: f.fn.id,
        name: f.fn.name,
        total: f.totals.costUsd,
        ratePerHour: f.now.costPerSecond * 3600,
      })),
    ]);
  }

  summary() {
    return { functions: this.sims.map(summarize) };
  }

  frame(): Pick<FrameParts, 'functions'> {
    return {
      functions: this.sims.map((f) => ({
        id: f.fn.id,
        name: f.fn.name,
        concurrency: f.now.concurrency,
        offered: f.now.offered,
        invocations: f.now.invocations,
        throttles: f.now.throttles,
        coldStarts: f.now.coldStarts,
        totals: {
          invocations: f.totals.invocations,
          throttles: f.totals.throttles,
          coldStarts: f.totals.coldStarts,
          costUsd: f.totals.costUsd,
          freeRequests: f.totals.freeRequests,
          throttleReason: f.totals.throttleReason,
          errors: f.totals.errors,
          asyncFailed: f.asyncEvents.totals.failed,
          onFailure: f.fn.asyncInvocation.onFailure,
        },
      })),
    };
  }
}

/** The Region of the design's functions (the first function's), whose burst quota the pre-2023 model uses. */
function regionOf(design: Design): string | undefined {
  const fn = resourcesOfKind(design, 'lambdaFunction')[0];
  return fn ? getResource(design, fn.regionId, 'region')?.code : undefined;
}

function summarize(f: LambdaSim) {
  return {
    id: f.fn.id as string,
    name: f.fn.name,
    invocations: Math.round(f.totals.invocations),
    throttles: Math.round(f.totals.throttles),
    queued: Math.round(f.totals.queued),
    coldStarts: f.totals.coldStarts,
    errors: Math.round(f.totals.errors),
    peakConcurrency: round(f.totals.peakConcurrency, 1),
    freeRequests: Math.round(f.totals.freeRequests),
    freeGbSeconds: round(f.totals.freeGbSeconds, 1),
    throttleReason: f.totals.throttleReason,
    /** Asynchronous events: retries after an error, and events given up on (where they went: `onFailure`). */
    asyncRetried: round(f.asyncEvents.totals.retried, 1),
    asyncFailed: round(f.asyncEvents.totals.failed, 1),
    asyncExpired: round(f.asyncEvents.totals.expired, 1),
    onFailure: f.fn.asyncInvocation.onFailure,
    costUsd: round(f.totals.costUsd),
  };
}
