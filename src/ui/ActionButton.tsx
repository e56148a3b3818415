import { createElement } from 'react';
import { selectCanRedo, selectCanUndo, selectDesign, useDesignStore, useViewStore } from '../store';
import { labelOf, menuItems, MENUS, titleOf, type Action, type ActionContext, type MenuName } from './actions';
import { JsonFilesButton } from './JsonFilesButton';
import { Hint } from './Hint';
import { MenuButton, MenuDivider, MenuItem } from './MenuButton';

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
        accept={action.files.accept}
        hint={titleOf(action, context) ?? label}
        onFiles={action.perform}
      >
        {content}
      </JsonFilesButton>
    );
  // Every header button gets a tooltip: below 1280 px they all show their icon alone.
  return (
    <Hint text={titleOf(action, context) ?? label}>
      <button
        type="button"
        className={className}
        onClick={action.perform}
        disabled={action.enabled ? !action.enabled(context) : false}
        aria-label={label}
      >
        {content}
      </button>
    </Hint>
  );
}

/** A header menu listing its available actions; choosing one closes the menu first. */
export function ActionMenu({
  menu,
  viewOnly,
  context,
  buttonClass,
  labelClass,
}: {
  menu: MenuName;
  viewOnly: boolean;
  context: ActionContext;
  buttonClass: string;
  labelClass?: string;
}) {
  const { icon: Icon, width } = MENUS[menu];
  return (
    <MenuButton
      label={menu}
      icon={<Icon size={16} aria-hidden />}
      buttonClass={buttonClass}
      menuClass={width}
      labelClass={labelClass}
    >
      {menuItems(menu, viewOnly).map((action, i) => {
        if (action === null) return <MenuDivider key={`divider-${i}`} />;
        if (action.files) return null;
        const label = labelOf(action, context);
        return (
          <MenuItem
            key={action.name}
            disabled={action.enabled ? !action.enabled(context) : false}
            onSelect={action.perform}
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
          </MenuItem>
        );
      })}
    </MenuButton>
  );
}
