import type { Resource } from '../design';
import type { DropResult } from './spec';

/** A drop that makes one resource. */
export const created = (resource: Resource): DropResult => ({
  ok: true,
  resources: [resource],
  primaryId: resource.id,
});

/** A drop refused for a reason the user reads at the pointer. */
export const refusedDrop = (reason: string): DropResult => ({ ok: false, reason });
