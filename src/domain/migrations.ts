import { CURRENT_DESIGN_VERSION, DESIGN_FORMAT } from './design';
import { setOwn } from './ownKeys';

/**
 * Upgrades a document one version at a time. Each step takes the previous
 * version's plain JSON and returns the next version's plain JSON; the schema
 * validates only the result, so old shapes never leak inside. A step that
 * rewrites resources rewrites `setAside.resources` too: salvage tries them
 * again after migrating.
 */
type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Version 0 (the preview format): `title` instead of `name`, resources as an
 * array, each carrying its own `position`. Version 1 keys resources by id and
 * keeps layout beside them.
 */
function from0to1(doc: Record<string, unknown>): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  const layout: Record<string, unknown> = {};
  const list = Array.isArray(doc.resources) ? doc.resources : [];
  list.forEach((item, index) => {
    if (!isRecord(item)) return;
    const { position, ...resource } = item;
    const id = typeof resource.id === 'string' ? resource.id : `resource-${index}`;
    // Own entries even for `__proto__`, so salvage sees the resource and says why it can't be read.
    setOwn(resources, id, { ...resource, id });
    if (isRecord(position)) setOwn(layout, id, { x: position.x, y: position.y, parentId: position.parentId ?? null });
  });
  return { format: DESIGN_FORMAT, version: 1, name: doc.title ?? 'Untitled design', resources, layout };
}

/** MIGRATIONS[n] turns version n into version n + 1. */
const MIGRATIONS: readonly Migration[] = [from0to1];

export type MigrationResult = { ok: true; doc: Record<string, unknown> } | { ok: false; error: string };

export function migrateToCurrent(input: unknown): MigrationResult {
  if (!isRecord(input)) return { ok: false, error: 'a design must be a JSON object' };
  const version = input.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return {
      ok: false,
      error: 'version: must be a whole number (this Nimbus reads versions 0 to ' + CURRENT_DESIGN_VERSION + ')',
    };
  }
  if (version > CURRENT_DESIGN_VERSION) {
    return {
      ok: false,
      error: `version: ${version} was made by a newer Nimbus; this one reads up to version ${CURRENT_DESIGN_VERSION}`,
    };
  }
  let doc = input;
  for (let v = version; v < CURRENT_DESIGN_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, error: `version: no migration from ${v}` };
    doc = step(doc);
  }
  return { ok: true, doc };
}
