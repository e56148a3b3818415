import { CURRENT_DESIGN_VERSION, DESIGN_FORMAT } from './design';
import { autoAssignedPublicIpv4 } from './kinds/ec2Instance';
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

/** Rewrites the resources of one kind in `resources` and `setAside.resources`, leaving everything else as it came. */
function rewriteKind(
  doc: Record<string, unknown>,
  kind: string,
  rewrite: (resource: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  const each = (resources: unknown) => {
    if (!isRecord(resources)) return resources;
    const out: Record<string, unknown> = {};
    for (const [id, resource] of Object.entries(resources))
      setOwn(out, id, isRecord(resource) && resource.kind === kind ? rewrite(resource) : resource);
    return out;
  };
  const setAside = isRecord(doc.setAside) ? { ...doc.setAside, resources: each(doc.setAside.resources) } : doc.setAside;
  return { ...doc, resources: each(doc.resources), ...(doc.setAside === undefined ? {} : { setAside }), version: 2 };
}

/**
 * Version 1 kept an auto-assigned public IPv4 as true/false. Version 2 keeps
 * the address (`publicIpAddress`): an instance that holds one (not stopped or
 * terminated, no Elastic IP) gets the address Nimbus draws for it from its id,
 * the same one version 1's analyses now assume.
 */
function from1to2(doc: Record<string, unknown>): Record<string, unknown> {
  return rewriteKind(doc, 'ec2Instance', (instance) => {
    if (instance.publicIpAddress !== undefined) return instance;
    const holds =
      instance.publicIp === true &&
      (instance.elasticIpId === undefined || instance.elasticIpId === null) &&
      instance.state !== 'stopped' &&
      instance.state !== 'terminated' &&
      typeof instance.id === 'string';
    return { ...instance, publicIpAddress: holds ? autoAssignedPublicIpv4(instance.id as string) : null };
  });
}

/** MIGRATIONS[n] turns version n into version n + 1. */
const MIGRATIONS: readonly Migration[] = [from0to1, from1to2];

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
