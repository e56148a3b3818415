import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import type { ResourceEdge, ResourceNode } from '../derive';

export interface MiniMapBox {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  stroke: string;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Surface colours per theme (slate-800 is the dark panels' surface); the mask dims what lies outside the view, and the view's outline keeps at least 3:1 against the surface. */
export const MINIMAP_SURFACE = {
  light: { background: '#ffffff', mask: 'rgba(226, 232, 240, 0.65)', outline: '#64748b' },
  dark: { background: '#1e293b', mask: 'rgba(2, 6, 23, 0.6)', outline: '#94a3b8' },
} as const;

const PADDING_PX = 5;

/** How far the shown area reaches past the boxes when the view leaves them: in steps of this part of their size. */
const OUTSIDE_STEPS = 4;

/**
 * The flow area the minimap shows: the boxes and the view together, centred, with a small margin.
 * Where the view lies outside the boxes the area grows in steps (a quarter of the boxes' size), not
 * with every pixel of a pan: each change of area redraws the minimap and resizes its view rectangle,
 * a repaint that makes the browser re-layer the whole page, and at thousands of nodes that was most
 * of a pan frame. Within a step a pan only moves the rectangle, which the compositor does alone.
 */
export function minimapViewBox(boxes: readonly Rect[], view: Rect, widthPx: number, heightPx: number): Rect {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const b of boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  if (left === Infinity) {
    left = view.x;
    top = view.y;
    right = view.x + view.width;
    bottom = view.y + view.height;
  }
  const step = Math.max(right - left, bottom - top, view.width, view.height) / OUTSIDE_STEPS;
  const reach = (past: number) => (past > 0 ? Math.ceil(past / step) * step : 0);
  left -= reach(left - view.x);
  top -= reach(top - view.y);
  right += reach(view.x + view.width - right);
  bottom += reach(view.y + view.height - bottom);
  const scale = Math.max((right - left) / widthPx, (bottom - top) / heightPx);
  const offset = PADDING_PX * scale;
  const width = scale * widthPx;
  const height = scale * heightPx;
  return {
    x: left - (width - (right - left)) / 2 - offset,
    y: top - (height - (bottom - top)) / 2 - offset,
    width: width + 2 * offset,
    height: height + 2 * offset,
  };
}

const transformOf = (s: ReactFlowState) => s.transform;
const sizeOf = (s: ReactFlowState) => `${s.width}x${s.height}`;
const nodesOf = (s: ReactFlowState) => s.nodes;

/**
 * The design in miniature with the view drawn over it. React Flow's own minimap is an SVG with a rect per
 * node, which the browser repaints whenever the view moves; at thousands of nodes that repaint was most
 * of a pan frame. Here the boxes are drawn once into a <canvas> (again only when the nodes or the shown
 * area change) and a pan moves only the one path of the mask above it. Drag to pan, wheel to zoom.
 */
export function CanvasMiniMap({
  colours,
  theme,
  width = 160,
  height = 112,
}: {
  colours: (node: ResourceNode) => { fill: string; stroke: string };
  theme: 'light' | 'dark';
  width?: number;
  height?: number;
}) {
  const flow = useReactFlow<ResourceNode, ResourceEdge>();
  const [tx, ty, zoom] = useStore(transformOf);
  const paneSize = useStore(sizeOf);
  const nodes = useStore(nodesOf);
  const lookup = useStore((s) => s.nodeLookup);
  const canvas = useRef<HTMLCanvasElement>(null);
  const surface = MINIMAP_SURFACE[theme];

  // Boxes in flow coordinates; recomputed when the nodes change (a drag, a measurement, an edit), never on a pan.
  const boxes = useMemo<MiniMapBox[]>(() => {
    void nodes;
    const out: MiniMapBox[] = [];
    for (const node of lookup.values()) {
      if (node.hidden) continue;
      const { x, y } = node.internals.positionAbsolute;
      const w = node.measured.width ?? node.width ?? 0;
      const h = node.measured.height ?? node.height ?? 0;
      if (w === 0 || h === 0) continue;
      out.push({ x, y, width: w, height: h, ...colours(node.internals.userNode as ResourceNode) });
    }
    return out;
  }, [nodes, lookup, colours]);

  const [paneWidth = 0, paneHeight = 0] = paneSize.split('x').map(Number);
  const view = { x: -tx / zoom, y: -ty / zoom, width: paneWidth / zoom, height: paneHeight / zoom };
  const shown = minimapViewBox(boxes, view, width, height);
  const scale = shown.width / width;
  // Rounded so that a pan within the boxes' bounds leaves the key, and the drawing, unchanged.
  const shownKey = [shown.x, shown.y, shown.width, shown.height].map((v) => v.toFixed(1)).join(',');

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.round(width * ratio);
    element.height = Math.round(height * ratio);
    context.setTransform(ratio / scale, 0, 0, ratio / scale, (-shown.x * ratio) / scale, (-shown.y * ratio) / scale);
    context.clearRect(shown.x, shown.y, shown.width, shown.height);
    context.lineWidth = 1.5 * scale;
    for (const box of boxes) {
      context.fillStyle = box.fill;
      context.strokeStyle = box.stroke;
      context.beginPath();
      context.roundRect(box.x, box.y, box.width, box.height, 2 * scale);
      context.fill();
      context.stroke();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- shownKey stands for `shown` and `scale`.
  }, [boxes, shownKey, width, height]);

  const drag = useRef<{ pointer: number; x: number; y: number } | null>(null);
  const onPointerDown = (event: React.PointerEvent<SVGSVGElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointer: event.pointerId, x: event.clientX, y: event.clientY };
  };
  const onPointerMove = (event: React.PointerEvent<SVGSVGElement>) => {
    const from = drag.current;
    if (!from || from.pointer !== event.pointerId) return;
    // A minimap pixel is `scale` flow units; the view moves the other way to follow the dragged rectangle.
    const dx = (event.clientX - from.x) * scale * zoom;
    const dy = (event.clientY - from.y) * scale * zoom;
    drag.current = { ...from, x: event.clientX, y: event.clientY };
    const now = flow.getViewport();
    void flow.setViewport({ x: now.x - dx, y: now.y - dy, zoom: now.zoom });
  };
  const onPointerEnd = () => (drag.current = null);

  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    // Not a React onWheel: that listener is passive, and the page must not scroll while zooming here.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const factor = Math.pow(2, -event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002));
      void flow.zoomTo(Math.min(2, Math.max(0.1, flow.getZoom() * factor)));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [flow]);

  // The view's rectangle is a box moved by a transform, its shadow the mask: a pan changes only the
  // transform, which the compositor applies without repainting (and re-layering) the page.
  const left = (view.x - shown.x) / scale;
  const top = (view.y - shown.y) / scale;
  return (
    <Panel
      position="bottom-right"
      className="react-flow__minimap nimbus-minimap"
      style={{ width, height, background: surface.background, overflow: 'hidden' }}
    >
      <canvas ref={canvas} aria-hidden style={{ position: 'absolute', inset: 0, width, height }} />
      <div
        aria-hidden
        style={{
          position: 'absolute',
          left: 0,
          top: 0,
          width: view.width / scale,
          height: view.height / scale,
          transform: `translate(${left}px, ${top}px)`,
          willChange: 'transform',
          boxShadow: `0 0 0 ${2 * (width + height)}px ${surface.mask}`,
          outline: `1px solid ${surface.outline}`,
        }}
      />
      <svg
        ref={svg}
        role="img"
        aria-label="Minimap"
        width={width}
        height={height}
        style={{ position: 'absolute', inset: 0, cursor: 'grab', touchAction: 'none' }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
      />
    </Panel>
  );
}
