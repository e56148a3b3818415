import { startAnalysisWorkerEarly } from './workerStart';

/**
 * Imported first by main.tsx: a link in the fragment (`#view=`, `#d=`, `#learn=`,
 * a what-if) is decoded by the analysis worker, so the worker starts before the
 * app's other modules run. Without one the worker starts on first use.
 */
if (location.hash.length > 1) startAnalysisWorkerEarly();
