import type { Design } from '../domain';
import { readers } from './readers';

/**
 * The design autosaved by Nimbus before the library existed (one key). It is
 * read once, at start-up, to be adopted into the library; untrusted on the way
 * in, and an unreadable value is moved aside, never overwritten.
 */
export const AUTOSAVE_KEY = 'nimbus.design';
export const UNREADABLE_PREFIX = 'nimbus.unreadable.';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & {
  /** Every key held, when the storage can list them (backups, designs missing from the index). */
  keys?: () => string[];
};

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
  const parsed = readers().parseDesignJson(raw);
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
