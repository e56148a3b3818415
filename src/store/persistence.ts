import type { Design } from '../domain';
import { restore, save, type StorageLike } from './autosave';
import { useDesignStore } from './designStore';
import { useViewStore } from './viewStore';
import { downloadText } from './download';

const SAVE_DELAY_MS = 300;

/**
 * Restores the autosaved design at start-up and saves every change after a
 * short pause. Problems become notices; the design in memory is never lost.
 */
export function startPersistence(storage: StorageLike): () => void {
  const { notify } = useViewStore.getState();
  const restored = restore(storage);
  let saving = true;
  if (restored.kind === 'restored') {
    useDesignStore.setState({ history: { past: [], present: restored.design, future: [], last: null } });
  } else if (restored.kind === 'unreadable') {
    saving = restored.backupKey !== null;
    notify({
      tone: 'error',
      title: 'Your autosaved design could not be read, so Nimbus started with an empty one.',
      details: [
        `Reason: ${restored.reason}`,
        restored.backupKey
          ? `Nothing was deleted: the saved copy is kept in this browser as "${restored.backupKey}".`
          : 'Nothing was deleted; autosave is paused for this visit so the saved copy is not overwritten. Download it, then free some browser storage.',
      ],
      action: {
        label: 'Download the saved copy',
        run: () => downloadText('nimbus-unreadable-autosave.json', restored.raw),
      },
    });
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSaved: Design = useDesignStore.getState().history.present;
  let failing = false;
  const flush = () => {
    const design = useDesignStore.getState().history.present;
    if (!saving || design === lastSaved) return;
    const result = save(storage, design);
    if (result.ok) {
      lastSaved = design;
      failing = false;
    } else if (!failing) {
      failing = true;
      notify({ tone: 'error', title: result.message });
    }
  };
  const unsubscribe = useDesignStore.subscribe((state, previous) => {
    if (state.history.present === previous.history.present) return;
    clearTimeout(timer);
    timer = setTimeout(flush, SAVE_DELAY_MS);
  });
  const onHide = () => flush();
  window.addEventListener('pagehide', onHide);
  return () => {
    unsubscribe();
    clearTimeout(timer);
    window.removeEventListener('pagehide', onHide);
  };
}
