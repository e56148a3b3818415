import type { AsyncInvocation } from '../domain';

/**
 * Events invoked asynchronously (S3 notifications, EventBridge), as Lambda's
 * internal queue holds them (Lambda Developer Guide, "How Lambda handles errors
 * and retries with asynchronous invocation",
 * docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html):
 * a function error is retried after about one minute, then after about two
 * more (up to `maximumRetryAttempts`); a throttled event goes back to the queue
 * and is tried again with an interval growing exponentially from 1 second to at
 * most 5 minutes, until `maximumEventAgeSeconds`; an event out of retries or
 * age goes to the on-failure destination or dead-letter queue, or is discarded.
 * Counts are fluid (fractions of events), like the rest of the Lambda model;
 * events queued within the same second share one bucket, so an event's age is
 * off by under a second. Nimbus models that backoff; AWS also lengthens the
 * interval and reads the queue more slowly when it holds many events.
 */
export const RETRY_DELAYS_S = [60, 120] as const;
/** Throttle backoff: 1 s after the first throttled attempt, doubling, at most 5 minutes. */
export const THROTTLE_FIRST_RETRY_S = 1;
export const THROTTLE_MAX_RETRY_S = 300;
const BUCKET_S = 1;
const EMPTY = 1e-9;

interface Bucket {
  /** When the oldest of its events was first queued: the event age counts from there. */
  since: number;
  /** How many times these events have already been retried after an error. */
  attempt: number;
  /** How many attempts in a row were throttled, and when the next may be made. */
  throttles: number;
  notBefore: number;
  amount: number;
}

const throttleDelay = (throttles: number) =>
  Math.min(THROTTLE_MAX_RETRY_S, THROTTLE_FIRST_RETRY_S * 2 ** Math.max(0, throttles - 1));

export interface AsyncTotals {
  /** Invocations that were retries of an earlier error. */
  retried: number;
  /** Events given up on: sent to the on-failure destination or dead-letter queue, or discarded. */
  failed: number;
  /** Of the failed, those that waited past the maximum event age. */
  expired: number;
}

export class AsyncEvents {
  /** Events ready to invoke, oldest first. */
  private waiting: Bucket[] = [];
  /** Events that failed, waiting for their retry. */
  private delayed: Array<Omit<Bucket, 'throttles' | 'notBefore'> & { dueAt: number }> = [];
  readonly totals: AsyncTotals = { retried: 0, failed: 0, expired: 0 };

  get queued(): number {
    let sum = 0;
    for (const b of this.waiting) sum += b.amount;
    for (const b of this.delayed) sum += b.amount;
    return sum;
  }

  arrive(t: number, amount: number): void {
    if (amount <= 0) return;
    const last = this.waiting.at(-1);
    if (last && last.attempt === 0 && last.throttles === 0 && t - last.since < BUCKET_S) last.amount += amount;
    else this.waiting.push({ since: t, attempt: 0, throttles: 0, notBefore: t, amount });
  }

  /** Brings in the retries now due, gives up on events past their age, and returns how many are ready. */
  ready(t: number, settings: AsyncInvocation): number {
    const due = this.delayed.filter((b) => b.dueAt <= t);
    if (due.length > 0) {
      this.delayed = this.delayed.filter((b) => b.dueAt > t);
      for (const { since, attempt, amount } of due) this.insert({ since, attempt, throttles: 0, notBefore: t, amount });
    }
    while (this.waiting.length > 0 && t - this.waiting[0]!.since >= settings.maximumEventAgeSeconds) {
      const old = this.waiting.shift()!;
      this.totals.expired += old.amount;
      this.totals.failed += old.amount;
    }
    let sum = 0;
    for (const b of this.waiting) if (b.notBefore <= t) sum += b.amount;
    return sum;
  }

  /**
   * `served` of the ready events were invoked, oldest first; `errorRate` of them failed and are retried or given
   * up. The ready events left over were throttled: they wait out their backoff in the queue.
   */
  invoked(t: number, served: number, errorRate: number, settings: AsyncInvocation): void {
    let left = served;
    for (const bucket of this.waiting) {
      if (bucket.notBefore > t) continue;
      if (left > EMPTY) {
        const taken = Math.min(bucket.amount, left);
        bucket.amount -= taken;
        left -= taken;
        if (bucket.attempt > 0) this.totals.retried += taken;
        const errors = taken * errorRate;
        if (errors > 0) {
          if (bucket.attempt < settings.maximumRetryAttempts) this.delay(t, bucket, errors);
          else this.totals.failed += errors;
        }
      }
      if (bucket.amount > EMPTY) {
        bucket.throttles += 1;
        bucket.notBefore = t + throttleDelay(bucket.throttles);
      }
    }
    this.waiting = this.waiting.filter((b) => b.amount > EMPTY);
  }

  /** Reserved concurrency 0: every event goes straight to the failure handling, with no retries. */
  failAll(): void {
    this.totals.failed += this.queued;
    this.waiting = [];
    this.delayed = [];
  }

  private delay(t: number, bucket: Bucket, amount: number): void {
    const dueAt = t + RETRY_DELAYS_S[Math.min(bucket.attempt, RETRY_DELAYS_S.length - 1)]!;
    const attempt = bucket.attempt + 1;
    const last = this.delayed.at(-1);
    if (last && last.dueAt === dueAt && last.attempt === attempt) {
      last.amount += amount;
      last.since = Math.min(last.since, bucket.since);
    } else this.delayed.push({ dueAt, attempt, since: bucket.since, amount });
  }

  /** Keeps the ready events in order of age, so the oldest expire first. */
  private insert(bucket: Bucket): void {
    let i = this.waiting.length;
    while (i > 0 && this.waiting[i - 1]!.since > bucket.since) i--;
    this.waiting.splice(i, 0, bucket);
  }
}
