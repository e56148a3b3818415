import { readLinkIntent } from '../share/links';
import { decodeJsonSnapshot, decodeSnapshot } from '../share/urlCodec';
import { parseLesson } from '../scenarios/learn';
import { startLesson } from './learnStore';
import { useDesignStore } from './designStore';
import { addToLibrary, showReadOnly, useLibraryStore } from './libraryStore';
import { noticeSetAside } from './setAsideNotice';
import { useViewStore } from './viewStore';

export { readLinkIntent, shareUrl, type LinkIntent, type LinkMode } from '../share/links';

function refuseLink(message: string): void {
  const { notify, dismiss } = useViewStore.getState();
  const id = notify({
    tone: 'error',
    title: `This link could not be opened. ${message}`,
    details: ['Your own designs are untouched.'],
    action: {
      label: 'Open Nimbus without the link',
      run: () => {
        forgetLink();
        dismiss(id);
      },
    },
  });
}

/** A challenge link starts the challenge on a new design in the library. */
function openChallengeLink(snapshot: string): void {
  const decoded = decodeJsonSnapshot(snapshot);
  if (!decoded.ok) return refuseLink(decoded.message);
  const parsed = parseLesson(decoded.json);
  if (!parsed.ok) return refuseLink(`It holds a challenge Nimbus can't use: ${parsed.errors.slice(0, 3).join('; ')}`);
  if (startLesson(parsed.lesson, { fresh: true })) {
    forgetLink();
    useViewStore.getState().notify({
      tone: 'info',
      title: `Started the ${parsed.lesson.kind} “${parsed.lesson.title}” from a link. Its goals are in the Learn tab.`,
    });
  }
}

function forgetLink(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

/**
 * Acts on the link in the address bar. A bad link is explained and nothing
 * the user had changes; a good one never overwrites the open design.
 */
export function applyLinkIntent(hash: string = location.hash): void {
  const intent = readLinkIntent(hash);
  const { notify } = useViewStore.getState();
  if (intent.kind === 'none') {
    // Leaving a view link (e.g. the user cleared the address): back to their own designs.
    if (useLibraryStore.getState().viewOnly) location.reload();
    return;
  }
  if (intent.kind === 'learn') {
    openChallengeLink(intent.snapshot);
    return;
  }
  const decoded = decodeSnapshot(intent.snapshot);
  if (!decoded.ok) return refuseLink(decoded.message);
  if (intent.kind === 'view') {
    showReadOnly(decoded.design);
    noticeSetAside(decoded.setAside);
    return;
  }
  if (addToLibrary(decoded.design)) {
    forgetLink();
    notify({
      tone: 'info',
      title: `Opened "${decoded.design.name}" from a link as a new design in your library. Your other designs are still there.`,
    });
    noticeSetAside(decoded.setAside);
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
