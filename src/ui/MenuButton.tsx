import { useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { lazyModule, useLazyModule } from '../canvas/lazyModule';

/** The menus' code (Radix's dropdown menu), fetched once the page is idle or when a menu is first opened. */
const menus = lazyModule(() => import('./MenuButtonMenu'));

export interface MenuButtonProps {
  label: string;
  icon: ReactNode;
  buttonClass: string;
  menuClass?: string;
  /** Classes for the label, e.g. to keep it for screen readers only on a narrow screen. */
  labelClass?: string;
  children: ReactNode;
}

/** The keys that open a menu from its button, as Radix's trigger has them. */
const OPENING_KEYS = new Set(['Enter', ' ', 'ArrowDown']);

/**
 * A header button that opens a menu below it (MenuButtonMenu.tsx: Radix's
 * dropdown menu, fetched apart). Until that has loaded, the button is drawn
 * alone; pressing it, or Enter, Space or the down arrow on it, opens the
 * menu as soon as it arrives, the way the loaded one would have.
 */
export function MenuButton(props: MenuButtonProps) {
  const loaded = useLazyModule(menus);
  const [openedBy, setOpenedBy] = useState<'keyboard' | 'pointer' | null>(null);
  const [focused, setFocused] = useState(false);
  if (loaded) return <loaded.MenuButtonMenu {...props} openedBy={openedBy} focused={focused} />;
  const open = (by: 'keyboard' | 'pointer') => {
    setOpenedBy(by);
    void menus.load();
  };
  const { label, icon, buttonClass, labelClass } = props;
  return (
    <button
      type="button"
      className={buttonClass}
      aria-haspopup="menu"
      aria-expanded={openedBy !== null}
      data-state={openedBy ? 'open' : 'closed'}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onPointerDown={(event: PointerEvent) => {
        if (event.button === 0 && !event.ctrlKey) open('pointer');
      }}
      onKeyDown={(event: KeyboardEvent) => {
        if (!OPENING_KEYS.has(event.key)) return;
        event.preventDefault();
        open('keyboard');
      }}
    >
      {icon} {labelClass ? <span className={labelClass}>{label}</span> : label}
    </button>
  );
}

export interface MenuItemProps {
  disabled?: boolean;
  onSelect: () => void;
}

/** One item of a `MenuButton`; choosing it closes the menu, then runs `onSelect`. Drawn only inside the loaded menu. */
export function MenuItem({ children, ...props }: MenuItemProps & { children: ReactNode }) {
  const loaded = menus.get();
  return loaded ? <loaded.MenuItemRadix {...props}>{children}</loaded.MenuItemRadix> : null;
}

export function MenuDivider() {
  const loaded = menus.get();
  return loaded ? <loaded.MenuDividerRadix /> : null;
}
