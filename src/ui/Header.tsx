import { Eye } from 'lucide-react';
import {
  copyViewToLibrary,
  MAX_NAME_LENGTH,
  renameDesign,
  selectDesign,
  useDesignStore,
  useLibraryStore,
} from '../store';
import { ActionButton, ActionMenu, useActionContext } from './ActionButton';
import { actionNamed, headerTools } from './actions';

const iconButton =
  'inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 dark:text-slate-200 dark:hover:bg-slate-800';

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
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  const context = useActionContext();

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
      <ActionButton action={actionNamed('library')} context={context} className={iconButton} />
      {viewOnly && <ViewOnlyBar />}
      <div className="ml-auto flex items-center gap-1">
        {headerTools(viewOnly).map((tool, i) =>
          tool === null ? (
            <span key={`divider-${i}`} className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
          ) : 'menu' in tool ? (
            <ActionMenu
              key={tool.menu}
              menu={tool.menu}
              viewOnly={viewOnly}
              context={context}
              buttonClass={iconButton}
            />
          ) : (
            <ActionButton key={tool.name} action={tool} context={context} className={iconButton} />
          ),
        )}
      </div>
    </header>
  );
}
