import type { InternalNode } from '@xyflow/react';
import type { Design } from '../domain';
import { ancestorsOf, checkDrop, type NewResourceSpec } from '../engine';
import type { ResourceNode } from './derive';
import { absoluteRect } from './geometry';
import { dropPosition } from './layout';

/**
 * Where a new resource placed at `point` goes: into the container under it at the point, or, when that container
 * can't hold the kind (a subnet onto a subnet), into the nearest one above it that can, placed automatically. The
 * palette's drop and the canvas menu's "Add here" both place this way.
 */
export function dropPlacement(
  design: Design,
  spec: NewResourceSpec,
  point: { x: number; y: number },
  under: InternalNode<ResourceNode> | undefined,
  nodes: readonly ResourceNode[],
): { targetId: string | null; position?: { x: number; y: number } } {
  if (under && !checkDrop(design, spec.kind, under.data.resource).ok) {
    const accepting = ancestorsOf(design, under.data.resource).find((a) => checkDrop(design, spec.kind, a).ok);
    if (accepting) return { targetId: accepting.id };
  }
  const siblings = nodes
    .filter((n) => n.parentId === under?.id)
    .map((n) => ({ x: n.position.x, y: n.position.y, width: n.width ?? 0, height: n.height ?? 0 }));
  return {
    targetId: under?.id ?? null,
    position: dropPosition(
      spec.kind,
      point,
      under ? { kind: under.data.resource.kind, ...absoluteRect(under) } : null,
      siblings,
    ),
  };
}
