import { useEffect } from 'react';
import { useViewStore } from '../store';

/** A short message at the pointer: why a drop or connection was refused, or what it did. */
export function PointerToast() {
  const message = useViewStore((s) => s.pointerMessage);
  const clear = useViewStore((s) => s.clearPointerMessage);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(clear, message.tone === 'refusal' ? 4500 : 3000);
    return () => clearTimeout(timer);
  }, [message, clear]);
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
