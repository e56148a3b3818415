import { referencesOf, resourceById, type Design } from '../../domain';
import { deleteResources, deletionSet } from './deleteResources';

/**
 * Makes a design from partial input (a few `describe-*` files) hang together,
 * reading each kind's declared references: a reference to something that is
 * not there is cleared or removed from its list; a resource that can't exist
 * without what is missing is left out. References a kind keeps on purpose
 * (a route to a missing target is a blackhole, as in AWS) stay. Each change
 * comes back as a note for the user.
 */
export function repairReferences(design: Design): { design: Design; notes: string[] } {
  const notes: string[] = [];
  const missing = new Set<string>();
  const orphans: string[] = [];
  for (const resource of Object.values(design.resources)) {
    for (const ref of referencesOf(resource)) {
      if (ref.onDelete === 'keep') continue;
      const absent = ref.ids(resource).filter((id) => !resourceById(design, id));
      if (absent.length === 0) continue;
      for (const id of absent) missing.add(id);
      if (ref.onDelete === 'deleteSelf') {
        orphans.push(resource.id);
        notes.push(`${resource.id}: its ${ref.field} ${absent.join(', ')} is not in these files; skipped`);
      } else {
        notes.push(`${resource.id}: ${ref.field} named ${absent.join(', ')}, which is not in these files; left out`);
      }
    }
  }
  if (missing.size === 0) return { design, notes };
  const resources: Design['resources'] = {};
  for (const [id, resource] of Object.entries(design.resources)) {
    let next = resource;
    for (const ref of referencesOf(resource))
      if (ref.onDelete === 'clear' || ref.onDelete === 'remove') next = ref.without(next, missing);
    resources[id] = next;
  }
  const repaired = { ...design, resources };
  if (orphans.length === 0) return { design: repaired, notes };
  const gone = deletionSet(repaired, orphans);
  const pruned = deleteResources(repaired, orphans);
  // What went with a skipped resource (drawn inside it, or unable to exist without it) is said too.
  for (const id of gone) if (!orphans.includes(id)) notes.push(`${id}: skipped with what it belongs to`);
  return { design: pruned.ok ? pruned.design : repaired, notes };
}
