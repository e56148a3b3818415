import type { ResourceEdge } from '../derive';

/** The text an edge's label shows (a route's destination; a blackhole says so), or null for none. */
export function labelText(edge: ResourceEdge): string | null {
  if (typeof edge.label === 'string' && edge.label) return edge.label;
  return edge.data?.label ?? null;
}
