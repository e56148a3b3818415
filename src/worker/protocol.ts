import type { DiffApi } from '../scenarios/diff';
import type { InputsApi } from '../scenarios/inputs';
import type { IacApi } from '../scenarios/iacInputs';
import type { learnApi } from '../scenarios/learn/learnApi';
import type { gradingApi } from '../scenarios/learn/gradingApi';
import type { AnalysisApi } from '../sim/protocol';

/**
 * What the page may call in the worker: the simulation's analyses, the
 * lesson checks, the reading of links and files, and the what-if diff of two designs. It lives with the worker
 * entry, the one shell that joins `sim/` and `scenarios/`, so no lower folder
 * names a higher one.
 */
export type LearnApi = typeof learnApi & typeof gradingApi;
export interface LifeApi {
  /** Answers once the worker is ready and holds its lock (see `entry.ts`). */
  ping(): Promise<'ok'>;
}
/**
 * Posted once by the worker when its first script has run, before any call: the
 * page waits for it before fetching the rest of the app when a link is to be
 * decoded (`store/workerStart.ts`). comlink ignores it (it has no call id).
 */
export const WORKER_LOADED = { nimbusWorker: 'loaded' } as const;

export type WorkerApi = AnalysisApi & LearnApi & InputsApi & IacApi & DiffApi & LifeApi;
