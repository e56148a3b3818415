import { referencesOf, type Design, type Resource } from '../../domain';
import { ancestorsOf } from '../containment';
import type { EditResult } from './result';

/** Everything drawn inside the given resources (containers take their contents with them). */
export function descendantsOf(design: Design, ids: readonly string[]): string[] {
  const roots = new Set(ids);
  return Object.values(design.resources)
    .filter((r) => !roots.has(r.id) && ancestorsOf(design, r).some((a) => roots.has(a.id)))
    .map((r) => r.id);
}

/**
 * What deleting `ids` removes: the resources, what is drawn inside them, and
 * whatever can't exist without them (a reference declared `deleteSelf` in its
 * kind's spec), repeated until nothing more goes.
 */
export function deletionSet(design: Design, ids: readonly string[]): Set<string> {
  const doomed = new Set(ids.filter((id) => Object.hasOwn(design.resources, id)));
  const doom = (id: string): boolean => {
    if (doomed.has(id)) return false;
    doomed.add(id);
    return true;
  };
  for (let grew = true; grew;) {
    grew = false;
    for (const id of descendantsOf(design, [...doomed])) grew = doom(id) || grew;
    for (const r of Object.values(design.resources)) {
      const orphaned = referencesOf(r).some(
        (ref) => ref.onDelete === 'deleteSelf' && ref.ids(r).some((id) => doomed.has(id)),
      );
      if (orphaned) grew = doom(r.id) || grew;
    }
  }
  return doomed;
}

/** The resource with its references to deleted resources cleared or removed, as its spec says. */
function withoutReferencesTo(resource: Resource, gone: ReadonlySet<string>): Resource {
  let next = resource;
  for (const ref of referencesOf(resource))
    if (ref.onDelete === 'clear' || ref.onDelete === 'remove') next = ref.without(next, gone);
  return next;
}

/**
 * Deletes resources, what they contain and what can't exist without them.
 * References from the rest are cleared, except those a kind keeps on purpose:
 * AWS keeps a route whose target is deleted as a blackhole, and so does Nimbus.
 */
export function deleteResources(design: Design, ids: readonly string[]): EditResult {
  const doomed = deletionSet(design, ids);
  if (doomed.size === 0) return { ok: false, reason: 'Nothing selected.' };
  const resources: Design['resources'] = {};
  for (const [id, r] of Object.entries(design.resources))
    if (!doomed.has(id)) resources[id] = withoutReferencesTo(r, doomed);
  const layout: Design['layout'] = {};
  for (const [id, entry] of Object.entries(design.layout))
    if (!doomed.has(id) && !(entry.parentId && doomed.has(entry.parentId))) layout[id] = entry;
  return {
    ok: true,
    design: { ...design, resources, layout },
    message: `Deleted ${doomed.size} resource${doomed.size === 1 ? '' : 's'}.`,
  };
}
