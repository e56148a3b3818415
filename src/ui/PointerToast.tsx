import { useEffect, useRef } from 'react';
import { selectDesign, useDesignStore, useViewStore } from '../store';

/** How long a message stays at the pointer, in ms: a refusal a little longer, to be read. */
const POINTER_MESSAGE_MS = { refusal: 4500, info: 3000 } as const;

/**
 * A short message at the pointer: why a drop or connection was refused, or
 * what it did. A new message replaces the last, and a refusal goes as soon as
 * the design changes, so it never sits on top of the next, successful edit.
 */
export function PointerToast() {
  const message = useViewStore((s) => s.pointerMessage);
  const clear = useViewStore((s) => s.clearPointerMessage);
  const design = useDesignStore(selectDesign);
  const designAtMessage = useRef(design);
  useEffect(() => {
    designAtMessage.current = useDesignStore.getState().history.present;
    if (!message) return;
    const timer = setTimeout(clear, POINTER_MESSAGE_MS[message.tone]);
    return () => clearTimeout(timer);
  }, [message, clear]);
  useEffect(() => {
    if (message?.tone === 'refusal' && design !== designAtMessage.current) clear();
  }, [design, message, clear]);
  if (!message) return null;
  return (
    <div
      role={message.tone === 'refusal' ? 'alert' : 'status'}
      data-testid="pointer-message"
      style={{ left: Math.min(message.x + 14, window.innerWidth - 340), top: message.y + 14 }}
      className={`pointer-events-none fixed z-50 max-w-xs rounded-md px-3 py-2 text-sm shadow-lg ${
        message.tone === 'refusal'
          ? 'bg-red-700 text-white'
          : 'bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900'
      }`}
    >
      {message.text}
    </div>
  );
}
