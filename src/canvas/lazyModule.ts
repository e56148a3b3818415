import { useEffect, useSyncExternalStore } from 'react';

/**
 * A module that is not part of the page's first JavaScript: fetched when the page is idle,
 * or at once when the user reaches for it first. Components read it with `useLazyModule`,
 * which renders again when it arrives.
 */
export interface LazyModule<M> {
  /** The module, once it has loaded. */
  get(): M | null;
  load(): Promise<M>;
  subscribe(listener: () => void): () => void;
}

export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let value: M | null = null;
  let loading: Promise<M> | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    load() {
      loading ??= importer().then(
        (module) => {
          value = module;
          listeners.forEach((listener) => listener());
          return module;
        },
        (error: unknown) => {
          // A failed fetch (offline, a new build) may be tried again by the next use.
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const idle = requestIdleCallback(run, { timeout: 1500 });
    return () => cancelIdleCallback(idle);
  }
  const timer = setTimeout(run, 300);
  return () => clearTimeout(timer);
}

/** The module, or null until it has loaded; asks for it once the page is idle. */
export function useLazyModule<M>(module: LazyModule<M>): M | null {
  const value = useSyncExternalStore(module.subscribe, module.get, module.get);
  useEffect(() => {
    if (value) return;
    return whenIdle(() => void module.load().catch(() => undefined));
  }, [module, value]);
  return value;
}
