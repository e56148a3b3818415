import { useRef } from 'react';
import { byRecency, parseDesignText, readLibraryDesign, useLibraryStore, useViewStore } from '../store';
import { compareWith, sessionStartVersion, setCompareDialogOpen, useCompareStore } from '../store/compareStore';
import { Modal } from './Modal';

const choice =
  'w-full rounded-md border border-slate-200 px-3 py-2 text-left text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800';
const small =
  'rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800';

async function compareWithFile(file: File): Promise<void> {
  const parsed = await parseDesignText(await file.text());
  if (!parsed.ok) {
    useViewStore.getState().notify({
      tone: 'error',
      title: `${file.name} is not a Nimbus design, so nothing was compared.`,
      details: parsed.errors.slice(0, 3),
    });
    return;
  }
  await compareWith(parsed.design, `the file ${file.name}`);
}

function compareWithEntry(id: string, name: string): void {
  const read = readLibraryDesign(id);
  if (!read?.ok) {
    useViewStore.getState().notify({
      tone: 'error',
      title: `“${name}” could not be read${read ? `: ${read.reason}` : ''}. Nothing was compared.`,
    });
    return;
  }
  void compareWith(read.design, `the library entry “${name}”`);
}

/**
 * The "Compare with…" dialog: the version this session opened, another library entry, or a design file.
 * The results are docked in the side panel (`ComparePanel.tsx`), beside the canvas rather than over it.
 */
export function CompareDialog() {
  const open = useCompareStore((s) => s.dialogOpen);
  const entries = useLibraryStore((s) => s.entries);
  const currentId = useLibraryStore((s) => s.currentId);
  const file = useRef<HTMLInputElement>(null);
  const others = byRecency(entries.filter((e) => e.id !== currentId));
  const start = open ? sessionStartVersion() : null;
  return (
    <>
      <Modal open={open} onClose={() => setCompareDialogOpen(false)} title="Compare with…">
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          What the open design changes against another: resources added, removed and changed, paths opened and closed,
          findings and monthly cost.
        </p>
        <h3 className="mt-4 text-sm font-semibold">Earlier version of this design</h3>
        {start ? (
          <button
            type="button"
            className={`${choice} mt-1`}
            onClick={() => void compareWith(start, 'the version you opened')}
          >
            The version you opened (the oldest step Undo keeps)
          </button>
        ) : (
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            No older version yet: the library keeps one copy of each design, saved as you edit, and this design has no
            earlier step in this session. Compare with a library entry or a file instead.
          </p>
        )}
        <h3 className="mt-4 text-sm font-semibold">A design in your library</h3>
        {others.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Your library has no other design.</p>
        ) : (
          <ul className="mt-1 max-h-48 space-y-1 overflow-y-auto">
            {others.map((entry) => (
              <li key={entry.id}>
                <button type="button" className={choice} onClick={() => compareWithEntry(entry.id, entry.name)}>
                  {entry.name}
                </button>
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-4 text-sm font-semibold">A design file</h3>
        <button type="button" className={`${choice} mt-1`} onClick={() => file.current?.click()}>
          Choose a .json design file…
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          className="hidden"
          data-testid="compare-file-input"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            event.target.value = '';
            if (chosen) void compareWithFile(chosen);
          }}
        />
        <div className="mt-5 flex justify-end">
          <button type="button" className={small} onClick={() => setCompareDialogOpen(false)}>
            Cancel
          </button>
        </div>
      </Modal>
    </>
  );
}
