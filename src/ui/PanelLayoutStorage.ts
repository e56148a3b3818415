import { guardStorage, type AppStorage } from '../store';

let storage: AppStorage | null = null;

/**
 * Browser storage for the screen's own preferences (panel sizes, dismissed
 * cards), through the same guard as everything else: a browser that blocks
 * storage keeps them for the visit only.
 */
export function uiStorage(): AppStorage {
  // Reading `window.localStorage` itself throws when the browser blocks storage, hence the function.
  storage ??= guardStorage(() => window.localStorage);
  return storage;
}

/** Reads a preference; anything unreadable counts as not set. */
export function readPreference(key: string): string | null {
  try {
    return uiStorage().getItem(key);
  } catch {
    return null;
  }
}

/** Writes a preference; a full or refusing storage keeps it for this visit only, which loses nothing that matters. */
export function writePreference(key: string, value: string): void {
  try {
    uiStorage().setItem(key, value);
  } catch {
    // A preference is not worth a notice: the screen works the same without it.
  }
}
