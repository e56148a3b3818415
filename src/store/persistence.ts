import type { Design } from '../domain';
import { AUTOSAVE_KEY, restore, type StorageLike } from './autosave';
import { downloadText } from './download';
import { LIBRARY_KEY } from './library';
import { startLibrary } from './libraryStore';
import { readers } from './readers';
import { guardStorage } from './storage';
import { useViewStore } from './viewStore';

/**
 * Start-up: an autosave from before the library existed is adopted (or, if
 * unreadable, moved aside and explained), then the library opens the design
 * the user last had and saves every change after a short pause.
 */
export function startPersistence(
  source: StorageLike | (() => StorageLike | null | undefined),
  thumbnail?: (design: Design) => string,
): () => void {
  // Blocked storage throws on the first touch: from here on every access is guarded (and in memory if need be).
  const storage = guardStorage(source);
  if (storage.getItem(LIBRARY_KEY) === null || storage.getItem(AUTOSAVE_KEY) !== null) {
    const legacy = restore(storage);
    if (legacy.kind === 'unreadable') {
      useViewStore.getState().notify({
        tone: 'error',
        title: 'Your autosaved design could not be read, so Nimbus started with an empty one.',
        details: [
          `Reason: ${legacy.reason}`,
          legacy.backupKey
            ? `Nothing was deleted: the saved copy is kept in this browser as "${legacy.backupKey}".`
            : 'Nothing was deleted; the saved copy stays where it was. Download it, then free some browser storage.',
        ],
        action: {
          label: 'Download the saved copy',
          run: () => downloadText('nimbus-unreadable-autosave.json', legacy.raw),
        },
      });
    }
  }
  const stop = startLibrary(storage, thumbnail);
  const stranded = storage.getItem(AUTOSAVE_KEY);
  if (stranded !== null && readers().parseDesignJson(stranded).ok)
    // Adoption needs room for a copy; when storage refused, the old design stays put and is offered as a file.
    useViewStore.getState().notify({
      tone: 'error',
      title: 'Your design from before the library could not be moved into it (browser storage is full).',
      details: ['It is kept where it was. Download it, then free some space or delete designs you no longer need.'],
      action: { label: 'Download it', run: () => downloadText('nimbus-autosave.json', stranded) },
    });
  return stop;
}
