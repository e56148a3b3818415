/**
 * The readers of stored text (zod, the design schema, migrations and salvage: `storedText.ts`)
 * are fetched while the canvas mounts instead of with the page's first JavaScript. Start-up
 * waits for `loadReaders()` before it opens the library (boot.tsx); everything that reads
 * storage runs after that and calls `readers()`, which is then synchronous.
 */
type Readers = typeof import('./storedText');

let loaded: Readers | null = null;
let loading: Promise<Readers> | null = null;

export function loadReaders(): Promise<Readers> {
  loading ??= import('./storedText').then((readers) => (loaded = readers));
  return loading;
}

export function readers(): Readers {
  if (!loaded)
    throw new Error('The readers of stored designs are used before they have loaded (call loadReaders first).');
  return loaded;
}
