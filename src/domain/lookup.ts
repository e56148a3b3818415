import type { Design, Kind, Resource, ResourceOf } from './design';

/**
 * Resources grouped by kind, computed once per `resources` object. Designs are
 * immutable (every command produces a new one), so identity is a safe cache key
 * and analyses that ask "all subnets" many times stay linear.
 */
const byKindCache = new WeakMap<Design['resources'], Map<Kind, Resource[]>>();

function groupByKind(resources: Design['resources']): Map<Kind, Resource[]> {
  let groups = byKindCache.get(resources);
  if (!groups) {
    groups = new Map();
    for (const resource of Object.values(resources)) {
      const list = groups.get(resource.kind);
      if (list) list.push(resource);
      else groups.set(resource.kind, [resource]);
    }
    byKindCache.set(resources, groups);
  }
  return groups;
}

/** All resources of one kind, in insertion order. Treat the array as read-only. */
export function resourcesOfKind<K extends Kind>(design: Design, kind: K): readonly ResourceOf<K>[] {
  return (groupByKind(design.resources).get(kind) ?? []) as ResourceOf<K>[];
}

/** The resource with this id if it is of the given kind. */
export function getResource<K extends Kind>(
  design: Design,
  id: string | null | undefined,
  kind: K,
): ResourceOf<K> | undefined {
  if (!id) return undefined;
  const r = Object.hasOwn(design.resources, id) ? design.resources[id] : undefined;
  return r && r.kind === kind ? (r as ResourceOf<K>) : undefined;
}

/** The resource with this id, of any kind (own keys only: an id is never looked up on the prototype). */
export function resourceById(design: Design, id: string | null | undefined): Resource | undefined {
  return id && Object.hasOwn(design.resources, id) ? design.resources[id] : undefined;
}

/** Where the layout places a resource, when it says. */
export function layoutParent(design: Design, id: string): Resource | undefined {
  const entry = Object.hasOwn(design.layout, id) ? design.layout[id] : undefined;
  return resourceById(design, entry?.parentId);
}
