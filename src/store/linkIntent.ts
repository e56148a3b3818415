import { EMBED_PAGE, readLinkIntent, readWhatIf, SUBMISSION_PARAM } from '../share/linkFragments';
import { openWhatIf } from './compareStore';
import type { ChallengeLinkResult } from '../scenarios/inputs';
import { startLesson } from './learnStore';
import { useDesignStore } from './designStore';
import { addToLibrary, showReadOnly, useLibraryStore } from './libraryStore';
import { noticeSetAside } from './setAsideNotice';
import { useViewStore } from './viewStore';
import { analysisWorker, describeWorkerError, offMainThread } from './workerClient';

// Only the fragment readers: the link builders (share/links.ts) bring the codec and its deflate library.
export { appUrlOfEmbed, readLinkIntent, type LinkIntent, type LinkMode } from '../share/linkFragments';

/** Whether this page is the embed page (embed.html): the design alone, for an iframe on a course page. */
export const isEmbedPage = (path: string = location.pathname): boolean => path.endsWith(`/${EMBED_PAGE}`);

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

/** A link the worker could not read in time: refused like any other bad link. */
export const refuseUnreadable = (error: unknown): void => refuseLink(describeWorkerError(error));

/** A challenge link starts the challenge on a new design in the library. */
function openChallengeLink(parsed: ChallengeLinkResult): void {
  if (!parsed.ok) return refuseLink(parsed.message);
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
 * the user had changes; a good one never overwrites the open design. Links
 * are decoded in the worker: a small one may inflate to millions of items.
 */
let latestLink = 0;

export async function applyLinkIntent(hash: string = location.hash): Promise<void> {
  const intent = readLinkIntent(hash);
  // Decoding takes a moment: a link opened meanwhile wins over this one.
  const mine = ++latestLink;
  const { notify } = useViewStore.getState();
  const whatIf = readWhatIf(hash);
  if (whatIf) {
    const refused = await openWhatIf(whatIf, () => mine === latestLink);
    if (refused) refuseLink(refused);
    return;
  }
  if (hash.replace(/^#/, '').startsWith(`${SUBMISSION_PARAM}=`)) {
    // A student's submission: graded again in the worker and shown read-only (fetched only for such a link).
    const refused = await (await import('./gradingStore')).openSubmissionLink(hash, () => mine === latestLink);
    if (refused) refuseLink(refused);
    return;
  }
  if (intent.kind === 'none') {
    // Leaving a view link (e.g. the user cleared the address): back to their own designs.
    if (useLibraryStore.getState().viewOnly) location.reload();
    return;
  }
  if (intent.kind === 'learn') {
    const parsed = await offMainThread(
      () => analysisWorker().decodeChallengeLink(intent.snapshot),
      // Without a worker the reader is fetched here: it is not needed to draw.
      async () => (await import('../scenarios/inputs')).decodeChallengeLink(intent.snapshot),
    );
    if (mine === latestLink) openChallengeLink(parsed);
    return;
  }
  const decoded = await offMainThread(
    () => analysisWorker().decodeDesignLink(intent.snapshot),
    // Without a worker the codec is fetched here: the first screen does not need it.
    async () => (await import('../share/urlCodec')).decodeSnapshot(intent.snapshot),
  );
  if (mine !== latestLink) return;
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
      topic: 'opened',
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
  const onHashChange = () => void applyLinkIntent().catch(refuseUnreadable);
  window.addEventListener('hashchange', onHashChange);
  return () => window.removeEventListener('hashchange', onHashChange);
}
