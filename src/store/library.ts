import type { Design, SetAsideResource } from '../domain';
import { AUTOSAVE_KEY, UNREADABLE_PREFIX, type StorageLike } from './autosave';
import { readers } from './readers';
import type { LibraryEntry, LibraryIndex, ReadIndex } from './storedText';

/**
 * The local library: every design the user has, kept in browser storage. The
 * index (names, dates, thumbnails) lives under one key, each design under its
 * own, so opening the list never parses every design. Everything read back is
 * untrusted and goes through the schema (`storedText.ts`); nothing unreadable is deleted.
 */
export const LIBRARY_KEY = 'nimbus.library';
export const designKey = (id: string): string => `nimbus.library.design.${id}`;

export type { LibraryEntry, LibraryIndex, ReadIndex } from './storedText';

/** The index as stored, read leniently (`storedText.ts`). */
export const parseIndex = (raw: string): ReadIndex => readers().parseIndex(raw);

export type WriteResult = { ok: true } | { ok: false; reason: 'full' | 'unavailable'; message: string };

export function storageFailure(error: unknown): Extract<WriteResult, { ok: false }> {
  const full = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
  return full
    ? {
        ok: false,
        reason: 'full',
        message:
          'This browser\u2019s storage for Nimbus is full. Your design is still open: save it as a file, or delete designs you no longer need from the library.',
      }
    : {
        ok: false,
        reason: 'unavailable',
        message: 'Browser storage is unavailable (blocked or private mode). Save your design as a file to keep it.',
      };
}

/** One storage write, with a full or blocked storage turned into a message. */
export function writeItem(storage: StorageLike, key: string, value: string): WriteResult {
  try {
    storage.setItem(key, value);
    return { ok: true };
  } catch (error) {
    return storageFailure(error);
  }
}

export function newEntryId(now: Date = new Date(), random: () => number = Math.random): string {
  return `${now.getTime().toString(36)}-${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}`;
}

export type OpenedLibrary =
  | { kind: 'ok'; index: LibraryIndex; migratedLegacy: boolean }
  /**
   * The index, or some of its entries, could not be read: the stored index was
   * copied aside (`backupKey`, null if storage refused) and the list rebuilt from
   * the entries it could read plus the stored designs it no longer listed.
   */
  | {
      kind: 'rebuilt';
      index: LibraryIndex;
      backupKey: string | null;
      reason: string;
      /** Entries the old index held that could not be read. */
      unreadable: number | 'all';
      /** Stored designs found again from their own keys. */
      recovered: number;
      /** The old index as stored, offered as a download when it could not be kept aside. */
      raw: string;
    };

const emptyIndex = (): LibraryIndex => ({ version: 1, currentId: null, entries: [] });

/**
 * Reads the index. A design autosaved before the library existed becomes its
 * first entry, so upgrading loses nothing.
 */
export function openLibrary(storage: StorageLike, now: Date = new Date()): OpenedLibrary {
  let raw: string | null = null;
  try {
    raw = storage.getItem(LIBRARY_KEY);
  } catch {
    return { kind: 'ok', index: emptyIndex(), migratedLegacy: false };
  }
  if (raw === null) return adoptLegacy(storage, now, emptyIndex());
  const parsed = parseIndex(raw);
  if (parsed.ok && parsed.unreadable === 0) return adoptLegacy(storage, now, parsed.index);
  const backupKey = `${UNREADABLE_PREFIX}library.${now.toISOString()}`;
  const moved = writeItem(storage, backupKey, raw).ok;
  const base = parsed.ok ? parsed.index : emptyIndex();
  const found = unlistedDesigns(storage, base.entries, now);
  const index = { ...base, entries: [...base.entries, ...found] };
  // The rebuilt list replaces the stored one only once the old one is safe in its backup.
  if (moved) saveIndex(storage, index);
  return {
    kind: 'rebuilt',
    index,
    backupKey: moved ? backupKey : null,
    reason: parsed.ok ? (parsed.reason ?? 'unexpected shape') : parsed.reason,
    unreadable: parsed.ok ? parsed.unreadable : 'all',
    recovered: found.length,
    raw,
  };
}

const DESIGN_KEY_PREFIX = designKey('');

/** Designs stored under their own key that `entries` doesn't list, as entries (read, never changed). */
function unlistedDesigns(storage: StorageLike, entries: readonly LibraryEntry[], now: Date): LibraryEntry[] {
  const listed = new Set(entries.map((e) => e.id));
  const found: LibraryEntry[] = [];
  for (const key of storage.keys?.() ?? []) {
    if (!key.startsWith(DESIGN_KEY_PREFIX)) continue;
    const id = key.slice(DESIGN_KEY_PREFIX.length);
    if (listed.has(id) || !readers().isEntryId(id)) continue;
    const read = readDesign(storage, id);
    if (read.ok) found.push(entryFor(read.design, id, now));
  }
  return found;
}

/** Copies of the index kept aside because they could not be fully read, newest first. */
export function libraryBackups(storage: StorageLike): { key: string; at: string }[] {
  const prefix = `${UNREADABLE_PREFIX}library.`;
  return (storage.keys?.() ?? [])
    .filter((key) => key.startsWith(prefix))
    .map((key) => ({ key, at: key.slice(prefix.length) }))
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** Adds a readable pre-library autosave to `base` as the open entry; `base` unchanged if storage refuses (tried again next start). */
function adoptLegacy(storage: StorageLike, now: Date, base: LibraryIndex): OpenedLibrary {
  const unchanged: OpenedLibrary = { kind: 'ok', index: base, migratedLegacy: false };
  const legacy = storage.getItem(AUTOSAVE_KEY);
  if (legacy === null) return unchanged;
  const parsed = readers().parseDesignJson(legacy);
  if (!parsed.ok) return unchanged;
  const entry = entryFor(parsed.design, newEntryId(now), now);
  if (!writeItem(storage, designKey(entry.id), legacy).ok) return unchanged;
  const index: LibraryIndex = { ...base, entries: [...base.entries, entry], currentId: entry.id };
  if (!saveIndex(storage, index).ok) {
    storage.removeItem(designKey(entry.id));
    return unchanged;
  }
  storage.removeItem(AUTOSAVE_KEY);
  return { kind: 'ok', index, migratedLegacy: true };
}

export function entryFor(design: Design, id: string, now: Date): LibraryEntry {
  const at = now.toISOString();
  return {
    id,
    name: design.name,
    createdAt: at,
    updatedAt: at,
    thumbnail: '',
    resourceCount: Object.keys(design.resources).length,
    revision: 0,
  };
}

export const saveIndex = (storage: StorageLike, index: LibraryIndex): WriteResult =>
  writeItem(storage, LIBRARY_KEY, serializeIndex(index));

export const serializeIndex = (index: LibraryIndex): string => JSON.stringify(index);

export const writeDesign = (storage: StorageLike, id: string, design: Design): WriteResult =>
  writeItem(storage, designKey(id), JSON.stringify(design));

/** `setAside`: resources of the stored design this version can't read; they stay in it. */
export type ReadDesign =
  | { ok: true; design: Design; setAside: SetAsideResource[] }
  | { ok: false; missing: boolean; reason: string; raw: string | null };

export function readDesign(storage: StorageLike, id: string): ReadDesign {
  let raw: string | null;
  try {
    raw = storage.getItem(designKey(id));
  } catch {
    return { ok: false, missing: true, reason: 'browser storage is unavailable', raw: null };
  }
  if (raw === null) return { ok: false, missing: true, reason: 'its stored copy is missing', raw: null };
  const parsed = readers().parseDesignJson(raw);
  return parsed.ok
    ? { ok: true, design: parsed.design, setAside: parsed.setAside }
    : { ok: false, missing: false, reason: parsed.errors.slice(0, 3).join('; '), raw };
}

/** Entries newest first, as the library lists them. */
export const byRecency = (entries: readonly LibraryEntry[]): LibraryEntry[] =>
  [...entries].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

/** "Copy of X", "Copy of X (2)"... never a name already in the library. */
export function copyName(name: string, entries: readonly LibraryEntry[]): string {
  // Room for "Copy of " and " (99)" inside the 200-character cap.
  const base = (name.startsWith('Copy of ') ? name : `Copy of ${name}`).slice(0, 190);
  const taken = new Set(entries.map((e) => e.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`)) return `${base} (${n})`;
}
