import { useEffect } from 'react';
import { useDesignStore, useLibraryStore } from '../store';
import { actionForKey, currentActionContext } from './actions';
import { CanvasArea } from './CanvasArea';
import { CompareDialog } from './CompareDialog';
import { ConfirmDialog, ShortcutSheet } from './Dialogs';
import { Header } from './Header';
import { LibraryDialog } from './LibraryDialog';
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
        <ConfirmDialog />
        <ShortcutSheet />
        <LibraryDialog />
        <CompareDialog />
        <NoticeToasts />
      </div>
    </HintProvider>
  );
}
