import type { learnApi } from '../scenarios/learn/learnApi';
import type { AnalysisApi } from '../sim/protocol';

/**
 * What the page may call in the worker: the simulation's analyses and the
 * lesson checks. It lives with the worker entry, the one shell that joins
 * `sim/` and `scenarios/`, so no lower folder names a higher one.
 */
export type LearnApi = typeof learnApi;
export type WorkerApi = AnalysisApi & LearnApi;
