import { type Design } from './design';
import { DesignSchema } from './design.schema';
import { formatIssues } from './issues';
import { migrateToCurrent } from './migrations';
import { PROTOTYPE_KEY } from './ownKeys';
import { salvageResources, type SetAsideResource } from './salvage';

export { formatIssues } from './issues';

/**
 * A readable document always opens; `setAside` lists the resources this
 * version couldn't read (kept in `design.setAside`), so the caller can say so.
 */
export type ParseResult = { ok: true; design: Design; setAside: SetAsideResource[] } | { ok: false; errors: string[] };

/**
 * The one way outside data (files, URLs, storage, CLI args) becomes a design:
 * migrate old versions, set aside the resources this version can't read, then
 * validate the rest. Refuses only a document that is unreadable as a whole.
 * Never throws.
 */
export function parseDesign(input: unknown): ParseResult {
  const migrated = migrateToCurrent(input);
  if (!migrated.ok) return { ok: false, errors: [migrated.error] };
  const salvaged = salvageResources(migrated.doc);
  // The schema's records skip a `__proto__` key without a word; what is left of one here places no resource.
  const { layout } = salvaged.doc;
  if (typeof layout === 'object' && layout !== null && Object.hasOwn(layout, PROTOTYPE_KEY))
    return { ok: false, errors: [`layout.${PROTOTYPE_KEY}: places a resource that does not exist`] };
  const result = DesignSchema.safeParse(salvaged.doc);
  if (!result.success) return { ok: false, errors: formatIssues(result.error.issues) };
  return { ok: true, design: result.data, setAside: salvaged.setAside };
}

/**
 * For inputs that must be whole (a lesson's start, an AWS import): a set-aside
 * resource refuses the document, with the schema's messages.
 */
export function parseWholeDesign(input: unknown): { ok: true; design: Design } | { ok: false; errors: string[] } {
  const parsed = parseDesign(input);
  if (!parsed.ok) return parsed;
  if (parsed.setAside.length > 0) return { ok: false, errors: parsed.setAside.flatMap((r) => r.issues) };
  return { ok: true, design: parsed.design };
}

/** Text without the UTF-8 byte order mark some editors write first: JSON.parse refuses it, browsers drop it. */
export const withoutBom = (text: string): string => (text.startsWith('\uFEFF') ? text.slice(1) : text);

/** Parses JSON text into a design, with a readable error for text that is not JSON. */
export function parseDesignJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(withoutBom(text));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`not valid JSON (${detail})`] };
  }
  return parseDesign(data);
}
