import { expose } from 'comlink';
import { learnApi } from '../scenarios/learn/learnApi';
import { analysisApi } from '../sim/analysisApi';

/**
 * The Web Worker entry: heavy analyses, the simulation and goal checks run
 * here, off the main thread. A thin shell, like the CLI, over the pure layers.
 */
export const workerApi = { ...analysisApi, ...learnApi };
export type WorkerApi = typeof workerApi;

expose(workerApi);
