import { memo } from 'react';
import { useViewStore } from '../../store';
import { kindView } from '../kinds';
import type { RuleChip } from './ruleChips';
import { useHoveredRule } from './hoveredRule';

/** The kind of rule set a chip stands for, in words: its icon's text alternative and its tooltip's first word. */
export const KIND_WORD: Record<RuleChip['kind'], string> = {
  routeTable: 'Route table',
  networkAcl: 'Network ACL',
  securityGroup: 'Security group',
};

/** Marks a chip for the canvas's one shared tooltip (`ChipTooltip`), which lists its rules on hover or focus. */
export const CHIP_TOOLTIP = 'rules';

/**
 * The rule sets acting on a node, as chips sitting on its border (a subnet's
 * top edge, a card's bottom edge): where a packet crosses them. Hover or focus
 * lists the rules; a click selects the rule set, which opens it in the
 * inspector. They float over the border, so the node keeps its size.
 *
 * A chip is a plain button: the tooltip is not mounted per chip but once per
 * canvas, and found from `data-chip-id` when a chip is hovered or focused. A
 * large design has thousands of chips, and a tooltip each (with its state,
 * context and listeners) made mounting, clicking and panning slower.
 */
function RuleChipsImpl({
  chips,
  side,
  far = false,
}: {
  chips: readonly RuleChip[];
  side: 'top' | 'bottom';
  /** Far away (the node's zoom detail) a chip is its icon alone: its 10 px words could not be read there. */
  far?: boolean;
}) {
  // The rule set hovered anywhere (a chip, its shelf pill) rings its chips here; only nodes showing it re-render.
  const hovered = useHoveredRule((s) => (s.id !== null && chips.some((c) => c.id === s.id) ? s.id : null));
  if (chips.length === 0) return null;
  return (
    <div
      data-testid="rule-chips"
      className={`nodrag nopan pointer-events-auto absolute right-2 z-10 flex max-w-[90%] gap-1 ${
        side === 'top' ? '-top-2.5' : '-bottom-2.5'
      }`}
    >
      {chips.map((chip) => (
        <button
          key={chip.id}
          type="button"
          data-chip-id={chip.id}
          data-chip-kind={chip.kind}
          data-hovered={hovered === chip.id ? 'true' : undefined}
          // Its tooltip gives the whole name and the rules, so a name cut short here is still readable.
          data-tooltip={CHIP_TOOLTIP}
          // An icon alone is named by its words as they would be drawn near.
          aria-label={far ? `${KIND_WORD[chip.kind]} ${chip.name}, ${chip.count}` : undefined}
          className={`flex min-w-0 items-center gap-1 rounded-full border border-slate-300 bg-white py-px text-[10px] leading-tight text-slate-700 shadow-sm hover:border-teal-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 ${
            far ? 'px-0.5' : 'px-1.5'
          } ${hovered === chip.id ? 'ring-2 ring-teal-400' : ''}`}
          onClick={(event) => {
            event.stopPropagation();
            const view = useViewStore.getState();
            view.setSelection([chip.id]);
            view.showPanel('inspector');
          }}
        >
          {/*
           * The icon says the kind, so its text alternative is the kind's name: the chip's name is then its
           * visible words with the kind before them ("Security group web 4 in · 1 out"), which speech input can
           * say. Not visually hidden text: thousands of clipped, positioned spans made every frame of a pan
           * slower to hit-test and paint.
           */}
          <img
            src={kindView(chip.kind).icon}
            alt={far ? '' : KIND_WORD[chip.kind]}
            className="h-3 w-3 shrink-0"
            draggable={false}
          />
          {!far && <span className="truncate font-medium">{chip.name}</span>}
          {!far && <span className="shrink-0 font-mono opacity-75">{chip.count}</span>}
        </button>
      ))}
    </div>
  );
}

export const RuleChips = memo(RuleChipsImpl);
