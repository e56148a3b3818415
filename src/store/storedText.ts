// First: the page's zod setting (no compiled parsers under its Content-Security-Policy) before any parse here.
import '../zodConfig';
import { z } from 'zod';
import { DesignSchema, parseDesignJson, type Design } from '../domain';
import { parseLesson } from '../scenarios/learn/schema';

/**
 * Everything that reads what storage holds with zod: the library's index, designs,
 * learn progress. It is not part of the page's first JavaScript: `readers.ts` fetches
 * it at start-up while the canvas mounts, and the library opens once it is here.
 */

const EntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  // Lenient on the way in: an over-long name is shortened rather than costing the whole list.
  name: z.string().transform((name) => name.slice(0, 200)),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** A small SVG drawing of the design's boxes; empty until first drawn. */
  thumbnail: z.string().max(60_000).default(''),
  resourceCount: z.number().int().min(0).default(0),
  /** Counts saves of the design; a tab whose edits were made on an older revision knows another tab saved since. */
  revision: z.number().int().min(0).default(0),
});
export type LibraryEntry = z.infer<typeof EntrySchema>;

/** The index's frame; entries are read one by one, so one bad entry costs only itself. */
const IndexSchema = z.object({
  version: z.literal(1),
  currentId: z.string().nullable(),
  entries: z.array(z.unknown()),
});
export interface LibraryIndex {
  version: 1;
  currentId: string | null;
  entries: LibraryEntry[];
}

/** An index as stored, read leniently: the entries it can read, and how many it couldn't. */
export type ReadIndex =
  { ok: true; index: LibraryIndex; unreadable: number; reason: string | null } | { ok: false; reason: string };

export function parseIndex(raw: string): ReadIndex {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const frame = IndexSchema.safeParse(json);
  if (!frame.success) return { ok: false, reason: frame.error.issues[0]?.message ?? 'unexpected shape' };
  const entries: LibraryEntry[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  let reason: string | null = null;
  for (const item of frame.data.entries) {
    const entry = EntrySchema.safeParse(item);
    if (entry.success && !seen.has(entry.data.id)) {
      seen.add(entry.data.id);
      entries.push(entry.data);
    } else {
      unreadable++;
      const issue = entry.success ? null : entry.error.issues[0];
      reason ??= issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'an entry listed twice';
    }
  }
  const currentId = seen.has(frame.data.currentId ?? '') ? frame.data.currentId : null;
  return { ok: true, index: { version: 1, currentId, entries }, unreadable, reason };
}

/** Whether a storage key's tail can be a library entry's id. */
export const isEntryId = (id: string): boolean => EntrySchema.shape.id.safeParse(id).success;

/** Whether a design (a merge of two tabs' edits, say) is one the schema accepts. */
export const isValidDesign = (design: Design): boolean => DesignSchema.safeParse(design).success;

const ProgressSchema = z.object({
  version: z.literal(1),
  /** Ids of lessons and challenges whose goals were all met at least once. */
  completed: z.array(z.string()).default([]),
  /** The lesson in progress and the library entry it is worked on in. */
  active: z.object({ entryId: z.string(), lesson: z.unknown() }).nullable().default(null),
  /** The library entry each built-in lesson was last worked on in, so opening it again resumes it. */
  attempts: z.record(z.string(), z.string()).default({}),
});

/** Learn progress as stored, or null when it can't be read. */
export function parseProgress(json: unknown) {
  const progress = ProgressSchema.safeParse(json);
  return progress.success ? progress.data : null;
}

export { parseDesignJson, parseLesson };
