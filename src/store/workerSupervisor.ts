import { wrap, type Endpoint, type Remote } from 'comlink';

/**
 * Keeps one worker alive for the page. Every call has a time limit and
 * rejects with a readable `WorkerError` instead of hanging; a worker that
 * errors, stops answering or disappears (terminated, crashed, out of memory)
 * is replaced, and listeners hear why so they can bring the new one up to
 * date. Independent of the browser's `Worker`, so tests drive it with a fake.
 */

/** A worker as the supervisor uses it: comlink's endpoint plus `terminate`. */
export interface WorkerEndpoint extends Endpoint {
  terminate(): void;
}

export class WorkerError extends Error {
  constructor(
    message: string,
    /** `lost`: the worker went away during the call; `timeout`: it did not answer; `start`: no worker could be started. */
    readonly kind: 'lost' | 'timeout' | 'start',
  ) {
    super(message);
    this.name = 'WorkerError';
  }
}

/** What every supervised worker answers once it is ready (and, with Web Locks, holds its lock). */
export interface Pingable {
  ping(): 'ok' | Promise<'ok'>;
}

export type SupervisorEvent =
  /** A worker that had been working was lost and a new one is ready. */
  | { type: 'restarted'; reason: string }
  /** No worker could be started (or restarts keep failing); calls reject until one starts. */
  | { type: 'failed'; reason: string };

export interface SupervisorOptions {
  /** Makes a worker; `name` is unique per worker and reaches the worker as `self.name`. */
  create: (name: string) => WorkerEndpoint;
  /**
   * Settles when the named worker has gone; called once it has answered its
   * first ping (see `webLockExit`). Null (or absent) where that can't be
   * known: the supervisor then pings an idle worker every `heartbeatMs`.
   */
  watchExit?: (name: string) => Promise<void> | null;
  heartbeatMs?: number;
  /** Time limit of a call, by method name. */
  timeoutMs?: (method: string) => number;
  startTimeoutMs?: number;
  /** At most this many automatic restarts within `restartWindowMs`; after that, the next call tries again. */
  maxRestarts?: number;
  restartWindowMs?: number;
  now?: () => number;
  namePrefix?: string;
}

/** The worker's API as the page calls it: comlink's view of it, every call a promise. */
export type WorkerCalls<Api> = Remote<Api>;

interface Generation<Api> {
  name: string;
  worker: WorkerEndpoint;
  remote: Remote<Api & Pingable>;
  ready: Promise<void>;
  answered: boolean;
  /** The browser tells when this worker ends (Web Locks), so a late answer means busy, not dead. */
  watched: boolean;
  dead: boolean;
  /** Calls in flight; a heartbeat waits while any is (each has its own time limit). */
  pending: number;
  heartbeat?: ReturnType<typeof setInterval>;
  /** Rejects when the worker is lost; every call races against it. */
  lost: Promise<never>;
  lose: (error: WorkerError) => void;
}

const DEFAULT_TIMEOUT_MS = 15_000;

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

export class WorkerSupervisor<Api extends object> {
  private current: Generation<Api> | null = null;
  private counter = 0;
  private restarts: number[] = [];
  private readonly listeners = new Set<(event: SupervisorEvent) => void>();
  readonly api: WorkerCalls<Api>;

  constructor(private readonly options: SupervisorOptions) {
    this.api = new Proxy({} as WorkerCalls<Api>, {
      // Not a thenable: `then` stays undefined so the API can be returned from async code.
      get: (_, method) =>
        typeof method === 'string' && method !== 'then' ? (...args: unknown[]) => this.call(method, args) : undefined,
    });
  }

  subscribe(listener: (event: SupervisorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `method` in the worker, starting one if none is running. */
  async call(method: string, args: unknown[]): Promise<never> {
    const generation = this.current ?? this.start();
    await Promise.race([generation.ready, generation.lost]);
    const limit = this.options.timeoutMs?.(method) ?? DEFAULT_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new WorkerError(`The simulation worker did not answer within ${seconds(limit)}.`, 'timeout');
        reject(error);
        // Unwatched, a late answer is the only sign of a dead worker: replace it. Watched, the worker
        // may just be busy with an earlier long call (a restore, an exposure scan): only this call fails.
        if (!generation.watched) this.lose(generation, `it did not answer within ${seconds(limit)}`);
      }, limit);
    });
    const fn = (generation.remote as unknown as Record<string, (...a: unknown[]) => Promise<never>>)[method]!;
    generation.pending++;
    try {
      return await Promise.race([fn(...args), generation.lost, timeout]);
    } finally {
      generation.pending--;
      clearTimeout(timer);
    }
  }

  /** Ends the worker for good (tests, page teardown). */
  dispose(): void {
    const generation = this.current;
    this.current = null;
    if (generation) {
      generation.dead = true;
      clearInterval(generation.heartbeat);
      generation.lose(new WorkerError('The simulation worker was closed.', 'lost'));
      generation.worker.terminate();
    }
  }

  private start(): Generation<Api> {
    const name = `${this.options.namePrefix ?? 'nimbus-worker'}-${++this.counter}`;
    let lose!: (error: WorkerError) => void;
    const lost = new Promise<never>((_, reject) => (lose = reject));
    lost.catch(() => undefined);
    const worker = this.options.create(name);
    const generation: Generation<Api> = {
      name,
      worker,
      remote: wrap<Api & Pingable>(worker),
      ready: Promise.resolve(),
      answered: false,
      watched: false,
      dead: false,
      pending: 0,
      lost,
      lose,
    };
    this.current = generation;
    worker.addEventListener('error', (event) => {
      const message = (event as ErrorEvent).message;
      // A script that fails to load fires a bare `error` event with no message.
      this.lose(generation, message ? `error: ${message}` : 'its script could not be loaded');
    });
    worker.addEventListener('messageerror', () => this.lose(generation, 'a message from it could not be read'));
    const limit = this.options.startTimeoutMs ?? 10_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const startTimeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new WorkerError(`The simulation worker did not start within ${seconds(limit)}.`, 'start'));
        this.lose(generation, `it did not start within ${seconds(limit)}`);
      }, limit);
    });
    generation.ready = Promise.race([generation.remote.ping(), lost, startTimeout])
      .then(() => {
        generation.answered = true;
        const exit = this.options.watchExit?.(name);
        if (exit) {
          generation.watched = true;
          void exit.then(() => this.lose(generation, 'it was closed or crashed'));
        } else this.beat(generation);
      })
      .finally(() => clearTimeout(timer));
    generation.ready.catch(() => undefined);
    return generation;
  }

  /** Without a way to see the worker end, an idle one must answer a ping now and then. */
  private beat(generation: Generation<Api>): void {
    const every = this.options.heartbeatMs ?? 5000;
    generation.heartbeat = setInterval(() => {
      if (generation.pending > 0 || generation.dead) return;
      void this.call('ping', []).catch(() => undefined);
    }, every);
  }

  private lose(generation: Generation<Api>, reason: string): void {
    if (generation.dead) return;
    generation.dead = true;
    clearInterval(generation.heartbeat);
    const wasWorking = generation.answered;
    generation.lose(
      new WorkerError(
        wasWorking
          ? `The simulation worker stopped (${reason}).`
          : `The simulation worker could not start (${reason}).`,
        wasWorking ? 'lost' : 'start',
      ),
    );
    try {
      generation.worker.terminate();
    } catch {
      // Already gone.
    }
    if (this.current !== generation) return;
    this.current = null;
    if (!wasWorking) return this.emit({ type: 'failed', reason });
    const now = (this.options.now ?? Date.now)();
    const window = this.options.restartWindowMs ?? 60_000;
    this.restarts = this.restarts.filter((at) => now - at < window);
    if (this.restarts.length >= (this.options.maxRestarts ?? 3))
      return this.emit({ type: 'failed', reason: `${reason}, again` });
    this.restarts.push(now);
    const next = this.start();
    next.ready.then(
      () => this.emit({ type: 'restarted', reason }),
      () => undefined, // its own failure is reported by `lose`
    );
  }

  private emit(event: SupervisorEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/**
 * Learns that a worker has gone, however it went (`terminate()`, a crash, the
 * tab's memory), from a Web Lock the worker holds for its whole life: the
 * browser releases it when the worker's context is destroyed. Null where Web
 * Locks are missing (an insecure context): the supervisor's heartbeat and call
 * time limits catch a dead worker there, and where the browser refuses the lock.
 */
export function webLockExit(name: string): Promise<void> | null {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return null;
  // A page whose storage is blocked (a third-party iframe, such as the embed page on a course site)
  // is refused Web Locks: then only the heartbeat and the time limits watch the worker.
  return locks
    .request(name, () => undefined)
    .then(
      () => undefined,
      () => new Promise<void>(() => undefined),
    );
}
