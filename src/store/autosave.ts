import { parseDesignJson, type Design } from '../domain';

/**
 * Keeps the open design in localStorage so a reload or a crash loses nothing.
 * What is stored is untrusted on the way back in: it goes through the schema.
 * A value that can't be read is moved aside, never overwritten.
 */
export const AUTOSAVE_KEY = 'nimbus.design';
export const UNREADABLE_PREFIX = 'nimbus.unreadable.';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type Restored =
  | { kind: 'empty' }
  | { kind: 'restored'; design: Design }
  /** The stored value did not parse; `backupKey` holds it unless storage refused (`null`). */
  | { kind: 'unreadable'; reason: string; backupKey: string | null; raw: string };

export function restore(storage: StorageLike, now: Date = new Date()): Restored {
  let raw: string | null;
  try {
    raw = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { kind: 'empty' };
  }
  if (raw === null) return { kind: 'empty' };
  const parsed = parseDesignJson(raw);
  if (parsed.ok) return { kind: 'restored', design: parsed.design };
  const backupKey = `${UNREADABLE_PREFIX}${now.toISOString()}`;
  try {
    storage.setItem(backupKey, raw);
    storage.removeItem(AUTOSAVE_KEY);
    return { kind: 'unreadable', reason: parsed.errors.slice(0, 3).join('; '), backupKey, raw };
  } catch {
    // Storage is full: leave the unreadable value where it is; saving stays off until the user decides.
    return { kind: 'unreadable', reason: parsed.errors.slice(0, 3).join('; '), backupKey: null, raw };
  }
}

export type SaveResult = { ok: true } | { ok: false; reason: 'full' | 'unavailable'; message: string };

export function save(storage: StorageLike, design: Design): SaveResult {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(design));
    return { ok: true };
  } catch (error) {
    const full = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
    return full
      ? {
          ok: false,
          reason: 'full',
          message:
            'Autosave stopped: this browser\u2019s storage for Nimbus is full. Your design is still open; save it as a file to keep it.',
        }
      : {
          ok: false,
          reason: 'unavailable',
          message:
            'Autosave is unavailable in this browser (storage is blocked). Save your design as a file to keep it.',
        };
  }
}
