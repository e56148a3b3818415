import type { z } from 'zod';
import { type SetAside } from './design';
import { LayoutEntrySchema, ResourceSchema } from './design.schema';
import { formatIssues } from './issues';
import { ownValue, PROTOTYPE_KEY, setOwn } from './ownKeys';
import { shown, type SetAsideResource } from './setAsideText';

export * from './setAsideText';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isUnknownKind = (issue: z.core.$ZodIssue) =>
  issue.code === 'invalid_union' && issue.path.length === 1 && issue.path[0] === 'kind';

/** Null when the resource stored under `key` is readable; otherwise what sets it aside. */
export function checkResource(key: string, raw: unknown): SetAsideResource | null {
  const kind = isRecord(raw) && typeof raw.kind === 'string' ? raw.kind : null;
  if (key === PROTOTYPE_KEY) {
    // A design is a plain object keyed by id, and this key can't be an entry of one.
    const reason = `"${PROTOTYPE_KEY}" can't be a resource id in Nimbus; give it another id`;
    return { id: key, kind, reason, issues: [`resources.${key}: ${reason}`] };
  }
  const checked = ResourceSchema.safeParse(raw);
  if (checked.success) {
    if (checked.data.id === key) return null;
    const mismatch = `must equal its key "${key}" (found "${checked.data.id}")`;
    return { id: key, kind, reason: `id: ${mismatch}`, issues: [`resources.${key}.id: ${mismatch}`] };
  }
  const issues = checked.error.issues;
  const issuesWithPath = formatIssues(issues.map((issue) => ({ ...issue, path: ['resources', key, ...issue.path] })));
  let reason: string;
  if (!isRecord(raw)) reason = 'it is not an object';
  else if (issues.some(isUnknownKind))
    reason = kind === null ? 'it has no kind' : `kind "${shown(kind)}" is not one Nimbus knows`;
  else reason = formatIssues(issues.slice(0, 1))[0] ?? 'it does not match its kind';
  return { id: key, kind, reason, issues: issuesWithPath };
}

/**
 * Null when the layout entry of `key` is readable; otherwise what sets its
 * resource aside with it (a position past the canvas extent, a size that is
 * not a positive number), so one bad entry never costs the whole design.
 */
export function checkLayoutEntry(key: string, raw: unknown, kind: string | null): SetAsideResource | null {
  const checked = LayoutEntrySchema.safeParse(raw);
  if (checked.success) return null;
  const issues = checked.error.issues;
  const reason = `layout ${formatIssues(issues.slice(0, 1))[0] ?? 'entry is not readable'}`;
  return {
    id: key,
    kind,
    reason,
    issues: formatIssues(issues.map((issue) => ({ ...issue, path: ['layout', key, ...issue.path] }))),
  };
}

export interface Salvaged {
  /** The document with only the resources (and layout entries) this version reads, the rest under `setAside`. */
  doc: Record<string, unknown>;
  setAside: SetAsideResource[];
}

/**
 * Splits a migrated document. Resources set aside by an earlier read are tried
 * again, so a newer Nimbus brings them back. Anything that isn't shaped like a
 * document is returned as it is, for the design schema to refuse.
 */
export function salvageResources(doc: Record<string, unknown>): Salvaged {
  const { resources } = doc;
  const earlier = doc.setAside === undefined ? { resources: {} } : doc.setAside;
  const layout = doc.layout === undefined ? {} : doc.layout;
  if (!isRecord(resources) || !isRecord(layout) || !isRecord(earlier) || !isRecord(earlier.resources))
    return { doc, setAside: [] };
  const earlierLayout = isRecord(earlier.layout) ? earlier.layout : {};

  const readable: Record<string, unknown> = {};
  const readableLayout: Record<string, unknown> = { ...layout };
  const kept: SetAside = { resources: {}, layout: {} };
  const setAside: SetAsideResource[] = [];
  const putAside = (problem: SetAsideResource, raw: unknown, layoutEntry: unknown) => {
    setAside.push(problem);
    setOwn(kept.resources, problem.id, raw);
    if (layoutEntry !== undefined) setOwn(kept.layout, problem.id, layoutEntry);
  };
  const consider = (key: string, raw: unknown, layoutEntry: unknown) => {
    const kind = isRecord(raw) && typeof raw.kind === 'string' ? raw.kind : null;
    const problem =
      checkResource(key, raw) ?? (layoutEntry === undefined ? null : checkLayoutEntry(key, layoutEntry, kind));
    if (problem === null) {
      setOwn(readable, key, raw);
      if (layoutEntry !== undefined) setOwn(readableLayout, key, layoutEntry);
    } else {
      putAside(problem, raw, layoutEntry);
      delete readableLayout[key];
    }
  };

  // Own entries only: a resource called `constructor` has no layout entry unless the file gives one.
  for (const [key, raw] of Object.entries(resources)) consider(key, raw, ownValue(layout, key));
  for (const [key, raw] of Object.entries(earlier.resources)) {
    if (!Object.hasOwn(resources, key)) consider(key, raw, ownValue(earlierLayout, key));
    else {
      // A resource added since took this id: the set-aside one stays aside, as it came.
      const kind = isRecord(raw) && typeof raw.kind === 'string' ? raw.kind : null;
      const reason = 'its id is now used by another resource';
      putAside(
        { id: key, kind, reason, issues: [`setAside.resources.${key}: ${reason}`] },
        raw,
        ownValue(earlierLayout, key),
      );
    }
  }

  const next: Record<string, unknown> = { ...doc, resources: readable, layout: readableLayout };
  delete next.setAside;
  if (setAside.length > 0) next.setAside = kept;
  return { doc: next, setAside };
}
