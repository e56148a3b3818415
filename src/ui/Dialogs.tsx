import { useEffect, useRef } from 'react';
import { useViewStore } from '../store';
import { useActionContext } from './ActionButton';
import { MOUSE_GESTURES, shortcutRows } from './actions';

const panel =
  'w-full max-w-lg rounded-xl border border-slate-200 bg-white p-5 shadow-xl dark:border-slate-700 dark:bg-slate-900';

export function ConfirmDialog() {
  const request = useViewStore((s) => s.confirm);
  const ask = useViewStore((s) => s.ask);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmButton.current?.focus(), [request]);
  if (!request) return null;
  return (
    <div
      className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4"
      onKeyDown={(e) => e.key === 'Escape' && ask(null)}
    >
      <div role="dialog" aria-modal="true" aria-labelledby="confirm-title" className={panel}>
        <h2 id="confirm-title" className="text-lg font-semibold">
          {request.title}
        </h2>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{request.body}</p>
        <div className="mt-5 flex justify-end gap-2">
          <button
            type="button"
            onClick={() => ask(null)}
            className="rounded-md px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            Cancel
          </button>
          <button
            ref={confirmButton}
            type="button"
            onClick={() => {
              ask(null);
              request.onConfirm();
            }}
            className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700"
          >
            {request.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

export function ShortcutSheet() {
  const open = useViewStore((s) => s.shortcutsOpen);
  const setOpen = useViewStore((s) => s.setShortcutsOpen);
  const context = useActionContext();
  if (!open) return null;
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4" onClick={() => setOpen(false)}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        className={panel}
        onClick={(e) => e.stopPropagation()}
      >
        <h2 className="text-lg font-semibold">Keyboard shortcuts</h2>
        <table className="mt-3 w-full text-sm">
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {shortcutRows(context).map((row) => (
              <tr key={row.name}>
                <td className="py-1.5 pr-4">{row.label}</td>
                <td className="py-1.5 text-right">
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                    {row.keys}
                  </kbd>
                </td>
              </tr>
            ))}
            {MOUSE_GESTURES.map(([gesture, effect]) => (
              <tr key={gesture}>
                <td className="py-1.5 pr-4">{effect}</td>
                <td className="py-1.5 text-right text-xs text-slate-500 dark:text-slate-400">{gesture}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="mt-4 text-right">
          <button
            type="button"
            onClick={() => setOpen(false)}
            className="rounded-md px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
