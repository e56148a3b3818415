import { CircleAlert, Info, TriangleAlert, X } from 'lucide-react';
import { useViewStore, type Notice } from '../store';

const TONE_STYLE: Record<Notice['tone'], string> = {
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  warning: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
  info: 'border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100',
};
const TONE_ICON = { error: CircleAlert, warning: TriangleAlert, info: Info } as const;

export function NoticeBar() {
  const notices = useViewStore((s) => s.notices);
  const dismiss = useViewStore((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="flex flex-col gap-2 px-4 pt-3">
      {notices.map((notice) => {
        const Icon = TONE_ICON[notice.tone];
        return (
          <div
            key={notice.id}
            role={notice.tone === 'error' ? 'alert' : 'status'}
            className={`flex items-start gap-3 rounded-lg border px-3 py-2 text-sm ${TONE_STYLE[notice.tone]}`}
          >
            <Icon size={18} className="mt-0.5 shrink-0" aria-hidden />
            <div className="min-w-0 flex-1">
              <p className="font-medium">{notice.title}</p>
              {notice.details && (
                <ul className="mt-1 list-disc space-y-0.5 pl-5 font-mono text-xs break-all">
                  {notice.details.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
              {notice.action && (
                <button
                  type="button"
                  onClick={notice.action.run}
                  className="mt-2 rounded border border-current px-2 py-0.5 text-xs font-medium"
                >
                  {notice.action.label}
                </button>
              )}
            </div>
            <button
              type="button"
              onClick={() => dismiss(notice.id)}
              aria-label="Dismiss"
              className="rounded p-0.5 hover:bg-black/10"
            >
              <X size={16} aria-hidden />
            </button>
          </div>
        );
      })}
    </div>
  );
}
