import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { MenuButtonProps, MenuItemProps } from './MenuButton';

/**
 * The menu of a `MenuButton`, with Radix's dropdown menu: arrow keys and
 * Home/End move through the items, typing a letter jumps to an item, Escape or
 * a click outside closes it, and focus returns to the button. Fetched apart
 * from the page's first JavaScript (MenuButton.tsx draws the button until then).
 */
export function MenuButtonMenu({
  label,
  icon,
  buttonClass,
  menuClass = 'w-80',
  labelClass,
  children,
  openedBy,
  focused,
}: MenuButtonProps & {
  /** How the user opened it before this loaded, if they did: it opens at once, as it would have. */
  openedBy: 'keyboard' | 'pointer' | null;
  /** Whether the button drawn before this had focus, so the focus stays on the button. */
  focused: boolean;
}) {
  const trigger = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    // Once, on taking over from the button drawn before: keep its focus.
    if (focused || openedBy === 'keyboard') trigger.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    // A key that asked for the menu before this loaded opens it as that key would here, so Radix makes the
    // first item active. A passive effect: it runs after Radix's own, which start watching the keyboard.
    if (openedBy === 'keyboard')
      trigger.current?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    // Not modal: the page behind stays readable to assistive technology (a modal menu hides it with
    // aria-hidden while its buttons stay focusable); a click outside still closes the menu.
    <DropdownMenu.Root modal={false} defaultOpen={openedBy === 'pointer'}>
      <DropdownMenu.Trigger ref={trigger} className={buttonClass}>
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

export function MenuItemRadix({ disabled, onSelect, children }: MenuItemProps & { children: ReactNode }) {
  return (
    <DropdownMenu.Item className={itemClass} disabled={disabled} onSelect={onSelect}>
      {children}
    </DropdownMenu.Item>
  );
}

export function MenuDividerRadix() {
  return <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />;
}
