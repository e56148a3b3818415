import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { useDesignStore, useLibraryStore, useViewStore } from '../store';
import { useCompareStore } from '../store/compareStore';
import { actionForKey, currentActionContext } from './actions';
import { CanvasArea } from './CanvasArea';
import { Header } from './Header';
import { HintProvider } from './Hint';
import { NoticeToasts } from './NoticeToasts';
import { Palette } from './Palette';
import { PanelLayout, useScreenSize } from './PanelLayout';
import { SidePanel } from './SidePanel';
import { StorageBanner } from './StorageBanner';
import { TryThisCard } from './TryThis';

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

// Dialogs are fetched the first time they open: none of them is needed to draw the design.
const CompareDialog = lazy(() => import('./CompareDialog').then((m) => ({ default: m.CompareDialog })));
const ConfirmDialog = lazy(() => import('./Dialogs').then((m) => ({ default: m.ConfirmDialog })));
const ShortcutSheet = lazy(() => import('./Dialogs').then((m) => ({ default: m.ShortcutSheet })));
const LibraryDialog = lazy(() => import('./LibraryDialog').then((m) => ({ default: m.LibraryDialog })));

/**
 * Mounts `dialog` once `opened` has been true, and keeps it mounted after, so its
 * closing (focus return, animation) is the dialog's own as before. Each dialog
 * still reads its open state from the store itself.
 */
function OnceOpened({ opened, dialog: Dialog }: { opened: boolean; dialog: ComponentType }) {
  const everOpened = useOnceTrue(opened);
  if (!everOpened) return null;
  return (
    <Suspense fallback={null}>
      <Dialog />
    </Suspense>
  );
}

/** True from the first render where `value` is true on. */
function useOnceTrue(value: boolean): boolean {
  const [seen, setSeen] = useState(value);
  if (value && !seen) setSeen(true);
  return seen || value;
}

/** Keyboard shortcuts from the action table; text fields keep their own keys (and their own undo). */
function useShortcuts() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTextField(event.target) || event.defaultPrevented) return;
      const action = actionForKey(event, useLibraryStore.getState().viewOnly);
      if (!action) return;
      event.preventDefault();
      if (!action.enabled || action.enabled(currentActionContext())) action.perform();
    };
    // Leaving a field ends its typing burst: the next edit there is a new undo step.
    const onFocusOut = () => useDesignStore.getState().endBurst();
    window.addEventListener('keydown', onKey);
    window.addEventListener('focusout', onFocusOut);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('focusout', onFocusOut);
    };
  }, []);
}

export function App() {
  useShortcuts();
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  const phone = useScreenSize() === 'phone';
  const confirmAsked = useViewStore((s) => s.confirm !== null);
  const shortcutsOpen = useViewStore((s) => s.shortcutsOpen);
  const libraryOpen = useLibraryStore((s) => s.open);
  // CompareDialog also draws the comparison's panel, which a what-if link shows without the dialog.
  const compareOpen = useCompareStore((s) => s.dialogOpen || s.status !== 'idle');
  return (
    <HintProvider delayDuration={400}>
      <div className="flex h-full min-w-0 flex-col overflow-hidden">
        <Header />
        <StorageBanner />
        <PanelLayout
          palette={viewOnly ? null : Palette}
          canvas={
            <div className="relative flex min-w-0 flex-1 overflow-hidden">
              <CanvasArea />
              {!phone && <TryThisCard />}
            </div>
          }
          side={<SidePanel />}
        />
        <OnceOpened opened={confirmAsked} dialog={ConfirmDialog} />
        <OnceOpened opened={shortcutsOpen} dialog={ShortcutSheet} />
        <OnceOpened opened={libraryOpen} dialog={LibraryDialog} />
        <OnceOpened opened={compareOpen} dialog={CompareDialog} />
        <NoticeToasts />
      </div>
    </HintProvider>
  );
}
