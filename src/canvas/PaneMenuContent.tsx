import * as ContextMenu from '@radix-ui/react-context-menu';
import { useLayoutEffect, type RefObject } from 'react';
import type { NewResourceSpec } from '../engine';
import { PALETTE } from './palette';

const itemClass =
  'flex w-full cursor-default items-center gap-2 rounded-md px-3 py-1.5 text-left text-sm outline-none select-none data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800';
const contentClass =
  'z-50 max-h-[var(--radix-context-menu-content-available-height)] min-w-44 overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';
const groupClass =
  'px-3 pt-2 pb-0.5 text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300';

/**
 * The canvas menu itself (PaneMenu.tsx opens it): Radix's context menu, fetched apart from the
 * page's first JavaScript. `takePending` gives where the user asked for it before it loaded: it opens
 * there as soon as it is drawn.
 */
export function PaneMenuContent({
  trigger,
  takePending,
  viewOnly,
  addHere,
  fitView,
  tidy,
}: {
  trigger: RefObject<HTMLSpanElement | null>;
  /** Where the user asked for the menu before it loaded, once (then null). */
  takePending: () => { x: number; y: number } | null;
  viewOnly: boolean;
  addHere: (spec: NewResourceSpec) => void;
  fitView: () => void;
  tidy: () => void;
}) {
  useLayoutEffect(() => {
    const at = takePending();
    if (!at) return;
    trigger.current?.dispatchEvent(
      new window.MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: at.x, clientY: at.y }),
    );
    // Once, when drawn.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <ContextMenu.Root modal={false}>
      {/* Opened by the canvas's own events (above): the trigger only anchors the menu at their point. */}
      <ContextMenu.Trigger asChild>
        <span ref={trigger} className="hidden" aria-hidden />
      </ContextMenu.Trigger>
      <ContextMenu.Portal>
        <ContextMenu.Content aria-label="Canvas" className={contentClass}>
          {!viewOnly && (
            <ContextMenu.Sub>
              <ContextMenu.SubTrigger className={itemClass}>Add here…</ContextMenu.SubTrigger>
              <ContextMenu.Portal>
                <ContextMenu.SubContent aria-label="Add here" className={contentClass}>
                  {PALETTE.map((group) => (
                    <ContextMenu.Group key={group.name}>
                      <ContextMenu.Label className={groupClass}>{group.name}</ContextMenu.Label>
                      {group.items.map((item) => (
                        <ContextMenu.Item key={item.id} className={itemClass} onSelect={() => addHere(item.spec)}>
                          {item.label}
                        </ContextMenu.Item>
                      ))}
                    </ContextMenu.Group>
                  ))}
                </ContextMenu.SubContent>
              </ContextMenu.Portal>
            </ContextMenu.Sub>
          )}
          <ContextMenu.Item className={itemClass} onSelect={fitView}>
            Fit view
          </ContextMenu.Item>
          {!viewOnly && (
            <ContextMenu.Item className={itemClass} onSelect={tidy}>
              Tidy up
            </ContextMenu.Item>
          )}
        </ContextMenu.Content>
      </ContextMenu.Portal>
    </ContextMenu.Root>
  );
}
