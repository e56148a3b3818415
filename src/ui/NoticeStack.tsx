import { CircleAlert, Info, TriangleAlert, X } from 'lucide-react';
import { useEffect, useLayoutEffect, useRef, type CSSProperties, type FocusEvent, type MouseEvent } from 'react';
import { toast, Toaster } from 'sonner';
import { useViewStore, type Notice } from '../store';
import { noticeDuration } from './NoticeToasts';

const TONE_STYLE: Record<Notice['tone'], string> = {
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  warning: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
  info: 'border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100',
};
const TONE_ICON = { error: CircleAlert, warning: TriangleAlert, info: Info } as const;

/**
 * Gives focus back to where it was before it entered a notice, when the notice goes and takes the focused
 * button with it, and only then: never from something else that has focus by that time. sonner's list does
 * this itself, but when its last toast has left, a few hundred ms later (longer under load), and whatever
 * has focus then: a header menu opened meanwhile lost its focus and closed at once. So the card's focus
 * events stop here and never reach the list.
 */
function useFocusReturn(live: boolean) {
  const cameFrom = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (live) return;
    const back = cameFrom.current;
    cameFrom.current = null;
    const focusNowhere = document.activeElement === null || document.activeElement === document.body;
    if (back?.isConnected && focusNowhere) back.focus({ preventScroll: true });
  }, [live]);
  return {
    onFocus: (event: FocusEvent<HTMLElement>) => {
      event.stopPropagation();
      if (event.currentTarget.contains(event.relatedTarget)) return;
      cameFrom.current = event.relatedTarget instanceof HTMLElement ? event.relatedTarget : null;
    },
    onBlur: (event: FocusEvent<HTMLElement>) => {
      event.stopPropagation();
      if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) cameFrom.current = null;
    },
  };
}

/** A click on a notice's button leaves focus where it was (the keyboard still reaches the buttons). */
const keepFocus = (event: MouseEvent) => event.preventDefault();

function NoticeCard({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  // Gone from the store, gone from the page at once, whatever the toast's own exit animation is doing
  // (sonner removes a dismissed toast on a later animation frame, which a background tab may not run).
  const live = useViewStore((s) => s.notices.some((n) => n.id === notice.id));
  const Icon = TONE_ICON[notice.tone];
  const focusReturn = useFocusReturn(live);
  if (!live) return null;
  return (
    <div
      {...focusReturn}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      className={`flex w-[var(--width)] items-start gap-3 rounded-lg border px-3 py-2 text-sm shadow-lg ${TONE_STYLE[notice.tone]}`}
    >
      <Icon size={18} className="mt-0.5 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{notice.title}</p>
        {notice.details && (
          <ul className="mt-1 max-h-40 list-disc space-y-0.5 overflow-y-auto pl-5 font-mono text-xs break-all">
            {notice.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {notice.action && (
          <button
            type="button"
            onClick={notice.action.run}
            onMouseDown={keepFocus}
            className="mt-2 rounded border border-current px-2 py-0.5 text-xs font-medium"
          >
            {notice.action.label}
          </button>
        )}
      </div>
      <button
        type="button"
        onClick={onDismiss}
        onMouseDown={keepFocus}
        aria-label="Dismiss"
        className="rounded p-0.5 hover:bg-black/10"
      >
        <X size={16} aria-hidden />
      </button>
    </div>
  );
}

/**
 * The store's notices as one stack of toasts over the canvas (sonner), so a
 * notice never pushes the canvas down. The store stays the list of what is
 * said; this mirrors it: a new notice becomes a toast, a dismissed one goes,
 * and one that fades by itself leaves the store too.
 */
export function NoticeStack() {
  const notices = useViewStore((s) => s.notices);
  const dismiss = useViewStore((s) => s.dismiss);
  const theme = useViewStore((s) => s.theme);
  const shown = useRef(new Set<number>());
  useEffect(() => {
    const current = new Set(notices.map((n) => n.id));
    for (const id of shown.current)
      if (!current.has(id)) {
        toast.dismiss(id);
        shown.current.delete(id);
      }
    for (const notice of notices) {
      if (shown.current.has(notice.id)) continue;
      shown.current.add(notice.id);
      toast.custom(() => <NoticeCard notice={notice} onDismiss={() => dismiss(notice.id)} />, {
        id: notice.id,
        duration: noticeDuration(notice),
        dismissible: false,
        onAutoClose: () => dismiss(notice.id),
      });
    }
  }, [notices, dismiss]);
  return (
    <Toaster
      position="bottom-center"
      // Stacked, not spread: several notices cover one toast's height of the canvas until hovered.
      visibleToasts={4}
      gap={8}
      offset={16}
      theme={theme}
      containerAriaLabel="Notices"
      style={{ '--width': 'min(440px, calc(100vw - 32px))' } as CSSProperties}
    />
  );
}
