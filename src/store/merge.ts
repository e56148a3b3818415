import type { Design } from '../domain';
import { readers } from './readers';

/**
 * A three-way merge of one design edited in two tabs: `base` is the version
 * this tab's edits were made on, `mine` this tab's design now, `theirs` what
 * another tab saved since. Each field (the name, each resource, each layout
 * entry, flows, simulation settings, set-aside resources) comes from whichever
 * side changed it; when both did, this tab's edit wins and is named in
 * `conflicts`. A resource one side deleted and the other edited is kept: an
 * edit is never thrown away by a merge.
 */
export interface Merged {
  design: Design;
  /** This tab's edits kept in the result, in words ("web-1", "the name"). */
  kept: string[];
  /** Things both tabs changed, where this tab's edit won. */
  conflicts: string[];
  /** What the other tab changed, in the same words. */
  theirs: string[];
}

/** Own keys only: ids are untrusted text, and "constructor" must not find Object's. */
const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

export function mergeDesigns(base: Design, mine: Design, theirs: Design): Merged | null {
  const kept: string[] = [];
  const conflicts: string[] = [];
  const changedThere: string[] = [];
  const pick = <T>(label: string, b: T, m: T, t: T): T => {
    const mineChanged = !same(m, b);
    const theirsChanged = !same(t, b);
    if (theirsChanged) changedThere.push(label);
    if (!mineChanged) return t;
    kept.push(label);
    if (theirsChanged && !same(m, t)) conflicts.push(label);
    return m;
  };

  const name = pick('the name', base.name, mine.name, theirs.name);
  const resourceEntries: [string, Design['resources'][string]][] = [];
  const ids = new Set([
    ...Object.keys(base.resources),
    ...Object.keys(mine.resources),
    ...Object.keys(theirs.resources),
  ]);
  for (const id of ids) {
    const b = own(base.resources, id);
    const m = own(mine.resources, id);
    const t = own(theirs.resources, id);
    const label = m?.name || t?.name || b?.name || id;
    let picked: Design['resources'][string] | undefined;
    if (b !== undefined && m === undefined && t !== undefined && !same(t, b)) {
      // Deleted here, edited there: the edit stays.
      picked = t;
      changedThere.push(label);
    } else if (b !== undefined && t === undefined && m !== undefined && !same(m, b)) {
      // Deleted there, edited here: the edit stays.
      picked = m;
      kept.push(label);
      conflicts.push(label);
    } else {
      picked = pick(label, b, m, t);
    }
    if (picked !== undefined) resourceEntries.push([id, picked]);
  }
  // fromEntries makes own properties, whatever the id ("__proto__" included).
  const resources: Design['resources'] = Object.fromEntries(resourceEntries);
  const layoutEntries: [string, Design['layout'][string]][] = [];
  const layoutIds = new Set([...Object.keys(base.layout), ...Object.keys(mine.layout), ...Object.keys(theirs.layout)]);
  let layoutKept = false;
  for (const id of layoutIds) {
    if (!Object.hasOwn(resources, id)) continue;
    const b = own(base.layout, id);
    const m = own(mine.layout, id);
    const t = own(theirs.layout, id);
    const entry = same(m, b) ? t : m;
    if (!same(m, b)) layoutKept = true;
    if (entry) layoutEntries.push([id, entry]);
  }
  const layout: Design['layout'] = Object.fromEntries(layoutEntries);
  if (layoutKept) kept.push('the layout');
  const flows = pick('the traffic flows', base.flows, mine.flows, theirs.flows);
  const simulation = pick('the simulation settings', base.simulation, mine.simulation, theirs.simulation);
  const setAside = pick('the set-aside resources', base.setAside, mine.setAside, theirs.setAside);

  const design: Design = { ...theirs, name, resources, layout };
  if (flows === undefined) delete design.flows;
  else design.flows = flows;
  if (simulation === undefined) delete design.simulation;
  else design.simulation = simulation;
  if (setAside === undefined) delete design.setAside;
  else design.setAside = setAside;
  // Two sets of edits can together break a rule one design must keep (two flows with one id): no merge then.
  return readers().isValidDesign(design) ? { design, kept, conflicts, theirs: changedThere } : null;
}

/** "a", "a and b", "a, b and 2 more" */
export function listInWords(items: readonly string[], max = 3): string {
  const quoted = items.map((item) => (item.startsWith('the ') ? item : `\u201c${item}\u201d`));
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length <= max) return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
  return `${quoted.slice(0, max).join(', ')} and ${quoted.length - max} more`;
}
