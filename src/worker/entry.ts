import { expose } from 'comlink';
import { inputsApi } from '../scenarios/inputs';
import { WORKER_LOADED, type WorkerApi } from './protocol';

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

/** A part of the API whose code is fetched on its first call. */
type Part = () => Promise<object>;

function once(load: () => Promise<object>): Part {
  let loaded: Promise<object> | null = null;
  return () => (loaded ??= load());
}

const analyses = once(async () => (await import('../sim/analysisApi')).analysisApi);
const lessons = once(async () => (await import('../scenarios/learn/learnApi')).learnApi);
const grading = once(async () => (await import('../scenarios/learn/gradingApi')).gradingApi);
const iac = once(async () => (await import('../scenarios/iacInputs')).iacApi);
const diff = once(async () => (await import('../scenarios/diff')).diffApi);

/**
 * Where each call's code lives. Typed over every name of `WorkerApi` that the
 * worker fetches later, so a new call does not compile until it is placed here.
 */
const LATER: Record<Exclude<keyof WorkerApi, keyof typeof inputsApi | 'ping'>, Part> = {
  exposure: analyses,
  exposureUpload: analyses,
  exposureCancel: analyses,
  simLoad: analyses,
  simSync: analyses,
  simRestore: analyses,
  simPlay: analyses,
  simPause: analyses,
  simStep: analyses,
  simSpeed: analyses,
  simAct: analyses,
  simFault: analyses,
  checkGoals: lessons,
  gradeSubmission: grading,
  importIacFile: iac,
  exportIacFiles: iac,
  diffDesigns: diff,
};

function later(name: keyof typeof LATER) {
  return async (...args: unknown[]): Promise<unknown> => {
    const part = (await LATER[name]()) as Record<string, (...callArgs: unknown[]) => unknown>;
    return part[name]!(...args);
  };
}

/**
 * The Web Worker entry: heavy analyses, the simulation, goal checks and the
 * reading of links and files run here, off the main thread. A thin shell, like
 * the CLI, over the pure layers. Only the readers of links and files are in its
 * first script, so a share link is decoded as soon as the worker starts; the
 * simulation, analyses, lesson checks, code formats and diffs are fetched on
 * their first call.
 */
// Through comlink every call is a promise on the page, so answering later with one is the same to it.
const fetchedLater = Object.fromEntries(
  Object.keys(LATER).map((name) => [name, later(name as keyof typeof LATER)]),
) as unknown as Omit<WorkerApi, keyof typeof inputsApi | 'ping'>;

export const workerApi: WorkerApi = {
  ...inputsApi,
  ...fetchedLater,
  ping: () => locked.then(() => 'ok' as const),
};

expose(workerApi);
self.postMessage(WORKER_LOADED);
