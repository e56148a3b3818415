import { useStore, type ReactFlowState } from '@xyflow/react';

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

const selectStep = (s: ReactFlowState) => zoomStep(s.transform[2]);

/** The canvas's current zoom step; a node using it re-renders only when the step changes. */
export const useZoomStep = () => useStore(selectStep);
