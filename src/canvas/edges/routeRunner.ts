import { create } from 'zustand';
import type { RouteRequest, RoutedEdge } from './route';

/**
 * The routed paths of the drawn edges, computed in a Web Worker
 * (`routeWorker.ts`) from the nodes' boxes as they are drawn, and asked again
 * a moment after positions change. Until an answer for the current boxes
 * arrives (and for edges the router leaves out) an edge is drawn as React
 * Flow's own step path between its handles.
 */
export interface RouteState {
  routes: ReadonlyMap<string, RoutedEdge>;
  /** The request the routes answer, by key; `pending` while a newer one is out. */
  answered: string;
  /** The key of the boxes as drawn now: routes are shown only while they answer it (not mid-drag). */
  wanted: string;
  pending: boolean;
  /** Why routing is off, shown on the canvas (too many nodes, or the router failed). */
  note: string | null;
}

export const useEdgeRoutes = create<RouteState>(() => ({
  routes: new Map(),
  answered: '',
  wanted: '',
  pending: false,
  note: null,
}));

/**
 * Above this many nodes edges are not routed: one router per group of edges
 * costs about the node count each, and a design that large reads by its
 * containers more than its few cross links.
 */
export const ROUTE_NODE_LIMIT = 800;

let worker: Worker | null = null;
let asked = 0;

/** A key for a request: equal requests (same boxes, same edges) are routed once. */
export function requestKey(request: RouteRequest): string {
  return JSON.stringify(request);
}

/** The key of every request over `ROUTE_NODE_LIMIT` boxes: such a design is never routed, whatever moves in it. */
export const UNROUTED_KEY = `over ${ROUTE_NODE_LIMIT} boxes`;

/** Says on the canvas that this design is too large to route; its edges keep React Flow's step paths. */
export function declineRoutes(): void {
  const state = useEdgeRoutes.getState();
  if (state.answered === UNROUTED_KEY && !state.pending) return;
  // A newer answer to an older request is not shown.
  asked++;
  useEdgeRoutes.setState({
    routes: new Map(),
    answered: UNROUTED_KEY,
    pending: false,
    note: `Edges are drawn as simple steps in designs over ${ROUTE_NODE_LIMIT} boxes; in smaller ones they are routed around boxes.`,
  });
}

/** Routes `request` in the worker (at most `ROUTE_NODE_LIMIT` boxes: larger designs go to `declineRoutes`). */
export function requestRoutes(request: RouteRequest, key = requestKey(request)): void {
  const state = useEdgeRoutes.getState();
  if (key === state.answered && !state.pending) return;
  if (request.edges.length === 0) {
    useEdgeRoutes.setState({ routes: new Map(), answered: key, pending: false, note: null });
    return;
  }
  const id = ++asked;
  useEdgeRoutes.setState({ pending: true });
  try {
    worker ??= new Worker(new URL('./routeWorker.ts', import.meta.url), { type: 'module', name: 'edge-router' });
  } catch (error) {
    useEdgeRoutes.setState({ pending: false, note: `Edges are not routed: ${String(error)}` });
    return;
  }
  worker.onmessage = (event: MessageEvent<{ id: number; routes?: [string, RoutedEdge][]; error?: string }>) => {
    // Only the newest request's answer is shown.
    if (event.data.id !== asked) return;
    if (event.data.error !== undefined)
      useEdgeRoutes.setState({ pending: false, answered: key, note: `Edges are not routed: ${event.data.error}` });
    else useEdgeRoutes.setState({ routes: new Map(event.data.routes), answered: key, pending: false, note: null });
  };
  worker.postMessage({ id, request });
}
