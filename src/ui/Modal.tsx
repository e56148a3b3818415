import * as Dialog from '@radix-ui/react-dialog';
import { useRef, type ReactNode, type RefObject } from 'react';

export const modalPanel =
  'w-full max-w-lg rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';

/**
 * A modal dialog on Radix's: focus moves in and stays in while it is open,
 * Escape or a click on the backdrop closes it, and focus returns to whatever
 * opened it. `title` is its accessible name; `initialFocus` picks the control
 * that gets focus first (the first focusable one otherwise).
 */
export function Modal({
  open,
  onClose,
  title,
  titleClass = 'text-lg font-semibold',
  header,
  initialFocus,
  panelClass = modalPanel,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  titleClass?: string;
  /** Drawn instead of the plain title, around it: `title` is then placed by the caller with `ModalTitle`. */
  header?: ReactNode;
  initialFocus?: RefObject<HTMLElement | null>;
  panelClass?: string;
  children: ReactNode;
}) {
  // These dialogs open from the store, not from a Radix trigger, so the opener is remembered here.
  const opener = useRef<HTMLElement | null>(null);
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center p-4">
          <Dialog.Content
            aria-describedby={undefined}
            className={`pointer-events-auto ${panelClass}`}
            onOpenAutoFocus={(event) => {
              // Focus has not moved yet: what has it now opened the dialog.
              opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
              if (!initialFocus?.current) return;
              event.preventDefault();
              initialFocus.current.focus();
            }}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              if (opener.current?.isConnected) opener.current.focus();
              opener.current = null;
            }}
          >
            {header ?? <Dialog.Title className={titleClass}>{title}</Dialog.Title>}
            {children}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The dialog's title where a custom `header` places it. */
export const ModalTitle = Dialog.Title;
