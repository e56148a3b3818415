import type { Design, LayoutEntry } from '../../domain';

/** A layout entry merged into what was there, keeping the parent unless a new one is given. */
export function withLayout(design: Design, id: string, entry: Partial<LayoutEntry>): Design {
  const previous = design.layout[id];
  const parentId = (
    entry.parentId !== undefined ? entry.parentId : (previous?.parentId ?? null)
  ) as LayoutEntry['parentId'];
  return { ...design, layout: { ...design.layout, [id]: { ...previous, ...entry, parentId } } };
}

export interface NodeMove {
  id: string;
  x: number;
  y: number;
  parentId: string | null;
}

/** Stores where nodes were dragged to, on whole pixels. */
export function moveNodes(design: Design, moves: readonly NodeMove[]): Design {
  let next = design;
  for (const move of moves)
    next = withLayout(next, move.id, {
      x: Math.round(move.x),
      y: Math.round(move.y),
      parentId: move.parentId as LayoutEntry['parentId'],
    });
  return next;
}
