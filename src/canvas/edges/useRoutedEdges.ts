import { useEffect, useMemo } from 'react';
import type { ResourceEdge, ResourceNode } from '../derive';
import { labelText } from './labels';
import type { RouteBox, RouteRequest } from './route';
import { declineRoutes, requestKey, requestRoutes, ROUTE_NODE_LIMIT, UNROUTED_KEY, useEdgeRoutes } from './routeRunner';

/** How long positions must stay still before edges are routed again (a drag moves them every frame). */
const SETTLE_MS = 120;

/** The drawn nodes as boxes in absolute flow coordinates (a node's position is relative to its parent). */
export function absoluteBoxes(nodes: readonly ResourceNode[]): RouteBox[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const absolute = new Map<string, { x: number; y: number }>();
  const place = (node: ResourceNode, depth = 0): { x: number; y: number } => {
    const known = absolute.get(node.id);
    if (known) return known;
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    const origin = parent && depth < 20 ? place(parent, depth + 1) : { x: 0, y: 0 };
    const at = { x: origin.x + node.position.x, y: origin.y + node.position.y };
    absolute.set(node.id, at);
    return at;
  };
  return nodes.map((node) => ({
    id: node.id,
    ...place(node),
    width: node.measured?.width ?? node.width ?? 0,
    height: node.measured?.height ?? node.height ?? 0,
    parentId: node.parentId && byId.has(node.parentId) ? node.parentId : null,
  }));
}

/**
 * Asks for routes for `edges` between `nodes` as drawn, once they have stayed put for a moment. A design
 * over `ROUTE_NODE_LIMIT` nodes is not routed, so its boxes are not gathered or keyed at all: that cost
 * (a pass over every node and a JSON key of them all) came with every click and keystroke, and with
 * every chunk of a large design being drawn.
 */
export function useRoutedEdges(nodes: readonly ResourceNode[], edges: readonly ResourceEdge[]): void {
  const routed = nodes.length <= ROUTE_NODE_LIMIT;
  // Over the limit the request is null whatever the nodes are, so it is not worked out again when they change.
  const drawnNodes = routed ? nodes : null;
  const drawnEdges = routed ? edges : null;
  const request = useMemo<RouteRequest | null>(
    () =>
      drawnNodes && drawnEdges
        ? {
            boxes: absoluteBoxes(drawnNodes),
            edges: drawnEdges.map((e) => ({
              id: e.id,
              source: e.source,
              target: e.target,
              ...(labelText(e) ? { label: labelText(e)! } : {}),
            })),
          }
        : null,
    [drawnNodes, drawnEdges],
  );
  const key = useMemo(() => (request ? requestKey(request) : UNROUTED_KEY), [request]);
  useEffect(() => {
    useEdgeRoutes.setState({ wanted: key });
    const timer = setTimeout(() => (request ? requestRoutes(request, key) : declineRoutes()), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [key, request]);
}
