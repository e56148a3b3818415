import { Copy, Download, FilePlus2, Pencil, Trash2, TriangleAlert, X } from 'lucide-react';
import { useRef, useState } from 'react';
import { Modal, ModalTitle } from './Modal';
import {
  byRecency,
  deleteEntry,
  downloadText,
  duplicateEntry,
  libraryBackupsNow,
  MAX_NAME_LENGTH,
  newDesignInLibrary,
  openEntry,
  renameEntry,
  setLibraryOpen,
  storedCharacters,
  useLibraryStore,
  useStorageStatus,
  type LibraryEntry,
} from '../store';
import { Hint } from './Hint';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const small =
  'inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800';

/** Thumbnails are our own SVG (boxes only), shown through <img> so nothing in them can run. */
const thumbnailSrc = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

function EntryRow({ entry, current }: { entry: LibraryEntry; current: boolean }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(entry.name);
  const finishRename = () => {
    setRenaming(false);
    const trimmed = name.trim();
    if (trimmed && trimmed !== entry.name) renameEntry(entry.id, trimmed);
    else setName(entry.name);
  };
  return (
    <li
      aria-label={entry.name}
      aria-current={current ? 'true' : undefined}
      className={`flex items-center gap-3 rounded-lg border p-2 ${
        current ? 'border-teal-500 bg-teal-50/60 dark:bg-teal-950/40' : 'border-slate-200 dark:border-slate-700'
      }`}
    >
      <button
        type="button"
        onClick={() => openEntry(entry.id) && setLibraryOpen(false)}
        className="shrink-0 overflow-hidden rounded border border-slate-200 bg-white dark:border-slate-700"
      >
        {entry.thumbnail && entry.resourceCount > 0 ? (
          <img
            src={thumbnailSrc(entry.thumbnail)}
            alt={`Open ${entry.name}`}
            width={120}
            height={75}
            className="h-[75px] w-[120px]"
          />
        ) : (
          // Named by its text, which the name then contains (what speech input users would say).
          <span className="flex h-[75px] w-[120px] items-center justify-center text-xs text-slate-600">
            <span className="sr-only">Open {entry.name}: </span>Empty
          </span>
        )}
      </button>
      <div className="min-w-0 flex-1">
        {renaming ? (
          <input
            aria-label="New name"
            autoFocus
            maxLength={MAX_NAME_LENGTH}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onBlur={finishRename}
            onKeyDown={(e) => {
              if (e.key === 'Enter') finishRename();
              if (e.key === 'Escape') {
                setName(entry.name);
                setRenaming(false);
              }
            }}
            className="w-full rounded border border-teal-600 bg-transparent px-1.5 py-0.5 text-sm"
          />
        ) : (
          <p className="truncate text-sm font-medium">
            {entry.name}
            {current && <span className="ml-2 text-xs font-normal text-teal-700 dark:text-teal-300">open now</span>}
          </p>
        )}
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {entry.resourceCount} resources · edited {when.format(new Date(entry.updatedAt))}
        </p>
        <div className="mt-1 flex gap-1">
          <button type="button" className={small} onClick={() => setRenaming(true)} aria-label={`Rename ${entry.name}`}>
            <Pencil size={13} aria-hidden /> Rename
          </button>
          <button
            type="button"
            className={small}
            onClick={() => duplicateEntry(entry.id)}
            aria-label={`Duplicate ${entry.name}`}
          >
            <Copy size={13} aria-hidden /> Duplicate
          </button>
          <button
            type="button"
            className={`${small} text-red-700 dark:text-red-300`}
            onClick={() => deleteEntry(entry.id)}
            aria-label={`Delete ${entry.name}`}
          >
            <Trash2 size={13} aria-hidden /> Delete
          </button>
        </div>
      </div>
    </li>
  );
}

/** Roughly how much browser storage Nimbus uses (localStorage holds UTF-16, two bytes a character). */
const storageUse = (): string => `${Math.ceil((storedCharacters() * 2) / 1024).toLocaleString()} KB`;

/** Lists of designs that could not be fully read are kept, never deleted; the user can take them away as files. */
function Backups() {
  const backups = libraryBackupsNow();
  if (backups.length === 0) return null;
  return (
    <section
      aria-label="Kept copies of your list"
      className="mx-4 mt-3 flex items-start gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <TriangleAlert size={16} className="mt-0.5 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">
        <p>
          {backups.length === 1 ? 'A list' : `${backups.length} lists`} of your designs could not be fully read, so
          Nimbus kept {backups.length === 1 ? 'a copy' : 'copies'} and listed every design it could read.
        </p>
        <ul className="mt-1 flex flex-wrap gap-2">
          {backups.map((backup) => (
            <li key={backup.key}>
              <button
                type="button"
                className="inline-flex items-center gap-1 rounded border border-current px-2 py-0.5 text-xs font-medium"
                onClick={() =>
                  downloadText(`nimbus-library-backup-${backup.at.replace(/[:.]/g, '-')}.json`, backup.raw)
                }
              >
                <Download size={13} aria-hidden /> Download the list kept on {when.format(new Date(backup.at))}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

export function LibraryDialog() {
  const open = useLibraryStore((s) => s.open);
  const entries = useLibraryStore((s) => s.entries);
  const currentId = useLibraryStore((s) => s.currentId);
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  const inMemory = useStorageStatus((s) => s.inMemory);
  const closeButton = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      open={open}
      onClose={() => setLibraryOpen(false)}
      title="Your designs"
      initialFocus={closeButton}
      panelClass="flex max-h-[85vh] w-full max-w-2xl flex-col rounded-xl border border-slate-200 bg-white text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      header={
        <div className="flex items-center gap-3 border-b border-slate-200 px-5 py-3 dark:border-slate-700">
          <ModalTitle className="text-lg font-semibold">Your designs</ModalTitle>
          <span className="text-xs text-slate-500 dark:text-slate-400">
            {inMemory ? `${entries.length} for this visit only` : `${entries.length} in this browser · ${storageUse()}`}
          </span>
          <button
            type="button"
            className="ml-auto inline-flex items-center gap-1.5 rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800"
            onClick={() => newDesignInLibrary() && setLibraryOpen(false)}
          >
            <FilePlus2 size={16} aria-hidden /> New design
          </button>
          <Hint text="Close the library (Escape)">
            <button
              ref={closeButton}
              type="button"
              aria-label="Close"
              className="rounded p-1 hover:bg-slate-100 dark:hover:bg-slate-800"
              onClick={() => setLibraryOpen(false)}
            >
              <X size={18} aria-hidden />
            </button>
          </Hint>
        </div>
      }
    >
      <Backups />
      <ul aria-label="Designs" className="flex flex-col gap-2 overflow-y-auto p-4">
        {byRecency(entries).map((entry) => (
          <EntryRow key={entry.id} entry={entry} current={!viewOnly && entry.id === currentId} />
        ))}
      </ul>
      <p className="border-t border-slate-200 px-5 py-2 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
        Designs are kept in this browser only. Use Share or Save as file to keep or send them elsewhere.
      </p>
    </Modal>
  );
}
