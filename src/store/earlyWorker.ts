import { startAnalysisWorkerEarly } from './workerStart';

/**
 * Imported first by main.tsx: a link in the fragment (`#view=`, `#d=`, `#learn=`,
 * a what-if) is decoded by the analysis worker, so the worker starts before the
 * app is fetched (main.tsx then waits for its first script, `earlyWorkerLoaded`). Without one the worker starts on first use.
 */
if (location.hash.length > 1) startAnalysisWorkerEarly();
