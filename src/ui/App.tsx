import { useEffect } from 'react';
import { redoCommand, undoCommand } from '../store';
import { CanvasArea } from './CanvasArea';
import { Header } from './Header';
import { NoticeBar } from './NoticeBar';
import { SidePanel } from './SidePanel';

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes; text fields keep their own undo. */
function useUndoShortcuts() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undoCommand();
      else if ((key === 'z' && event.shiftKey) || key === 'y') redoCommand();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function App() {
  useUndoShortcuts();
  return (
    <div className="flex h-full flex-col">
      <Header />
      <NoticeBar />
      <div className="flex min-h-0 flex-1">
        <CanvasArea />
        <SidePanel />
      </div>
    </div>
  );
}
