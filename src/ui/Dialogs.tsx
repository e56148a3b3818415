import { useRef } from 'react';
import { useViewStore } from '../store';
import { useActionContext } from './ActionButton';
import { MOUSE_GESTURES, shortcutRows } from './actions';
import { Modal } from './Modal';

const plainButton = 'rounded-md px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800';

export function ConfirmDialog() {
  const request = useViewStore((s) => s.confirm);
  const ask = useViewStore((s) => s.ask);
  const confirmButton = useRef<HTMLButtonElement>(null);
  return (
    <Modal open={!!request} onClose={() => ask(null)} title={request?.title ?? ''} initialFocus={confirmButton}>
      {request && (
        <>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{request.body}</p>
          <div className="mt-5 flex justify-end gap-2">
            <button type="button" onClick={() => ask(null)} className={plainButton}>
              Cancel
            </button>
            <button
              ref={confirmButton}
              type="button"
              onClick={() => {
                ask(null);
                request.onConfirm();
              }}
              className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
            >
              {request.confirmLabel}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}

const headCell = 'pb-1 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300';

export function ShortcutSheet() {
  const open = useViewStore((s) => s.shortcutsOpen);
  const setOpen = useViewStore((s) => s.setShortcutsOpen);
  const context = useActionContext();
  return (
    <Modal open={open} onClose={() => setOpen(false)} title="Keyboard shortcuts">
      <div className="mt-3 max-h-[70vh] overflow-y-auto">
        <table className="w-full text-sm">
          <thead>
            <tr>
              <th scope="col" className={headCell}>
                Action
              </th>
              <th scope="col" className={`${headCell} text-right`}>
                Keys
              </th>
            </tr>
          </thead>
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
          </tbody>
        </table>
        {/* The mouse reads gesture first, then what it does, as each effect continues its gesture. */}
        <table aria-label="Mouse" className="mt-4 w-full text-sm">
          <thead>
            <tr>
              <th scope="col" className={headCell}>
                Mouse
              </th>
              <th scope="col" className={headCell}>
                What it does
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {MOUSE_GESTURES.map(([gesture, effect]) => (
              <tr key={gesture}>
                <td className="py-1.5 pr-4 font-medium">{gesture}</td>
                <td className="py-1.5 text-slate-700 dark:text-slate-300">{effect}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-4 text-right">
        <button type="button" onClick={() => setOpen(false)} className={plainButton}>
          Close
        </button>
      </div>
    </Modal>
  );
}
