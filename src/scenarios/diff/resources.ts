import type { Design, Resource } from '../../domain';

/** A resource as a diff names it: enough to say which one, in words and for the canvas. */
export interface ResourceRef {
  id: string;
  kind: Resource['kind'];
  name: string;
}

/** A resource on both sides whose fields differ; `id` is the after side's, `beforeId` set only when the ids differ. */
export interface ResourceChange extends ResourceRef {
  /** The top-level fields that differ (`name`, `inbound`, `routes`, …), in the resource's own field order. */
  fields: string[];
  /** The name before, when `name` changed. */
  nameBefore?: string;
  beforeId?: string;
}

export interface ResourceDiff {
  added: ResourceRef[];
  removed: ResourceRef[];
  changed: ResourceChange[];
  /** How many resources were matched by kind and name or CIDR rather than by id (see `MatchOptions`). */
  matchedByName: number;
}

export interface MatchOptions {
  /**
   * Match resources the ids leave unmatched by kind and CIDR (VPCs, subnets),
   * then by kind and name, when each is unique on both sides. For inputs read
   * from code without Nimbus ids (a template or plan written by hand gets
   * generated ids, which say nothing across two files). Off by default: ids
   * are a resource's identity, so a new id is a new resource.
   */
  matchByName?: boolean;
}

/**
 * Which after-side resource is which before-side one. `toBefore` maps an
 * after id to its before id wherever they differ (name matching), so
 * references inside resources, findings and paths compare in one id space.
 */
export interface ResourceMatching {
  pairs: { before: Resource; after: Resource }[];
  added: Resource[];
  removed: Resource[];
  toBefore: Map<string, string>;
}

const ref = (r: Resource): ResourceRef => ({ id: r.id, kind: r.kind, name: r.name });

/** The keys a resource may be matched by when its id finds nothing, most specific first. */
function naturalKeys(resource: Resource): string[] {
  const keys: string[] = [];
  const cidr = (resource as { cidr?: unknown }).cidr;
  if (typeof cidr === 'string') keys.push(`${resource.kind}|cidr|${cidr}`);
  keys.push(`${resource.kind}|name|${resource.name}`);
  return keys;
}

/** Resources keyed by one natural key, only where the key is unique among them. */
function uniqueBy(resources: readonly Resource[], keyAt: number): Map<string, Resource> {
  const seen = new Map<string, Resource | null>();
  for (const r of resources) {
    const key = naturalKeys(r)[keyAt];
    if (key === undefined) continue;
    seen.set(key, seen.has(key) ? null : r);
  }
  const unique = new Map<string, Resource>();
  for (const [key, r] of seen) if (r) unique.set(key, r);
  return unique;
}

export function matchResources(before: Design, after: Design, options: MatchOptions = {}): ResourceMatching {
  const pairs: ResourceMatching['pairs'] = [];
  const unmatchedBefore = new Map<string, Resource>();
  for (const [id, r] of Object.entries(before.resources)) unmatchedBefore.set(id, r);
  const unmatchedAfter: Resource[] = [];
  for (const [id, r] of Object.entries(after.resources)) {
    const old = unmatchedBefore.get(id);
    // Same id, other kind: not the same resource (an id reused for something else).
    if (old && old.kind === r.kind) {
      pairs.push({ before: old, after: r });
      unmatchedBefore.delete(id);
    } else unmatchedAfter.push(r);
  }
  const toBefore = new Map<string, string>();
  let stillAfter = unmatchedAfter;
  if (options.matchByName) {
    // Two passes: CIDR first (a renamed subnet keeps its block), then name.
    for (const keyAt of [0, 1]) {
      const beforeByKey = uniqueBy([...unmatchedBefore.values()], keyAt);
      const afterByKey = uniqueBy(stillAfter, keyAt);
      const next: Resource[] = [];
      for (const r of stillAfter) {
        const key = naturalKeys(r)[keyAt];
        const old = key === undefined || afterByKey.get(key) !== r ? undefined : beforeByKey.get(key);
        if (old && unmatchedBefore.has(old.id)) {
          pairs.push({ before: old, after: r });
          unmatchedBefore.delete(old.id);
          toBefore.set(r.id, old.id);
        } else next.push(r);
      }
      stillAfter = next;
    }
  }
  return { pairs, added: stillAfter, removed: [...unmatchedBefore.values()], toBefore };
}

/** Deep equality of plain data, reading after-side ids as their before-side match. */
function sameValue(a: unknown, b: unknown, toBefore: ReadonlyMap<string, string>): boolean {
  if (typeof b === 'string') return a === (toBefore.get(b) ?? b);
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const list = b as unknown[];
    return a.length === list.length && a.every((item, i) => sameValue(item, list[i], toBefore));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameValue(left[key], right[key], toBefore)) return false;
  return true;
}

/** The top-level fields of two versions of one resource that differ (the id itself is the match, never a change). */
export function changedFields(before: Resource, after: Resource, toBefore: ReadonlyMap<string, string>): string[] {
  const left = before as unknown as Record<string, unknown>;
  const right = after as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(right), ...Object.keys(left)])];
  return keys.filter((key) => key !== 'id' && key !== 'kind' && !sameValue(left[key], right[key], toBefore));
}

export function diffResources(matching: ResourceMatching): ResourceDiff {
  const changed: ResourceChange[] = [];
  for (const { before, after } of matching.pairs) {
    const fields = changedFields(before, after, matching.toBefore);
    if (fields.length === 0) continue;
    changed.push({
      ...ref(after),
      fields,
      ...(fields.includes('name') ? { nameBefore: before.name } : {}),
      ...(before.id !== after.id ? { beforeId: before.id } : {}),
    });
  }
  return {
    added: matching.added.map(ref),
    removed: matching.removed.map(ref),
    changed,
    matchedByName: matching.toBefore.size,
  };
}
