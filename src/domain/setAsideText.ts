/**
 * A resource set aside by salvage (`salvage.ts`: each resource of a document is read on its
 * own, so one that this version can't read is set aside verbatim instead of costing the whole
 * design), and how it is told. Apart from salvage, which needs zod, so notices need none.
 */
export interface SetAsideResource {
  id: string;
  /** The kind the document gives, when it gives one as text. */
  kind: string | null;
  /** Why, in words: `kind "transitGateway" is not one Nimbus knows`, `cidr: Invalid input: …`. */
  reason: string;
  /** The schema's messages with their full paths, for readers that refuse instead of salvaging. */
  issues: string[];
}

const MAX_SHOWN_CHARS = 60;

/**
 * Text from a file, fit for a sentence: control characters (which could
 * rewrite a terminal line) become escapes, and a very long id is shortened.
 */
export function shown(text: string): string {
  const escaped = text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length > MAX_SHOWN_CHARS ? `${escaped.slice(0, MAX_SHOWN_CHARS - 1)}…` : escaped;
}

const MAX_NAMED = 5;

/**
 * One sentence for a command line or a notice: "Set aside 1 resource this
 * version of Nimbus can't read: `tgw-1` (kind "transitGateway" is not one
 * Nimbus knows)."
 */
export function describeSetAside(list: readonly SetAsideResource[]): string {
  const named = list.slice(0, MAX_NAMED).map((r) => `\`${shown(r.id)}\` (${r.reason})`);
  if (list.length > MAX_NAMED) named.push(`and ${list.length - MAX_NAMED} more`);
  return `${setAsideCount(list)}: ${named.join('; ')}.`;
}

/** "Set aside 2 resources this version of Nimbus can't read", without the names. */
export function setAsideCount(list: readonly SetAsideResource[]): string {
  const noun = list.length === 1 ? 'resource' : 'resources';
  return `Set aside ${list.length} ${noun} this version of Nimbus can't read`;
}

/** One line per resource, `tgw-1: kind "transitGateway" is not one Nimbus knows`, for a list under a title. */
export const setAsideDetails = (list: readonly SetAsideResource[]): string[] =>
  list.map((r) => `${shown(r.id)}: ${r.reason}`);
