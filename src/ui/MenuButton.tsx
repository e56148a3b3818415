import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { ReactNode } from 'react';

/**
 * A header button that opens a menu below it. Radix's dropdown menu does the
 * keyboard: arrow keys and Home/End move through the items, typing a letter
 * jumps to an item, Escape or a click outside closes it, and focus returns to
 * the button.
 */
export function MenuButton({
  label,
  icon,
  buttonClass,
  menuClass = 'w-80',
  labelClass,
  children,
}: {
  label: string;
  icon: ReactNode;
  buttonClass: string;
  menuClass?: string;
  /** Classes for the label, e.g. to keep it for screen readers only on a narrow screen. */
  labelClass?: string;
  children: ReactNode;
}) {
  return (
    // Not modal: the page behind stays readable to assistive technology (a modal menu hides it with
    // aria-hidden while its buttons stay focusable); a click outside still closes the menu.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className={buttonClass}>
        {icon} {labelClass ? <span className={labelClass}>{label}</span> : label}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          aria-label={label}
          className={`z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${menuClass}`}
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

const itemClass =
  'flex w-full cursor-default items-start gap-2 rounded-md px-3 py-2 text-left outline-none select-none data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800';

/** One item of a `MenuButton`; choosing it closes the menu, then runs `onSelect`. */
export function MenuItem({
  disabled,
  onSelect,
  children,
}: {
  disabled?: boolean;
  onSelect: () => void;
  children: ReactNode;
}) {
  return (
    <DropdownMenu.Item className={itemClass} disabled={disabled} onSelect={onSelect}>
      {children}
    </DropdownMenu.Item>
  );
}

export function MenuDivider() {
  return <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />;
}
