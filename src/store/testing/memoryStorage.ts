import type { StorageLike } from '../autosave';

/** localStorage for tests, with an optional capacity (in characters) to play "storage full". */
export class MemoryStorage implements StorageLike {
  items = new Map<string, string>();
  constructor(public capacity = Infinity) {}
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const used = [...this.items.entries()].filter(([k]) => k !== key).reduce((n, [, v]) => n + v.length, 0);
    if (used + value.length > this.capacity) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  keys() {
    return [...this.items.keys()];
  }
}

/** Storage as a browser that blocks it (cookies off by policy) offers it: every call throws. */
export class BlockedStorage implements StorageLike {
  getItem(): string | null {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
  setItem(): void {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
  removeItem(): void {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}
