import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, type RefObject } from 'react';
import type { NewResourceSpec } from '../engine';
import { addFromPalette, useDesignStore, useLibraryStore, useViewStore } from '../store';
import type { ResourceEdge, ResourceNode } from './derive';
import { FIT_VIEW_OPTIONS } from './fitViewPadding';
import { dropPlacement } from './dropPlacement';
import { containerAt } from './geometry';
import { lazyModule, useLazyModule } from './lazyModule';
import { tidyUp } from './tidyRunner';

/** The menu's code (Radix's context menu), fetched once the page is idle or when the menu is first asked for. */
const paneMenus = lazyModule(() => import('./PaneMenuContent'));

/** The empty canvas, not a node, an edge or a control drawn over it. */
const onPane = (target: EventTarget | null) =>
  target instanceof Element && target.classList.contains('react-flow__pane');

/**
 * The right-click menu of the empty canvas: add any palette kind where the pointer was (inside the
 * container there, as a drop from the palette would), fit view, tidy up. Radix's context menu
 * (arrow keys, typeahead, Escape, focus return), in PaneMenuContent.tsx, fetched apart; a
 * right-click before it has loaded opens it where it was asked for once it arrives. On the keyboard, Shift+F10 or the menu key with the
 * canvas focused opens it in the canvas's middle. `container` is the canvas's element. A node's right-click stays its own ("Can this reach…?").
 */
export function PaneMenu({ container }: { container: RefObject<HTMLDivElement | null> }) {
  const flow = useReactFlow<ResourceNode, ResourceEdge>();
  const at = useRef({ x: 0, y: 0 });
  const trigger = useRef<HTMLSpanElement>(null);
  /** Where the menu was asked for before its code had loaded. */
  const pending = useRef<{ x: number; y: number } | null>(null);
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  const loaded = useLazyModule(paneMenus);

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
      if (!paneMenus.get()) {
        pending.current = { x, y };
        void paneMenus.load();
        return;
      }
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

  if (!loaded) return null;
  return (
    <loaded.PaneMenuContent
      trigger={trigger}
      takePending={() => {
        const point = pending.current;
        pending.current = null;
        return point;
      }}
      viewOnly={viewOnly}
      addHere={addHere}
      fitView={() => void flow.fitView(FIT_VIEW_OPTIONS)}
      tidy={() => void tidyUp()}
    />
  );
}
