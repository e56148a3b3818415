import { wrap, type Remote } from 'comlink';
import type { WorkerApi } from '../worker/protocol';

let remote: Remote<WorkerApi> | null = null;

/** The analysis worker, started on first use and kept for the session. */
export function analysisWorker(): Remote<WorkerApi> {
  if (!remote) remote = wrap<WorkerApi>(new Worker(new URL('../worker/entry.ts', import.meta.url), { type: 'module' }));
  return remote;
}
