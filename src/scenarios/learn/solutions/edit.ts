import type { Design, Kind, ResourceOf } from '../../../domain';

/**
 * Small helpers for the reference solutions: each solution edits a copy of the
 * start design the way a student would in the inspector (immer drafts), so the
 * tests prove the lesson can be finished with ordinary edits.
 */
export function draftOf<K extends Kind>(design: Design, id: string, kind: K): ResourceOf<K> {
  const resource = design.resources[id];
  if (!resource || resource.kind !== kind) throw new Error(`solution expects ${kind} "${id}" in the start design`);
  return resource as ResourceOf<K>;
}

/** The one resource of a kind with this name (solutions find builder-made ids by name). */
export function draftNamed<K extends Kind>(design: Design, kind: K, name: string): ResourceOf<K> {
  const found = Object.values(design.resources).filter((r) => r.kind === kind && r.name === name);
  if (found.length !== 1) throw new Error(`solution expects one ${kind} named "${name}", found ${found.length}`);
  return found[0] as ResourceOf<K>;
}

export function addResource<R extends Design['resources'][string]>(design: Design, resource: R): R {
  design.resources[resource.id] = resource;
  return resource;
}

export function removeResource(design: Design, id: string): void {
  delete design.resources[id];
  delete design.layout[id];
}
