import { wrap, type Remote } from 'comlink';
import type { AnalysisApi } from '../sim/analysisApi';

let remote: Remote<AnalysisApi> | null = null;

/** The analysis worker, started on first use and kept for the session. */
export function analysisWorker(): Remote<AnalysisApi> {
  if (!remote) remote = wrap<AnalysisApi>(new Worker(new URL('../sim/worker.ts', import.meta.url), { type: 'module' }));
  return remote;
}
