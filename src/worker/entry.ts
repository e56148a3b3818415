import { expose } from 'comlink';
import { learnApi } from '../scenarios/learn/learnApi';
import { analysisApi } from '../sim/analysisApi';
import type { WorkerApi } from './protocol';

/**
 * The Web Worker entry: heavy analyses, the simulation and goal checks run
 * here, off the main thread. A thin shell, like the CLI, over the pure layers.
 */
export const workerApi: WorkerApi = { ...analysisApi, ...learnApi };

expose(workerApi);
