import { useReactFlow, useStoreApi, type FitViewOptions } from '@xyflow/react';
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ResourceEdge, ResourceNode } from './derive';

/**
 * Room fit view leaves for what floats over the canvas. The simulation
 * toolbar (about 40 px tall, 12 px from the top) always needs the top 64 px;
 * a card in the top-left corner while it is shown (the *Try this* card after a
 * template opens) needs either its width on the left or its height on top,
 * whichever leaves the design larger, so no node sits under it.
 */
export interface Sides {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const BASE_PADDING: Sides = { top: 64, right: 24, bottom: 24, left: 24 };
/** Space kept between such a card and the nearest node (screen px). */
export const CARD_GAP = 12;

/** The top-left corner a card covers, from the canvas's top-left corner to the card's far corner (screen px). */
export interface CoveredCorner {
  right: number;
  bottom: number;
}

interface FitViewRoom {
  covered: CoveredCorner | null;
}

/** Set by the card while it is on screen (its measured box), cleared when it goes. */
export const useFitViewRoom = create<FitViewRoom>(() => ({ covered: null }));

const zoomWith = (padding: Sides, bounds: { width: number; height: number }, size: { width: number; height: number }) =>
  Math.min(
    (size.width - padding.left - padding.right) / Math.max(1, bounds.width),
    (size.height - padding.top - padding.bottom) / Math.max(1, bounds.height),
  );

/**
 * The padding for fitting `bounds` (flow units) into a canvas of `size` (screen px) with `covered`
 * kept clear: the base padding, widened on the left past the card or on top below it, whichever
 * gives the larger zoom (up to `maxZoom`; at equal zoom, the top, which keeps the design centred across).
 */
export function fitPadding(
  covered: CoveredCorner | null,
  bounds: { width: number; height: number },
  size: { width: number; height: number },
  maxZoom = 1,
): Sides {
  if (!covered) return BASE_PADDING;
  const beside: Sides = { ...BASE_PADDING, left: Math.max(BASE_PADDING.left, covered.right + CARD_GAP) };
  const below: Sides = { ...BASE_PADDING, top: Math.max(BASE_PADDING.top, covered.bottom + CARD_GAP) };
  const zoomBeside = Math.min(maxZoom, zoomWith(beside, bounds, size));
  const zoomBelow = Math.min(maxZoom, zoomWith(below, bounds, size));
  return zoomBeside > zoomBelow ? beside : below;
}

const px = (sides: Sides) => ({
  top: `${sides.top}px` as const,
  right: `${sides.right}px` as const,
  bottom: `${sides.bottom}px` as const,
  left: `${sides.left}px` as const,
});

let measure: (() => { bounds: { width: number; height: number }; size: { width: number; height: number } }) | null =
  null;

const MAX_FIT_ZOOM = 1;

/**
 * The options every fit view of the canvas uses. `padding` is worked out when React Flow reads it, at
 * each fit, from the card's room and the design's bounds (`useFitViewMeasure` lends them), so the
 * calls keep passing one constant.
 */
export const FIT_VIEW_OPTIONS: FitViewOptions<ResourceNode> = {
  get padding() {
    const covered = useFitViewRoom.getState().covered;
    const measured = covered && measure ? measure() : null;
    return px(measured ? fitPadding(covered, measured.bounds, measured.size, MAX_FIT_ZOOM) : BASE_PADDING);
  },
  maxZoom: MAX_FIT_ZOOM,
};

/** Lends fit view the design's bounds and the canvas's size; called once by the canvas. */
export function useFitViewMeasure(): void {
  const flow = useReactFlow<ResourceNode, ResourceEdge>();
  const store = useStoreApi<ResourceNode, ResourceEdge>();
  useEffect(() => {
    measure = () => {
      const { width, height } = store.getState();
      return { bounds: flow.getNodesBounds(flow.getNodes()), size: { width, height } };
    };
    return () => {
      measure = null;
    };
  }, [flow, store]);
}
