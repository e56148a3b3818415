import { expose } from 'comlink';
import { diffApi } from '../scenarios/diff';
import { inputsApi } from '../scenarios/inputs';
import { iacApi } from '../scenarios/iacInputs';
import { learnApi } from '../scenarios/learn/learnApi';
import { analysisApi } from '../sim/analysisApi';
import type { WorkerApi } from './protocol';

/**
 * The page learns this worker has gone (terminated, crashed, out of memory)
 * when the browser releases this lock, held for the worker's whole life; the
 * page names it through `self.name`. Without Web Locks, call timeouts remain.
 */
const locked: Promise<void> = new Promise((resolve) => {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks || !self.name) return resolve();
  // Refused where the page's storage is blocked (a third-party iframe): the page's time limits remain.
  locks
    .request(self.name, () => {
      resolve();
      return new Promise<never>(() => undefined);
    })
    .catch(() => resolve());
});

/**
 * The Web Worker entry: heavy analyses, the simulation, goal checks and the
 * reading of links and files run here, off the main thread. A thin shell, like
 * the CLI, over the pure layers.
 */
export const workerApi: WorkerApi = {
  ...analysisApi,
  ...learnApi,
  ...inputsApi,
  ...iacApi,
  ...diffApi,
  ping: () => locked.then(() => 'ok' as const),
};

expose(workerApi);
