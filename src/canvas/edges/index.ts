/**
 * Edges routed around boxes: the pure router adapter (`route.ts`, libavoid),
 * the worker runner and its store, the hook the canvas calls with what it
 * draws, and the edge component React Flow draws them with.
 */
export { EDGE_TYPES, roundedPath } from './RoutedEdge';
export { useRoutedEdges } from './useRoutedEdges';
export { useEdgeRoutes, ROUTE_NODE_LIMIT } from './routeRunner';
