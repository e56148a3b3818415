import { readLinkIntent } from '../share/links';
import { decodeSnapshot } from '../share/urlCodec';
import { useDesignStore } from './designStore';
import { addToLibrary, showReadOnly, useLibraryStore } from './libraryStore';
import { useViewStore } from './viewStore';

export { readLinkIntent, shareUrl, type LinkIntent, type LinkMode } from '../share/links';

function forgetLink(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

/**
 * Acts on the link in the address bar. A bad link is explained and nothing
 * the user had changes; a good one never overwrites the open design.
 */
export function applyLinkIntent(hash: string = location.hash): void {
  const intent = readLinkIntent(hash);
  const { notify, dismiss } = useViewStore.getState();
  if (intent.kind === 'none') {
    // Leaving a view link (e.g. the user cleared the address): back to their own designs.
    if (useLibraryStore.getState().viewOnly) location.reload();
    return;
  }
  const decoded = decodeSnapshot(intent.snapshot);
  if (!decoded.ok) {
    const id = notify({
      tone: 'error',
      title: `This link could not be opened. ${decoded.message}`,
      details: ['Your own designs are untouched.'],
      action: {
        label: 'Open Nimbus without the link',
        run: () => {
          forgetLink();
          dismiss(id);
        },
      },
    });
    return;
  }
  if (intent.kind === 'view') {
    showReadOnly(decoded.design);
    return;
  }
  if (addToLibrary(decoded.design)) {
    forgetLink();
    notify({
      tone: 'info',
      title: `Opened "${decoded.design.name}" from a link as a new design in your library. Your other designs are still there.`,
    });
  }
}

/** "Make a copy" of a viewed link: it becomes the user's own, editable design in the library. */
export function copyViewToLibrary(): void {
  if (addToLibrary(useDesignStore.getState().history.present)) {
    forgetLink();
    useViewStore.getState().notify({ tone: 'info', title: 'Copied to your library. This copy is yours to edit.' });
  }
}

export function watchLinks(): () => void {
  const onHashChange = () => applyLinkIntent();
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
