import { CloudDownload, Eye, FolderOpen, Keyboard, Library, Moon, Redo2, Save, Sun, Undo2 } from 'lucide-react';
import {
  copyViewToLibrary,
  MAX_NAME_LENGTH,
  downloadText,
  setLibraryOpen,
  useLibraryStore,
  redoCommand,
  renameDesign,
  selectCanRedo,
  selectCanUndo,
  selectDesign,
  undoCommand,
  useDesignStore,
  useViewStore,
} from '../store';
import { importAwsFiles } from './importAwsFiles';
import { JsonFilesButton } from './JsonFilesButton';
import { openDesignFile } from './openDesignFile';
import { fileSlug } from './fileNames';
import { ShareMenu } from './ShareMenu';
import { TemplatesMenu } from './TemplatesMenu';

const iconButton =
  'inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 dark:text-slate-200 dark:hover:bg-slate-800';

const fileNameFor = (name: string): string => `${fileSlug(name)}.nimbus.json`;

/** Shown instead of the editing tools while looking at a `#view=` link. */
function ViewOnlyBar() {
  return (
    <div className="ml-2 flex items-center gap-2 rounded-md bg-amber-50 px-2.5 py-1 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
      <Eye size={16} aria-hidden />
      <span>View only: explore, inspect, check reachability and simulate; nothing here can be edited.</span>
      <button
        type="button"
        onClick={copyViewToLibrary}
        className="rounded-md bg-amber-600 px-2.5 py-1 text-xs font-semibold text-white hover:bg-amber-700"
      >
        Make a copy
      </button>
    </div>
  );
}

export function Header() {
  const design = useDesignStore(selectDesign);
  const canUndo = useDesignStore(selectCanUndo);
  const canRedo = useDesignStore(selectCanRedo);
  const theme = useViewStore((s) => s.theme);
  const setTheme = useViewStore((s) => s.setTheme);
  const viewOnly = useLibraryStore((s) => s.viewOnly);

  return (
    <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-center gap-2">
        <img src="/favicon.svg" alt="" className="h-7 w-7" />
        <span className="text-lg font-semibold tracking-tight">Nimbus</span>
      </div>
      <input
        aria-label="Design name"
        value={design.name}
        readOnly={viewOnly}
        maxLength={MAX_NAME_LENGTH}
        onChange={(e) => renameDesign(e.target.value)}
        className="ml-2 w-64 rounded-md border border-transparent bg-transparent px-2 py-1 text-sm hover:border-slate-300 focus:border-teal-600 focus:outline-none dark:hover:border-slate-700"
      />
      <button type="button" className={iconButton} onClick={() => setLibraryOpen(true)} title="Your saved designs">
        <Library size={16} aria-hidden /> Library
      </button>
      {viewOnly && <ViewOnlyBar />}
      <div className="ml-auto flex items-center gap-1">
        {!viewOnly && (
          <>
            <button
              type="button"
              className={iconButton}
              onClick={undoCommand}
              disabled={!canUndo}
              aria-label="Undo"
              title="Undo (Ctrl+Z)"
            >
              <Undo2 size={16} aria-hidden /> Undo
            </button>
            <button
              type="button"
              className={iconButton}
              onClick={redoCommand}
              disabled={!canRedo}
              aria-label="Redo"
              title="Redo (Ctrl+Shift+Z)"
            >
              <Redo2 size={16} aria-hidden /> Redo
            </button>
            <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
            <TemplatesMenu buttonClass={iconButton} />
            <JsonFilesButton
              className={iconButton}
              testId="open-design-input"
              onFiles={([file]) => void openDesignFile(file!)}
            >
              <FolderOpen size={16} aria-hidden /> Open design…
            </JsonFilesButton>
            <JsonFilesButton
              className={iconButton}
              testId="import-aws-input"
              multiple
              title="Import the JSON printed by aws ec2 describe-vpcs, describe-subnets, …"
              onFiles={(files) => void importAwsFiles(files)}
            >
              <CloudDownload size={16} aria-hidden /> Import AWS…
            </JsonFilesButton>
            <button
              type="button"
              className={iconButton}
              onClick={() => downloadText(fileNameFor(design.name), JSON.stringify(design, null, 2) + '\n')}
            >
              <Save size={16} aria-hidden /> Save as file
            </button>
          </>
        )}
        <ShareMenu buttonClass={iconButton} />
        <button
          type="button"
          className={iconButton}
          onClick={() => useViewStore.getState().setShortcutsOpen(true)}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
        >
          <Keyboard size={16} aria-hidden />
        </button>
        <button
          type="button"
          className={iconButton}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          aria-label={theme === 'dark' ? 'Switch to light mode' : 'Switch to dark mode'}
          title="Toggle dark mode"
        >
          {theme === 'dark' ? <Sun size={16} aria-hidden /> : <Moon size={16} aria-hidden />}
        </button>
      </div>
    </header>
  );
}
