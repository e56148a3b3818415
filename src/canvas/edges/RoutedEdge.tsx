import { BaseEdge, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ResourceEdge } from '../derive';
import type { Point } from './route';
import { useEdgeRoutes } from './routeRunner';

/** Corner radius of a routed path's bends (flow px), smaller where a segment is short. */
const CORNER = 8;

/** An SVG path through `points` in right angles, each bend rounded with a quadratic curve. */
export function roundedPath(points: readonly Point[], radius = CORNER): string {
  if (points.length === 0) return '';
  let d = `M ${points[0]!.x} ${points[0]!.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1]!, points[i]!, points[i + 1]!];
    const into = Math.hypot(b.x - a.x, b.y - a.y);
    const out = Math.hypot(c.x - b.x, c.y - b.y);
    const r = Math.min(radius, into / 2, out / 2);
    const before = { x: b.x - ((b.x - a.x) / (into || 1)) * r, y: b.y - ((b.y - a.y) / (into || 1)) * r };
    const after = { x: b.x + ((c.x - b.x) / (out || 1)) * r, y: b.y + ((c.y - b.y) / (out || 1)) * r };
    d += ` L ${before.x} ${before.y} Q ${b.x} ${b.y} ${after.x} ${after.y}`;
  }
  const last = points[points.length - 1]!;
  return `${d} L ${last.x} ${last.y}`;
}

/**
 * An edge along its routed path (`routeRunner`), around the boxes it doesn't
 * join, with its label where the router found room; React Flow's step path
 * between the handles until the route for the current positions arrives.
 */
function RoutedEdgeImpl(props: EdgeProps<ResourceEdge>) {
  const route = useEdgeRoutes((s) => (s.answered === s.wanted ? s.routes.get(props.id) : undefined));
  const [fallback, fallbackX, fallbackY] = getSmoothStepPath(props);
  const path = route ? roundedPath(route.points) : fallback;
  const at = route?.label ?? { x: fallbackX, y: fallbackY };
  return (
    <g data-routed={route ? 'true' : 'false'} data-source={props.source} data-target={props.target}>
      <BaseEdge
        id={props.id}
        path={path}
        style={props.style}
        markerEnd={props.markerEnd}
        label={props.label}
        labelX={at.x}
        labelY={at.y}
        labelStyle={props.labelStyle}
        labelShowBg={props.labelShowBg}
        labelBgStyle={props.labelBgStyle}
        labelBgPadding={props.labelBgPadding}
        labelBgBorderRadius={props.labelBgBorderRadius}
        interactionWidth={props.interactionWidth}
      />
    </g>
  );
}

export const RoutedEdgeView = memo(RoutedEdgeImpl);
export const EDGE_TYPES = { routed: RoutedEdgeView };
