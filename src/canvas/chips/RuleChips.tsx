import * as Tooltip from '@radix-ui/react-tooltip';
import { memo } from 'react';
import { useViewStore } from '../../store';
import { kindView } from '../kinds';
import type { RuleChip } from './ruleChips';

const KIND_WORD: Record<RuleChip['kind'], string> = {
  routeTable: 'Route table',
  networkAcl: 'Network ACL',
  securityGroup: 'Security group',
};

/** At most this many rules in a hover card; the inspector lists them all. */
const LISTED = 12;

/**
 * The rule sets acting on a node, as chips sitting on its border (a subnet's
 * top edge, a card's bottom edge): where a packet crosses them. Hover or focus
 * lists the rules; a click selects the rule set, which opens it in the
 * inspector. They float over the border, so the node keeps its size.
 */
function RuleChipsImpl({ chips, side }: { chips: readonly RuleChip[]; side: 'top' | 'bottom' }) {
  if (chips.length === 0) return null;
  return (
    <div
      data-testid="rule-chips"
      className={`nodrag nopan pointer-events-auto absolute right-2 z-10 flex max-w-[90%] gap-1 ${
        side === 'top' ? '-top-2.5' : '-bottom-2.5'
      }`}
    >
      {chips.map((chip) => (
        <Tooltip.Root key={chip.id}>
          <Tooltip.Trigger asChild>
            <button
              type="button"
              data-chip-kind={chip.kind}
              // Its tooltip gives the whole name and the rules, so a name cut short here is still readable.
              data-tooltip="rules"
              className="flex min-w-0 items-center gap-1 rounded-full border border-slate-300 bg-white px-1.5 py-px text-[10px] leading-tight text-slate-700 shadow-sm hover:border-teal-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200"
              onClick={(event) => {
                event.stopPropagation();
                const view = useViewStore.getState();
                view.setSelection([chip.id]);
                view.showPanel('inspector');
              }}
            >
              <img src={kindView(chip.kind).icon} alt="" className="h-3 w-3 shrink-0 rounded-sm" draggable={false} />
              {/* The name is the visible words with the kind before them, so speech input can say what it sees. */}
              <span className="sr-only">{KIND_WORD[chip.kind]} </span>
              <span className="truncate font-medium">{chip.name}</span>
              <span className="sr-only">, rules: </span>
              <span className="shrink-0 font-mono opacity-75">{chip.count}</span>
            </button>
          </Tooltip.Trigger>
          <Tooltip.Portal>
            <Tooltip.Content
              sideOffset={6}
              collisionPadding={8}
              className="z-[70] max-w-sm rounded-md bg-slate-900 px-2 py-1.5 text-xs text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
            >
              <p className="font-semibold">
                {KIND_WORD[chip.kind]} {chip.name}
              </p>
              <ul className="mt-0.5 font-mono text-[11px]">
                {chip.rules.slice(0, LISTED).map((rule, i) => (
                  <li key={i}>{rule}</li>
                ))}
                {chip.rules.length === 0 && <li>No rules</li>}
                {chip.rules.length > LISTED && <li>…and {chip.rules.length - LISTED} more (click to open)</li>}
              </ul>
            </Tooltip.Content>
          </Tooltip.Portal>
        </Tooltip.Root>
      ))}
    </div>
  );
}

export const RuleChips = memo(RuleChipsImpl);
