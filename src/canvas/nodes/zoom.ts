import { useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useCallback, useSyncExternalStore } from 'react';

/**
 * Level of detail from the canvas zoom. Nodes read a zoom *step*, not the
 * zoom itself, so a wheel turn re-renders the nodes only when it crosses a
 * step; between steps the text keeps its size in flow units and scales with
 * the view.
 */

/** The smallest text, in screen pixels, a resource name is drawn at (issue 19: names legible at fit view). */
export const MIN_NAME_PX = 11;

/**
 * Zoom steps, smallest first. A zoom is read as the largest step at or below
 * it, so text sized for the step is at least as large on screen at the real
 * zoom. The steps are about 12% apart: text is at most that much larger than
 * needed.
 */
export const ZOOM_STEPS = [
  0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.23, 0.26, 0.3, 0.34, 0.38, 0.43, 0.48, 0.54, 0.6, 0.68, 0.76, 0.86, 1,
] as const;

/** Below this zoom, cards show their name large and their badges; at and above it, every fact line. */
export const NEAR_ZOOM = 0.76;

/** The zoom step a zoom falls in (the smallest step for anything below it). */
export function zoomStep(zoom: number): number {
  let step: number = ZOOM_STEPS[0];
  for (const candidate of ZOOM_STEPS) if (candidate <= zoom) step = candidate;
  return step;
}

/** Whether a zoom step draws far detail (name and badges only). */
export const isFar = (step: number) => step < NEAR_ZOOM;

/**
 * The font size, in flow units, that puts `basePx` text at least `MIN_NAME_PX`
 * on screen at zoom step `step`, never below `basePx` and never above `capPx`
 * (the room the node has for it).
 */
export function nameFontPx(step: number, basePx: number, capPx: number): number {
  return Math.min(capPx, Math.max(basePx, Math.ceil((MIN_NAME_PX / step) * 2) / 2));
}

type FlowStore = ReturnType<typeof useStoreApi>;

/**
 * One watcher per canvas: it reads the zoom on every viewport change (each
 * frame of a pan) and tells the nodes only when the step changes. Each node
 * selecting from the canvas store itself would run thousands of selectors a
 * frame while a large design pans.
 */
interface StepWatch {
  step: number;
  listeners: Set<() => void>;
  stop: (() => void) | null;
}
const watches = new WeakMap<FlowStore, StepWatch>();

function watchOf(store: FlowStore): StepWatch {
  let watch = watches.get(store);
  if (!watch) {
    watch = { step: zoomStep(store.getState().transform[2]), listeners: new Set(), stop: null };
    watches.set(store, watch);
  }
  return watch;
}

/** Calls `listener` whenever the zoom of `store` (a canvas store) enters another step; returns the unsubscribe. */
export function subscribeToZoomStep(
  store: Pick<FlowStore, 'getState' | 'subscribe'>,
  listener: () => void,
): () => void {
  const watch = watchOf(store as FlowStore);
  watch.listeners.add(listener);
  if (!watch.stop) {
    watch.step = zoomStep(store.getState().transform[2]);
    watch.stop = store.subscribe((state: ReactFlowState) => {
      const step = zoomStep(state.transform[2]);
      if (step === watch.step) return;
      watch.step = step;
      for (const notify of watch.listeners) notify();
    });
  }
  return () => {
    watch.listeners.delete(listener);
    if (watch.listeners.size === 0) {
      watch.stop?.();
      watch.stop = null;
    }
  };
}

/** The zoom step `store` is at now, as its watcher last saw it. */
export function currentZoomStep(store: Pick<FlowStore, 'getState'>): number {
  const watch = watchOf(store as FlowStore);
  // Nobody listening means nobody updates the stored step: read it fresh.
  return watch.stop ? watch.step : zoomStep(store.getState().transform[2]);
}

/** The canvas's current zoom step; a node using it re-renders only when the step changes. */
export function useZoomStep(): number {
  const store = useStoreApi();
  const subscribeToStep = useCallback((listener: () => void) => subscribeToZoomStep(store, listener), [store]);
  return useSyncExternalStore(subscribeToStep, () => currentZoomStep(store));
}
