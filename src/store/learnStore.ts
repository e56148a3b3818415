import { create } from 'zustand';
// The lesson's type alone: it is parsed with the stored text's readers; the goal checks (and the
// simulation they run) live in the analysis worker.
import type { Lesson } from '../scenarios/learn/schema';
import type { GoalResult } from '../scenarios/learn/evaluate';
import type { StorageLike } from './autosave';
import { useDesignStore } from './designStore';
import { readers } from './readers';
import { addToLibrary, openEntry, useLibraryStore } from './libraryStore';
import { useSimStore } from './simStore';
import { useViewStore } from './viewStore';
import { analysisWorker, isWorkerError, onWorkerRestart } from './workerClient';

/**
 * Learn mode: the lesson being worked on, its goals' live verdicts, and the
 * student's progress. A lesson opens its starting design as a new library
 * entry (the student's own designs are never touched); goals are checked in
 * the worker after every edit.
 */
export const PROGRESS_KEY = 'nimbus.learn';

export interface LearnState {
  active: { lesson: Lesson; entryId: string } | null;
  results: GoalResult[] | null;
  checking: boolean;
  completed: string[];
  hintsShown: string[];
  attempts: Record<string, string>;
}

export const useLearnStore = create<LearnState>()(() => ({
  active: null,
  results: null,
  checking: false,
  completed: [],
  hintsShown: [],
  attempts: {},
}));

let storage: StorageLike | null = null;

function saveProgress(): void {
  const { completed, active, attempts } = useLearnStore.getState();
  try {
    storage?.setItem(
      PROGRESS_KEY,
      JSON.stringify({
        version: 1,
        completed,
        attempts,
        active: active && { entryId: active.entryId, lesson: active.lesson },
      }),
    );
  } catch {
    // Progress is a convenience; a full storage is already reported by the library.
  }
}

/**
 * Opens a lesson: the design of an earlier attempt if it is still in the
 * library, otherwise its starting design as a new design; then checks its goals.
 */
export function startLesson(lesson: Lesson, { fresh = false } = {}): boolean {
  const { attempts } = useLearnStore.getState();
  // Lesson ids come from files and links: read own keys only (a lesson called "constructor" has no earlier attempt).
  const earlier = Object.hasOwn(attempts, lesson.id) ? attempts[lesson.id] : undefined;
  const resumable = !fresh && earlier && useLibraryStore.getState().entries.some((e) => e.id === earlier);
  if (!(resumable && openEntry(earlier))) {
    const name = `${lesson.kind === 'challenge' ? 'Challenge' : 'Lesson'}: ${lesson.title}`;
    if (!addToLibrary({ ...lesson.start, name })) return false;
  }
  const entryId = useLibraryStore.getState().currentId!;
  useLearnStore.setState((s) => ({
    active: { lesson, entryId },
    results: null,
    hintsShown: [],
    attempts: { ...s.attempts, [lesson.id]: entryId },
  }));
  useViewStore.setState({ panel: 'learn' });
  saveProgress();
  void checkNow();
  return true;
}

export function leaveLesson(): void {
  useLearnStore.setState({ active: null, results: null, hintsShown: [] });
  saveProgress();
}

export const showHint = (goalId: string): void =>
  useLearnStore.setState((s) => ({ hintsShown: [...new Set([...s.hintsShown, goalId])] }));

let generation = 0;

/** The running simulation's instance states (none when it is not running), so lifecycle actions there count. */
export function liveInstanceStates(): Record<string, string> {
  const frame = useSimStore.getState().frame;
  if (!frame) return {};
  // An instance no longer listed by EC2 ("gone") was terminated.
  return Object.fromEntries(
    Object.entries(frame.instances).map(([id, live]) => [id, live.state === 'gone' ? 'terminated' : live.state]),
  );
}

/** A short text of the live states, to notice when one changed. */
const statesKey = () =>
  Object.entries(liveInstanceStates())
    .map(([id, state]) => `${id}:${state}`)
    .join(',');

/** Checks the goals against the design on screen; a newer edit wins over a slower older check. */
export async function checkNow(): Promise<void> {
  const { active } = useLearnStore.getState();
  const library = useLibraryStore.getState();
  // Only the lesson's own design counts: never a design shown from a view link.
  if (!active || library.viewOnly || library.currentId !== active.entryId) return;
  const run = ++generation;
  useLearnStore.setState({ checking: true });
  let outcome: Awaited<ReturnType<ReturnType<typeof analysisWorker>['checkGoals']>>;
  try {
    outcome = await analysisWorker().checkGoals(
      useDesignStore.getState().history.present,
      active.lesson,
      liveInstanceStates(),
    );
  } catch (error) {
    // A lost worker is told in a notice and the goals are checked again in the new one.
    if (run === generation) useLearnStore.setState({ checking: false });
    if (!isWorkerError(error)) throw error;
    return;
  }
  if (run !== generation) return;
  if (!outcome.ok) {
    useLearnStore.setState({ checking: false, results: null });
    return;
  }
  const done = outcome.results.length > 0 && outcome.results.every((r) => r.met);
  useLearnStore.setState((s) => ({
    checking: false,
    results: outcome.results,
    completed: done && !s.completed.includes(active.lesson.id) ? [...s.completed, active.lesson.id] : s.completed,
  }));
  if (done) saveProgress();
}

onWorkerRestart(async () => {
  void checkNow();
  return null;
});

const CHECK_DELAY_MS = 200;

/** Restores progress and keeps goals checked while the lesson's design is open. */
export function startLearn(store: StorageLike): () => void {
  storage = store;
  let raw: string | null = null;
  try {
    raw = store.getItem(PROGRESS_KEY);
  } catch {
    raw = null;
  }
  let json: unknown = undefined;
  try {
    json = raw === null ? undefined : JSON.parse(raw);
  } catch {
    json = undefined;
  }
  const progress = readers().parseProgress(json);
  if (progress) {
    const lesson = progress.active ? readers().parseLesson(progress.active.lesson) : null;
    useLearnStore.setState({
      completed: progress.completed,
      attempts: progress.attempts,
      active: lesson?.ok ? { lesson: lesson.lesson, entryId: progress.active!.entryId } : null,
    });
    void checkNow();
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useDesignStore.subscribe((state, previous) => {
    if (state.history.present === previous.history.present || !useLearnStore.getState().active) return;
    clearTimeout(timer);
    timer = setTimeout(() => void checkNow(), CHECK_DELAY_MS);
  });
  // An instance stopped or terminated in the simulation is checked again too.
  let lastStates = statesKey();
  const unsubscribeSim = useSimStore.subscribe((state, previous) => {
    if (state.frame === previous.frame || !useLearnStore.getState().active) return;
    const now = statesKey();
    if (now === lastStates) return;
    lastStates = now;
    clearTimeout(timer);
    timer = setTimeout(() => void checkNow(), CHECK_DELAY_MS);
  });
  return () => {
    unsubscribe();
    unsubscribeSim();
    clearTimeout(timer);
  };
}
