import { createElement } from 'react';
import { selectCanRedo, selectCanUndo, selectDesign, useDesignStore, useViewStore } from '../store';
import { labelOf, menuItems, MENUS, titleOf, type Action, type ActionContext, type MenuName } from './actions';
import { JsonFilesButton } from './JsonFilesButton';
import { MenuButton } from './MenuButton';

/** What the actions read, kept current for rendering. */
export function useActionContext(): ActionContext {
  const canUndo = useDesignStore(selectCanUndo);
  const canRedo = useDesignStore(selectCanRedo);
  const empty = useDesignStore((s) => Object.keys(selectDesign(s).resources).length === 0);
  const theme = useViewStore((s) => s.theme);
  return { canUndo, canRedo, empty, theme };
}

function ActionIcon({ action, context, className }: { action: Action; context: ActionContext; className?: string }) {
  // Picks one of the icon components the table names; nothing is created here.
  const icon = action.iconFor?.(context) ?? action.icon;
  return icon ? createElement(icon, { size: 16, className, 'aria-hidden': true }) : null;
}

/** A header button for one action. */
export function ActionButton({
  action,
  context,
  className,
}: {
  action: Action;
  context: ActionContext;
  className: string;
}) {
  const label = labelOf(action, context);
  const content = (
    <>
      <ActionIcon action={action} context={context} />
      {/* Below 1280 px the header keeps its icons on one line; the name stays the button's label and title. */}
      {action.iconOnly ? null : <span className="hidden whitespace-nowrap xl:inline"> {label}</span>}
    </>
  );
  if (action.files)
    return (
      <JsonFilesButton
        className={className}
        testId={action.files.testId}
        multiple={action.files.multiple}
        title={titleOf(action, context)}
        onFiles={action.perform}
      >
        {content}
      </JsonFilesButton>
    );
  return (
    <button
      type="button"
      className={className}
      onClick={action.perform}
      disabled={action.enabled ? !action.enabled(context) : false}
      aria-label={label}
      title={titleOf(action, context)}
    >
      {content}
    </button>
  );
}

const menuItem =
  'flex w-full items-start gap-2 rounded-md px-3 py-2 text-left hover:bg-slate-100 disabled:opacity-40 dark:hover:bg-slate-800';

/** A header menu listing its available actions; choosing one closes the menu first. */
export function ActionMenu({
  menu,
  viewOnly,
  context,
  buttonClass,
}: {
  menu: MenuName;
  viewOnly: boolean;
  context: ActionContext;
  buttonClass: string;
}) {
  const { icon: Icon, width } = MENUS[menu];
  return (
    <MenuButton label={menu} icon={<Icon size={16} aria-hidden />} buttonClass={buttonClass} menuClass={width}>
      {(close) =>
        menuItems(menu, viewOnly).map((action, i) => {
          if (action === null) return <div key={`divider-${i}`} className="my-1 h-px bg-slate-200 dark:bg-slate-700" />;
          if (action.files) return null;
          const label = labelOf(action, context);
          return (
            <button
              key={action.name}
              type="button"
              role="menuitem"
              className={menuItem}
              disabled={action.enabled ? !action.enabled(context) : false}
              onClick={() => {
                close();
                action.perform();
              }}
            >
              <ActionIcon action={action} context={context} className="mt-0.5 shrink-0" />
              {action.description ? (
                <span>
                  <span className="block text-sm font-medium">{label}</span>
                  <span className="block text-xs text-slate-500 dark:text-slate-400">{action.description}</span>
                </span>
              ) : (
                <span className="text-sm font-medium">{label}</span>
              )}
            </button>
          );
        })
      }
    </MenuButton>
  );
}
