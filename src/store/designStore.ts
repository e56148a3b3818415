import { produce, type Draft } from 'immer';
import { create } from 'zustand';
import { emptyDesign, type Design } from '../domain';
import { record, redo, startHistory, undo, type History } from './history';

/**
 * The design and its undo history. Commands are the only way the design
 * changes; each is one undo step (or joins a burst with the same coalesce key).
 */
export interface DesignState {
  history: History<Design>;
  /** While true (a read-only view of a link) every edit, undo and redo is ignored. */
  locked: boolean;
  /** Applies an edit as one undoable command. */
  apply: (recipe: (draft: Draft<Design>) => void, options?: { coalesceKey?: string }) => void;
  /** Replaces the whole design (an edit from `engine/edits`, a file, a template) as one undoable step. */
  replace: (design: Design, options?: { coalesceKey?: string }) => void;
  undo: () => void;
  redo: () => void;
  /** Ends the current burst, so the next edit starts a new undo step (called when a field loses focus). */
  endBurst: () => void;
}

export const createDesignStore = (initial: Design = emptyDesign(), now: () => number = Date.now) =>
  create<DesignState>()((set) => ({
    history: startHistory(initial),
    locked: false,
    apply: (recipe, options) =>
      set((state) =>
        state.locked
          ? state
          : { history: record(state.history, produce(state.history.present, recipe), now(), options?.coalesceKey) },
      ),
    replace: (design, options) =>
      set((state) => (state.locked ? state : { history: record(state.history, design, now(), options?.coalesceKey) })),
    undo: () => set((state) => (state.locked ? state : { history: undo(state.history) })),
    redo: () => set((state) => (state.locked ? state : { history: redo(state.history) })),
    endBurst: () => set((state) => (state.history.last ? { history: { ...state.history, last: null } } : state)),
  }));

export const useDesignStore = createDesignStore();

export const selectDesign = (state: DesignState): Design => state.history.present;
export const selectCanUndo = (state: DesignState): boolean => state.history.past.length > 0;
export const selectCanRedo = (state: DesignState): boolean => state.history.future.length > 0;
