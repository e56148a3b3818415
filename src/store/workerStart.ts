import { WORKER_LOADED } from '../worker/protocol';

/**
 * How the analysis worker is made. Kept apart, importing only the worker's
 * protocol constant, so `earlyWorker.ts` can start the worker before the rest of
 * the app is fetched; the supervisor then takes that worker as its first.
 */
export const WORKER_NAME_PREFIX = `nimbus-worker-${Math.random().toString(36).slice(2)}`;
const FIRST_WORKER_NAME = `${WORKER_NAME_PREFIX}-1`;

let early: { worker: Worker; failed: boolean; loaded: Promise<void> } | null = null;

function newAnalysisWorker(name: string): Worker {
  return new Worker(new URL('../worker/entry.ts', import.meta.url), { type: 'module', name });
}

/**
 * The worker named `name`: the one started early when it is the first and its
 * script loaded, else a new one. An early worker that failed before the
 * supervisor listened is replaced, so the failure happens again where it is reported.
 */
export function createAnalysisWorker(name: string): Worker {
  const started = early;
  early = null;
  if (started && name === FIRST_WORKER_NAME) {
    if (!started.failed) return started.worker;
    started.worker.terminate();
  }
  return newAnalysisWorker(name);
}

/**
 * Starts the first worker now. A share link's design is decoded in the worker,
 * and its script (several hundred KB) then loads and compiles while the app's
 * modules run and React draws the page, instead of after.
 */
export function startAnalysisWorkerEarly(): void {
  if (early || typeof Worker === 'undefined') return;
  try {
    const worker = newAnalysisWorker(FIRST_WORKER_NAME);
    const loaded = new Promise<void>((resolve) => {
      const isLoaded = (event: MessageEvent) => {
        const data = event.data as { nimbusWorker?: unknown } | null;
        if (data?.nimbusWorker !== WORKER_LOADED.nimbusWorker) return;
        worker.removeEventListener('message', isLoaded);
        resolve();
      };
      worker.addEventListener('message', isLoaded);
      worker.addEventListener('error', () => resolve(), { once: true });
    });
    const started = { worker, failed: false, loaded };
    worker.addEventListener('error', () => (started.failed = true), { once: true });
    early = started;
  } catch {
    // The supervisor makes its own and reports why it can't.
  }
}

/**
 * Resolves when the early worker's first script has run (or failed to load), at
 * the latest after `maxMs`; at once when none was started. On HTTP/1.1 a browser
 * opens six connections to a host, and the app's thirty-odd scripts would queue
 * the worker's two behind them: fetched first, the worker decodes the link while
 * the app loads, and the design is ready when the canvas is.
 */
export function earlyWorkerLoaded(maxMs: number): Promise<void> {
  if (!early) return Promise.resolve();
  return Promise.race([early.loaded, new Promise<void>((resolve) => setTimeout(resolve, maxMs))]);
}
