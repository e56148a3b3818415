import type { AsyncInvocation } from '../domain';

/**
 * Events invoked asynchronously (S3 notifications, EventBridge), as Lambda's
 * internal queue holds them (Lambda Developer Guide, "Asynchronous invocation"):
 * a function error is retried after about one minute, then after about two
 * more (up to `maximumRetryAttempts`); a throttled event stays queued and is
 * tried again until `maximumEventAgeSeconds`; an event out of retries or age
 * goes to the on-failure destination or dead-letter queue, or is discarded.
 * Counts are fluid (fractions of events), like the rest of the Lambda model;
 * events within a minute of each other share one bucket, aged from the oldest.
 */
export const RETRY_DELAYS_S = [60, 120] as const;
const BUCKET_S = 60;
const EMPTY = 1e-9;

interface Bucket {
  /** When the oldest of its events was first queued: the event age counts from there. */
  since: number;
  /** How many times these events have already been retried after an error. */
  attempt: number;
  amount: number;
}

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
  private delayed: Array<Bucket & { dueAt: number }> = [];
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
    if (last && last.attempt === 0 && t - last.since < BUCKET_S) last.amount += amount;
    else this.waiting.push({ since: t, attempt: 0, amount });
  }

  /** Brings in the retries now due, gives up on events past their age, and returns how many are ready. */
  ready(t: number, settings: AsyncInvocation): number {
    const due = this.delayed.filter((b) => b.dueAt <= t);
    if (due.length > 0) {
      this.delayed = this.delayed.filter((b) => b.dueAt > t);
      for (const { since, attempt, amount } of due) this.insert({ since, attempt, amount });
    }
    while (this.waiting.length > 0 && t - this.waiting[0]!.since >= settings.maximumEventAgeSeconds) {
      const old = this.waiting.shift()!;
      this.totals.expired += old.amount;
      this.totals.failed += old.amount;
    }
    let sum = 0;
    for (const b of this.waiting) sum += b.amount;
    return sum;
  }

  /** `served` of the ready events were invoked, oldest first; `errorRate` of them failed and are retried or given up. */
  invoked(t: number, served: number, errorRate: number, settings: AsyncInvocation): void {
    let left = served;
    while (left > EMPTY && this.waiting.length > 0) {
      const bucket = this.waiting[0]!;
      const taken = Math.min(bucket.amount, left);
      bucket.amount -= taken;
      left -= taken;
      if (bucket.attempt > 0) this.totals.retried += taken;
      const errors = taken * errorRate;
      if (errors > 0) {
        if (bucket.attempt < settings.maximumRetryAttempts) this.delay(t, bucket, errors);
        else this.totals.failed += errors;
      }
      if (bucket.amount <= EMPTY) this.waiting.shift();
    }
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
