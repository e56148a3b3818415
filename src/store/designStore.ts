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

/**
 * Gives positions to resources the layout has none for. The canvas knows node
 * sizes and placement bands, and it sits above the store, so it hands its
 * placer in at start-up (`setLayoutPlacer`); until then nothing is placed.
 */
export interface LayoutPlacer {
  /** The design with a position for every resource that had none, every other entry unchanged. */
  placeMissing: (design: Design) => Design;
  /** The design with each copy put beside its original (`[copy, original]` ids), in the same container. */
  placeBeside: (design: Design, copies: ReadonlyArray<readonly [string, string]>) => Design;
}
let placer: LayoutPlacer = { placeMissing: (design) => design, placeBeside: (design) => design };

/**
 * Sets the placer every design goes through when it is opened and after every
 * edit, so automatic placement is computed once and saved with the design
 * (within the same undo step), and nothing moves afterwards unless moved.
 */
export function setLayoutPlacer(next: LayoutPlacer): void {
  placer = next;
}

/** `design` with a position for everything (the same object when nothing was missing). */
export const withPositions = (design: Design): Design => placer.placeMissing(design);

/** `design` with copies placed beside their originals. */
export const besideOriginals = (design: Design, copies: ReadonlyArray<readonly [string, string]>): Design =>
  placer.placeBeside(design, copies);

export const createDesignStore = (initial: Design = emptyDesign(), now: () => number = Date.now) =>
  create<DesignState>()((set) => ({
    history: startHistory(initial),
    locked: false,
    apply: (recipe, options) =>
      set((state) =>
        state.locked
          ? state
          : {
              history: record(
                state.history,
                withPositions(produce(state.history.present, recipe)),
                now(),
                options?.coalesceKey,
              ),
            },
      ),
    replace: (design, options) =>
      set((state) =>
        state.locked ? state : { history: record(state.history, withPositions(design), now(), options?.coalesceKey) },
      ),
    undo: () => set((state) => (state.locked ? state : { history: undo(state.history) })),
    redo: () => set((state) => (state.locked ? state : { history: redo(state.history) })),
    endBurst: () => set((state) => (state.history.last ? { history: { ...state.history, last: null } } : state)),
  }));

export const useDesignStore = createDesignStore();

export const selectDesign = (state: DesignState): Design => state.history.present;
export const selectCanUndo = (state: DesignState): boolean => state.history.past.length > 0;
export const selectCanRedo = (state: DesignState): boolean => state.history.future.length > 0;
