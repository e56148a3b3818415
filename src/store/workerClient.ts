import type { Design } from '../domain';
import type { IacCompanion } from '../share/iac';
import type { WorkerApi } from '../worker/protocol';
import { useViewStore } from './viewStore';
import {
  WorkerError,
  WorkerSupervisor,
  webLockExit,
  type SupervisorOptions,
  type WorkerCalls,
} from './workerSupervisor';
import { createAnalysisWorker, WORKER_NAME_PREFIX } from './workerStart';

export { WorkerError } from './workerSupervisor';

/** Time limits of calls that may take long on a big design; everything else answers at once. */
const SLOW_CALLS: Record<string, number> = {
  ping: 10_000,
  exposure: 60_000,
  checkGoals: 60_000,
  /** One submission's goal checks, as checkGoals. */
  gradeSubmission: 60_000,
  simRestore: 120_000,
  decodeDesignLink: 30_000,
  decodeChallengeLink: 30_000,
  parseDesignFile: 30_000,
  parseLessonFile: 30_000,
  importIacFile: 30_000,
  exportIacFiles: 30_000,
  /** Two exposure analyses, validations and cost runs: seconds on a design of thousands of resources. */
  diffDesigns: 60_000,
};

const browserWorker: SupervisorOptions = {
  create: createAnalysisWorker,
  watchExit: webLockExit,
  timeoutMs: (method) => SLOW_CALLS[method] ?? 15_000,
  namePrefix: WORKER_NAME_PREFIX,
};

/**
 * Says what a restart means for each part of the app: a listener brings the
 * new worker up to date and returns a sentence for the notice (or nothing).
 */
type RestartListener = () => Promise<string | null>;
const restartListeners = new Set<RestartListener>();

export function onWorkerRestart(listener: RestartListener): () => void {
  restartListeners.add(listener);
  return () => restartListeners.delete(listener);
}

let supervisor: WorkerSupervisor<WorkerApi> | null = null;

function supervise(options: SupervisorOptions): WorkerSupervisor<WorkerApi> {
  const next = new WorkerSupervisor<WorkerApi>(options);
  next.subscribe((event) => {
    if (event.type === 'failed') {
      useViewStore.getState().notify({
        tone: 'error',
        title: `The simulation worker could not start (${event.reason}). Simulation, exposure and lesson checks are unavailable; reload the page to try again.`,
      });
      return;
    }
    void Promise.all(
      [...restartListeners].map((listener) => listener().catch((error: unknown) => describeWorkerError(error))),
    ).then((sentences) => {
      useViewStore.getState().notify({
        tone: 'warning',
        title: [
          `The simulation worker stopped (${event.reason}); Nimbus restarted it.`,
          ...sentences.filter(Boolean),
        ].join(' '),
      });
    });
  });
  return next;
}

/** The analysis worker, started on first use and replaced if it is lost. */
export function analysisWorker(): WorkerCalls<WorkerApi> {
  supervisor ??= supervise(browserWorker);
  return supervisor.api;
}

/** Replaces how the worker is made (tests run it in-process); returns the new supervisor. */
export function superviseWorkerWith(options: SupervisorOptions): WorkerSupervisor<WorkerApi> {
  supervisor?.dispose();
  supervisor = supervise(options);
  return supervisor;
}

export const describeWorkerError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const isWorkerError = (error: unknown): error is WorkerError => error instanceof WorkerError;

/**
 * Reads untrusted input in the worker so a huge one can't freeze the page;
 * when no worker can run, the same pure function runs here, as it always did.
 */
export async function offMainThread<T>(inWorker: () => Promise<T>, here: () => T | Promise<T>): Promise<T> {
  try {
    return await inWorker();
  } catch (error) {
    if (isWorkerError(error) && error.kind !== 'timeout') return here();
    throw error;
  }
}

/**
 * The readers of files and code, for a page without a worker: fetched then,
 * since the code formats (their mappings and YAML) are not needed to draw.
 */
const inputs = () => import('../scenarios/inputs');

/** A design file's text, parsed and validated off the main thread. */
export const parseDesignText = (text: string) =>
  offMainThread(
    () => analysisWorker().parseDesignFile(text),
    async () => (await import('../domain/parse')).parseDesignJson(text),
  );

/** A CloudFormation or Terraform file, imported off the main thread. */
export const importIacText = (text: string, fileName: string, companions: IacCompanion[] = []) =>
  offMainThread(
    () => analysisWorker().importIacFile(text, fileName, companions),
    async () => (await import('../scenarios/iacInputs')).importIacFile(text, fileName, companions),
  );

/** A design written as CloudFormation or Terraform off the main thread. */
export const exportIacFilesOf = (design: Design, formatId: string) =>
  offMainThread(
    () => analysisWorker().exportIacFiles(design, formatId),
    async () => (await import('../scenarios/iacInputs')).exportIacFiles(design, formatId),
  );

/** A challenge file's text, parsed and validated off the main thread. */
export const parseLessonText = (text: string) =>
  offMainThread(
    () => analysisWorker().parseLessonFile(text),
    async () => (await inputs()).parseLessonFile(text),
  );
