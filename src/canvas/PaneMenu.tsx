import * as ContextMenu from '@radix-ui/react-context-menu';
import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, type RefObject } from 'react';
import type { NewResourceSpec } from '../engine';
import { addFromPalette, useDesignStore, useLibraryStore, useViewStore } from '../store';
import type { ResourceEdge, ResourceNode } from './derive';
import { FIT_VIEW_OPTIONS } from './fitViewPadding';
import { dropPlacement } from './dropPlacement';
import { containerAt } from './geometry';
import { PALETTE } from './palette';
import { tidyUp } from './tidyRunner';

const itemClass =
  'flex w-full cursor-default items-center gap-2 rounded-md px-3 py-1.5 text-left text-sm outline-none select-none data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800';
const contentClass =
  'z-50 max-h-[var(--radix-context-menu-content-available-height)] min-w-44 overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';
const groupClass =
  'px-3 pt-2 pb-0.5 text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300';

/** The empty canvas, not a node, an edge or a control drawn over it. */
const onPane = (target: EventTarget | null) =>
  target instanceof Element && target.classList.contains('react-flow__pane');

/**
 * The right-click menu of the empty canvas: add any palette kind where the pointer was (inside the
 * container there, as a drop from the palette would), fit view, tidy up. Radix's context menu
 * (arrow keys, typeahead, Escape, focus return). On the keyboard, Shift+F10 or the menu key with the
 * canvas focused opens it in the canvas's middle. `container` is the canvas's element. A node's right-click stays its own ("Can this reach…?").
 */
export function PaneMenu({ container }: { container: RefObject<HTMLDivElement | null> }) {
  const flow = useReactFlow<ResourceNode, ResourceEdge>();
  const at = useRef({ x: 0, y: 0 });
  const trigger = useRef<HTMLSpanElement>(null);
  const viewOnly = useLibraryStore((s) => s.viewOnly);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // The canvas takes focus, so the keyboard can open its menu; the nodes inside keep their own focus.
    element.setAttribute('tabindex', '0');
    element.setAttribute('role', 'group');
    element.setAttribute('aria-label', 'Canvas');
    element.setAttribute('aria-keyshortcuts', 'Shift+F10');
    const open = (x: number, y: number) => {
      at.current = { x, y };
      trigger.current?.dispatchEvent(
        new window.MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: x, clientY: y }),
      );
    };
    const onContextMenu = (event: globalThis.MouseEvent) => {
      // Only on the empty pane; a node's right-click stays its own.
      if (!onPane(event.target)) return;
      event.preventDefault();
      open(event.clientX, event.clientY);
    };
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!((event.shiftKey && event.key === 'F10') || event.key === 'ContextMenu')) return;
      if (event.target !== element) return;
      event.preventDefault();
      const r = element.getBoundingClientRect();
      open(r.left + r.width / 2, r.top + r.height / 2);
    };
    element.addEventListener('contextmenu', onContextMenu);
    element.addEventListener('keydown', onKeyDown);
    return () => {
      element.removeEventListener('contextmenu', onContextMenu);
      element.removeEventListener('keydown', onKeyDown);
    };
  }, [container]);

  /** Adds `spec` at the pointer, in the container under it, as a drop from the palette there would. */
  const addHere = (spec: NewResourceSpec) => {
    const point = flow.screenToFlowPosition(at.current);
    const internal = flow.getNodes().flatMap((n) => flow.getInternalNode(n.id) ?? []);
    const under = containerAt(internal, point);
    const design = useDesignStore.getState().history.present;
    const { targetId, position } = dropPlacement(design, spec, point, under, flow.getNodes());
    const result = addFromPalette(spec, targetId, position);
    const view = useViewStore.getState();
    if (!result.ok) view.notify({ tone: 'error', title: result.reason });
    else if (result.id) {
      view.setSelection([result.id]);
      view.showPanel('inspector');
    }
  };

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
          <ContextMenu.Item className={itemClass} onSelect={() => void flow.fitView(FIT_VIEW_OPTIONS)}>
            Fit view
          </ContextMenu.Item>
          {!viewOnly && (
            <ContextMenu.Item className={itemClass} onSelect={() => void tidyUp()}>
              Tidy up
            </ContextMenu.Item>
          )}
        </ContextMenu.Content>
      </ContextMenu.Portal>
    </ContextMenu.Root>
  );
}
