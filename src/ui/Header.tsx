import { Ellipsis, Eye } from 'lucide-react';
import { createElement, useRef } from 'react';
import {
  copyViewToLibrary,
  MAX_NAME_LENGTH,
  renameDesign,
  selectDesign,
  useDesignStore,
  useLibraryStore,
} from '../store';
import { ActionButton, ActionMenu, useActionContext } from './ActionButton';
import { actionNamed, headerTools, isAvailable, labelOf, type Action, type ActionContext } from './actions';
import { MenuButton, MenuItem } from './MenuButton';
import { SCREEN_BREAKPOINTS, useWindowWidth } from './PanelLayout';

const iconButton =
  'inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 dark:text-slate-200 dark:hover:bg-slate-800';

const VIEW_ONLY_TEXT = 'View only: explore, inspect, check reachability and simulate; nothing here can be edited.';

/** Shown instead of the editing tools while looking at a `#view=` link; shortened where the header is narrow. */
function ViewOnlyBar({ short, phone }: { short: boolean; phone: boolean }) {
  return (
    <div
      title={short ? VIEW_ONLY_TEXT : undefined}
      className="flex shrink-0 items-center gap-2 rounded-md bg-amber-50 px-2.5 py-1 text-sm whitespace-nowrap text-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      <Eye size={16} aria-hidden />
      <span>{short ? 'View only' : VIEW_ONLY_TEXT}</span>
      {/* A copy is for editing, which needs a larger screen. */}
      {!phone && (
        <button
          type="button"
          onClick={copyViewToLibrary}
          className="rounded-md bg-amber-700 px-2.5 py-1 text-xs font-semibold text-white hover:bg-amber-800"
        >
          Make a copy
        </button>
      )}
    </div>
  );
}

/**
 * The tools that move into the header's "More" menu when the window is too
 * narrow for all of them on one line, least used first out.
 */
const OVERFLOW_BELOW_ROOMY = ['openDesign', 'importAws', 'saveFile', 'compare', 'shortcuts', 'toggleTheme'];
/** On a phone, editing needs a larger screen: only looking, sharing and files stay. */
const HIDDEN_ON_PHONE = ['undo', 'redo'];

/**
 * The header's overflow menu. Its file actions click an input kept outside
 * the menu, since the menu (and anything inside it) closes when an item is chosen.
 */
function MoreMenu({ actions, context }: { actions: Action[]; context: ActionContext }) {
  const inputs = useRef(new Map<string, HTMLInputElement>());
  return (
    <>
      <MenuButton
        label="More"
        icon={<Ellipsis size={16} aria-hidden />}
        buttonClass={iconButton}
        menuClass="w-64"
        labelClass="sr-only"
      >
        {actions.map((action) => {
          const label = labelOf(action, context);
          const icon = action.iconFor?.(context) ?? action.icon;
          return (
            <MenuItem
              key={action.name}
              disabled={action.enabled ? !action.enabled(context) : false}
              onSelect={() => (action.files ? inputs.current.get(action.name)?.click() : action.perform())}
            >
              {icon && createElement(icon, { size: 16, className: 'mt-0.5 shrink-0', 'aria-hidden': true })}
              <span className="text-sm font-medium">{label}</span>
            </MenuItem>
          );
        })}
      </MenuButton>
      {actions.map(
        (action) =>
          action.files && (
            <input
              key={action.name}
              ref={(element) => {
                if (element) inputs.current.set(action.name, element);
                else inputs.current.delete(action.name);
              }}
              type="file"
              multiple={action.files.multiple}
              accept={action.files.accept ?? '.json,application/json'}
              className="hidden"
              data-testid={action.files.testId}
              onChange={(e) => {
                const files = e.target.files ? [...e.target.files] : [];
                e.target.value = '';
                if (files.length > 0) action.perform(files);
              }}
            />
          ),
      )}
    </>
  );
}

export function Header() {
  const design = useDesignStore(selectDesign);
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  const context = useActionContext();
  const width = useWindowWidth();
  const phone = width < SCREEN_BREAKPOINTS.narrow;
  const roomy = width >= SCREEN_BREAKPOINTS.roomyHeader;
  const overflowNames = roomy ? [] : OVERFLOW_BELOW_ROOMY;
  const tools = headerTools(viewOnly)
    .filter(
      (tool) =>
        tool === null ||
        'menu' in tool ||
        !(overflowNames.includes(tool.name) || (phone && HIDDEN_ON_PHONE.includes(tool.name))),
    )
    // A divider only between two tools that stayed.
    .filter((tool, i, all) => tool !== null || (i > 0 && i < all.length - 1 && all[i - 1] !== null));
  const overflow = overflowNames.map(actionNamed).filter((action) => isAvailable(action, viewOnly));

  return (
    <header className="flex min-w-0 flex-nowrap items-center gap-2 border-b border-slate-200 bg-white px-2 py-2 sm:gap-3 sm:px-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex shrink-0 items-center gap-2">
        <img src="/favicon.svg" alt="" className="h-7 w-7" />
        <span className={phone ? 'sr-only' : 'text-lg font-semibold tracking-tight'}>Nimbus</span>
      </div>
      <input
        aria-label="Design name"
        value={design.name}
        title={design.name}
        readOnly={viewOnly}
        maxLength={MAX_NAME_LENGTH}
        onChange={(e) => renameDesign(e.target.value)}
        className={`${phone ? 'w-24 flex-1' : 'w-64 shrink'} min-w-0 rounded-md border border-transparent bg-transparent px-2 py-1 text-sm hover:border-slate-300 focus:border-teal-600 focus:outline-none dark:hover:border-slate-700`}
      />
      <ActionButton action={actionNamed('library')} context={context} className={iconButton} />
      {viewOnly && <ViewOnlyBar short={!roomy} phone={phone} />}
      <div className="ml-auto flex shrink-0 items-center gap-1">
        {tools.map((tool, i) =>
          tool === null ? (
            <span key={`divider-${i}`} className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
          ) : 'menu' in tool ? (
            <ActionMenu
              key={tool.menu}
              menu={tool.menu}
              viewOnly={viewOnly}
              context={context}
              buttonClass={iconButton}
              labelClass={phone ? 'sr-only' : undefined}
            />
          ) : (
            <ActionButton key={tool.name} action={tool} context={context} className={iconButton} />
          ),
        )}
        {overflow.length > 0 && <MoreMenu actions={overflow} context={context} />}
      </div>
    </header>
  );
}
