import { useState, type ReactNode } from 'react';

/**
 * A header button that opens a menu below it; a click outside closes it.
 * `children` gets `close`, so an item can close the menu before acting.
 */
export function MenuButton({
  label,
  icon,
  buttonClass,
  menuClass = 'w-80',
  children,
}: {
  label: string;
  icon: ReactNode;
  buttonClass: string;
  menuClass?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <div className="relative">
      <button
        type="button"
        className={buttonClass}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {icon} {label}
      </button>
      {open && (
        <>
          <div className="fixed inset-0 z-40" onClick={close} />
          <div
            role="menu"
            aria-label={label}
            className={`absolute right-0 z-50 mt-1 rounded-lg border border-slate-200 bg-white p-1 shadow-xl dark:border-slate-700 dark:bg-slate-900 ${menuClass}`}
          >
            {children(close)}
          </div>
        </>
      )}
    </div>
  );
}
