import { setHoveredRule } from './hoveredRule';
import { memo, useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { CHIP_TOOLTIP, KIND_WORD } from './RuleChips';
import { LISTED_RULES, type RuleChip } from './ruleChips';

/** Hovering opens after this long, as the app's other tooltips do (`HintProvider` in ui/App.tsx). */
const OPEN_DELAY_MS = 400;
/** Within this long after one closed, the next opens at once: moving along a row of chips reads them in turn. */
const SKIP_DELAY_MS = 300;
/** Gap between the chip and its tooltip, and the least room kept from the window's edges (px). */
const OFFSET = 6;
const EDGE = 8;

interface Shown {
  chip: RuleChip;
  anchor: HTMLElement;
}

const chipButton = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<HTMLElement>(`[data-tooltip="${CHIP_TOOLTIP}"]`) : null;

/**
 * What a focused element shows the tooltip for: a chip, or a shelf pill, whose keyboard focus is on its React Flow
 * node (the element around it), so that tabbing to a pill draws its associations as hovering it does.
 */
const focusedChip = (target: EventTarget | null) =>
  chipButton(target) ??
  (target instanceof HTMLElement && target.classList.contains('react-flow__node')
    ? target.querySelector<HTMLElement>(`[data-shelf-pill][data-tooltip="${CHIP_TOOLTIP}"]`)
    : null);

/**
 * The one tooltip of every rule chip on the canvas: it listens on the canvas
 * (`container`) for a chip hovered or focused, and shows that chip's rule set
 * whole (its kind, name and rules) above the chip, or below it when there is
 * no room. It opens after a moment on hover and at once on focus, and closes
 * when the pointer or focus leaves, on Escape, and when the canvas is pressed
 * or wheeled (the chip moves away under a fixed tooltip). While it shows, the
 * chip is described by it (`aria-describedby`), as a tooltip of its own would.
 */
function ChipTooltipImpl({
  container,
  chipsOf,
}: {
  container: RefObject<HTMLElement | null>;
  /** The chips of a node, by the node's id (`data-id` of the React Flow node around a chip). */
  chipsOf: (nodeId: string) => readonly RuleChip[] | undefined;
}) {
  const [shown, setShown] = useState<Shown | null>(null);
  const id = useId();
  const tip = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    let timer = 0;
    let current: HTMLElement | null = null;
    let closedAt = -Infinity;
    const show = (anchor: HTMLElement) => {
      window.clearTimeout(timer);
      const nodeId = anchor.closest<HTMLElement>('.react-flow__node')?.dataset.id;
      const chip = nodeId ? chipsOf(nodeId)?.find((c) => c.id === anchor.dataset.chipId) : undefined;
      if (!chip) return;
      current = anchor;
      setShown({ chip, anchor });
      setHoveredRule(chip.id);
    };
    const hide = () => {
      window.clearTimeout(timer);
      if (!current) return;
      current = null;
      closedAt = performance.now();
      setShown(null);
      setHoveredRule(null);
    };
    const onOver = (event: PointerEvent) => {
      const anchor = chipButton(event.target);
      if (!anchor || anchor === current) return;
      window.clearTimeout(timer);
      if (current || performance.now() - closedAt < SKIP_DELAY_MS) show(anchor);
      else timer = window.setTimeout(() => show(anchor), OPEN_DELAY_MS);
    };
    const onOut = (event: PointerEvent) => {
      const anchor = chipButton(event.target);
      if (!anchor || (event.relatedTarget instanceof Node && anchor.contains(event.relatedTarget))) return;
      window.clearTimeout(timer);
      if (anchor === current && document.activeElement !== anchor) hide();
    };
    // A press closes it, and the focus that the press gives the chip does not open it again (as Radix's tooltips).
    let pressed: HTMLElement | null = null;
    const onDown = (event: PointerEvent) => {
      pressed = chipButton(event.target);
      hide();
    };
    const onFocusIn = (event: FocusEvent) => {
      const anchor = focusedChip(event.target);
      if (anchor && anchor !== pressed) show(anchor);
      pressed = null;
    };
    const onFocusOut = (event: FocusEvent) => {
      if (focusedChip(event.target) === current) hide();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') hide();
    };
    root.addEventListener('pointerover', onOver);
    root.addEventListener('pointerout', onOut);
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('focusout', onFocusOut);
    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('pointerdown', onDown);
    root.addEventListener('wheel', hide, { passive: true });
    return () => {
      window.clearTimeout(timer);
      root.removeEventListener('pointerover', onOver);
      root.removeEventListener('pointerout', onOut);
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('focusout', onFocusOut);
      root.removeEventListener('keydown', onKeyDown);
      root.removeEventListener('pointerdown', onDown);
      root.removeEventListener('wheel', hide);
      // A canvas that goes away while a chip is hovered must not leave that rule set's edges drawn.
      setHoveredRule(null);
    };
  }, [container, chipsOf]);

  // The chip is described by the tooltip while it shows.
  useEffect(() => {
    if (!shown) return;
    shown.anchor.setAttribute('aria-describedby', id);
    return () => shown.anchor.removeAttribute('aria-describedby');
  }, [shown, id]);

  // Placed once its size is known: above the chip and centred on it, below when the window has no room above.
  useLayoutEffect(() => {
    const element = tip.current;
    if (!shown || !element) return;
    const anchor = shown.anchor.getBoundingClientRect();
    const size = element.getBoundingClientRect();
    const above = anchor.top - OFFSET - size.height;
    const top = above >= EDGE ? above : anchor.bottom + OFFSET;
    const left = Math.max(
      EDGE,
      Math.min(anchor.left + anchor.width / 2 - size.width / 2, window.innerWidth - EDGE - size.width),
    );
    element.style.top = `${top}px`;
    element.style.left = `${left}px`;
    element.style.visibility = 'visible';
  }, [shown]);

  if (!shown) return null;
  const { chip } = shown;
  return createPortal(
    <div
      ref={tip}
      id={id}
      role="tooltip"
      data-testid="chip-tooltip"
      style={{ position: 'fixed', top: 0, left: 0, visibility: 'hidden' }}
      className="pointer-events-none z-[70] max-w-sm rounded-md bg-slate-900 px-2 py-1.5 text-xs text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
    >
      <p className="font-semibold">
        {KIND_WORD[chip.kind]} {chip.name}
      </p>
      <ul className="mt-0.5 font-mono text-[11px]">
        {chip.rules.map((rule, i) => (
          <li key={i}>{rule}</li>
        ))}
        {chip.ruleCount === 0 && <li>No rules</li>}
        {chip.ruleCount > LISTED_RULES && <li>…and {chip.ruleCount - LISTED_RULES} more (click to open)</li>}
      </ul>
    </div>,
    document.body,
  );
}

export const ChipTooltip = memo(ChipTooltipImpl);
