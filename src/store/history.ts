/**
 * Undo history over immutable snapshots. Each command is one step, except
 * that commands sharing a coalesce key within COALESCE_MS of each other (a
 * drag, typing in a field) merge into the step that began the burst.
 */
export const COALESCE_MS = 800;
export const HISTORY_LIMIT = 200;

export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** The key and time of the last recorded command, to merge bursts. */
  last: { key: string; at: number } | null;
}

export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [], last: null });

export function record<T>(history: History<T>, next: T, now: number, coalesceKey?: string): History<T> {
  if (next === history.present) return history;
  const merge = coalesceKey !== undefined && history.last?.key === coalesceKey && now - history.last.at <= COALESCE_MS;
  const past = merge ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], last: coalesceKey === undefined ? null : { key: coalesceKey, at: now } };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    last: null,
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, last: null };
}
