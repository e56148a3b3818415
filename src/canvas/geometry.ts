import type { InternalNode } from '@xyflow/react';
import type { ResourceNode } from './derive';
import { isContainer } from './layout';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function absoluteRect(node: InternalNode<ResourceNode>): Rect {
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width ?? node.width ?? 0, height: node.measured.height ?? node.height ?? 0 };
}

/** The innermost container under a flow-space point, ignoring `exclude` (a dragged node and what it holds). */
export function containerAt(
  nodes: Iterable<InternalNode<ResourceNode>>,
  point: { x: number; y: number },
  exclude: ReadonlySet<string> = new Set(),
): InternalNode<ResourceNode> | undefined {
  let best: InternalNode<ResourceNode> | undefined;
  let bestArea = Infinity;
  for (const node of nodes) {
    if (exclude.has(node.id) || !isContainer(node.data.resource)) continue;
    const r = absoluteRect(node);
    if (point.x < r.x || point.x > r.x + r.width || point.y < r.y || point.y > r.y + r.height) continue;
    const area = r.width * r.height;
    if (area < bestArea) {
      best = node;
      bestArea = area;
    }
  }
  return best;
}
