import { create } from 'zustand';
import type { StorageLike } from './autosave';

export type { StorageLike } from './autosave';

/**
 * Every read and write of browser storage goes through here. A browser that
 * blocks storage (cookies off by policy, some private modes) throws on the
 * first touch of `localStorage`, or on `getItem`; Nimbus then keeps everything
 * in memory for the visit and says so, instead of failing to start.
 */
export interface AppStorage extends StorageLike {
  keys: () => string[];
}

export const useStorageStatus = create<{ inMemory: boolean }>()(() => ({ inMemory: false }));

/** Storage in memory only: used when the browser refuses its own. */
export function memoryOnlyStorage(): AppStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    keys: () => [...items.keys()],
  };
}

function listKeys(storage: StorageLike): string[] {
  if (storage.keys) return storage.keys();
  const real = storage as Partial<Storage>;
  if (typeof real.length !== 'number' || typeof real.key !== 'function') return [];
  const keys: string[] = [];
  for (let i = 0; i < real.length; i++) {
    const key = real.key(i);
    if (key !== null) keys.push(key);
  }
  return keys;
}

/** Adapters already made, so wrapping one again changes nothing. */
const guarded = new WeakSet<object>();

/**
 * Wraps a storage (or a function that fetches it, since reading
 * `window.localStorage` itself may throw). If it can't be read now, or a read
 * fails later, everything from then on lives in memory: a blocked storage is
 * never written over with a half-known state. Writes still throw, so a full
 * storage is reported as full.
 */
export function guardStorage(source: StorageLike | (() => StorageLike | null | undefined)): AppStorage {
  if (typeof source !== 'function' && guarded.has(source)) return source as AppStorage;
  let inner: StorageLike | null = null;
  try {
    inner = typeof source === 'function' ? (source() ?? null) : source;
    inner?.getItem('nimbus.library');
  } catch {
    inner = null;
  }
  let memory: AppStorage | null = null;
  const toMemory = (): AppStorage => {
    memory ??= memoryOnlyStorage();
    useStorageStatus.setState({ inMemory: true });
    return memory;
  };
  if (!inner) toMemory();
  const current = (): StorageLike => memory ?? inner!;
  const adapter: AppStorage = {
    getItem(key) {
      if (memory) return memory.getItem(key);
      try {
        return inner!.getItem(key);
      } catch {
        return toMemory().getItem(key);
      }
    },
    setItem: (key, value) => current().setItem(key, value),
    removeItem(key) {
      try {
        current().removeItem(key);
      } catch {
        // Removing is only ever tidying up; a storage that refuses keeps the value, which loses nothing.
      }
    },
    keys() {
      try {
        return listKeys(current());
      } catch {
        return [];
      }
    },
  };
  guarded.add(adapter);
  return adapter;
}
