import type { Design, IdSource, LayoutEntry } from '../../domain';
import { createForDrop, type NewResourceSpec } from '../placement';
import type { EditResult } from './result';
import { withLayout } from './layout';

/**
 * Adds what a palette item makes, dropped at `position` inside `containerId`
 * (null: the open canvas); without a position it is placed automatically.
 */
export function addResource(
  design: Design,
  spec: NewResourceSpec,
  containerId: string | null,
  ids: IdSource,
  position?: { x: number; y: number },
): EditResult {
  const container =
    containerId && Object.hasOwn(design.resources, containerId) ? design.resources[containerId] : undefined;
  const placement = createForDrop(design, spec, container, ids);
  if (!placement.ok) return placement;
  const resources = { ...design.resources };
  for (const resource of placement.resources) resources[resource.id] = resource;
  const parentId = (containerId ?? null) as LayoutEntry['parentId'];
  const next = withLayout(
    { ...design, resources },
    placement.primaryId,
    position ? { x: Math.round(position.x), y: Math.round(position.y), parentId } : { parentId },
  );
  return { ok: true, design: next, id: placement.primaryId };
}
