import { lazy, Suspense, useState } from 'react';
import { useViewStore, type Notice } from '../store';

/** How long a notice stays, in ms: news fades, anything that needs reading or answering stays until dismissed. */
export function noticeDuration(notice: Pick<Notice, 'tone' | 'action'>): number {
  if (notice.tone !== 'info') return Number.POSITIVE_INFINITY;
  // An offer (Undo, keep it?) gets longer to be taken; hovering pauses the countdown.
  return notice.action ? 15_000 : 8_000;
}

const NoticeStack = lazy(async () => ({ default: (await import('./NoticeStack')).NoticeStack }));

/**
 * The toast stack's code (sonner) is fetched with the first notice, not before
 * the canvas; once there it stays mounted, so later notices show at once.
 */
export function NoticeToasts() {
  const anyNotice = useViewStore((s) => s.notices.length > 0);
  const [needed, setNeeded] = useState(false);
  if (anyNotice && !needed) setNeeded(true);
  return needed ? (
    <Suspense fallback={null}>
      <NoticeStack />
    </Suspense>
  ) : null;
}
