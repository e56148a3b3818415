import { useVirtualizer } from '@tanstack/react-virtual';
import { castDraft, type Draft } from 'immer';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Resource } from '../../domain';
import type { RuleRef } from '../../engine';
import { updateResource, useViewStore } from '../../store';
import { cellControl, RemoveRowButton, smallButton } from './fields';

const th = 'px-1 py-1 text-left text-[11px] font-medium text-slate-500 dark:text-slate-400';
export const td = 'px-1 py-1 align-top';

/** One rule and its place in the stored list (the table may show rules in another order). */
export interface RuleRow<R> {
  rule: R;
  index: number;
}

/** What a cell editor gets from the table. */
export interface CellContext<R> {
  /** Classes for the cell's control: the shared look plus the column's width. */
  control: string;
  /** Changes this row's rule; edits with the same `field` in quick succession (typing) are one undo step. */
  edit: (recipe: (rule: Draft<R>) => void, field: string) => void;
}

/** A column as data: its header, the width of its control and the editor drawn in each row. */
export interface RuleColumn<R> {
  header: string;
  /** A Tailwind width class for the column's control. */
  width?: string;
  /**
   * A Tailwind min-width class for a control whose text must never be cut
   * (a rule number, Allow or Deny): the table scrolls sideways before it does.
   */
  minWidth?: string;
  cell: (row: RuleRow<R>, context: CellContext<R>) => ReactNode;
}

/** A row AWS adds after the editable rules and that cannot be changed (the network ACL's `*` deny). */
export interface ClosingRow {
  cells: ReactNode;
  marked: (ref: RuleRef) => boolean;
}

export interface RuleTableProps<Owner extends Resource, R> {
  /** The table's accessible name. */
  label: string;
  owner: Owner;
  rules: readonly R[];
  /** The same list inside a draft of the owner, where edits, additions and removals happen. */
  rulesIn: (draft: Draft<Owner>) => Draft<R>[];
  /** Prefix of the undo coalescing key, so each list of the owner keeps its own typing bursts. */
  editKey: string;
  columns: readonly RuleColumn<R>[];
  /** The order rows are shown in; stored order when absent. */
  order?: (rows: RuleRow<R>[]) => RuleRow<R>[];
  /** Whether the reachability panel's rule reference points at this row. */
  marked: (ref: RuleRef, row: RuleRow<R>) => boolean;
  /** The remove button's accessible name, or null for a row that cannot be removed. */
  removeLabel: (row: RuleRow<R>) => string | null;
  closingRow?: ClosingRow;
  /** Shown instead of the table when there are no rules. */
  whenEmpty?: ReactNode;
  addLabel: string;
  newRule: () => R;
  /** Why a rule cannot be added now; the add button is disabled with this as its tooltip. */
  cannotAdd?: string | null;
  /** The most rules the list may hold (the AWS quota, raised), and the quota's name for the tooltip. */
  limit?: { rules: number; quota: string };
}

/**
 * Longer lists scroll inside the table and draw only the rows in view (and a few
 * around them), so a group of 10,000 rules opens as fast as one of ten.
 */
export const VIRTUAL_FROM_ROWS = 60;
/** A row's height before the first one is measured: one line of controls. */
const ROW_ESTIMATE_PX = 30;

/** The inspector's editable rule list: routes, network ACL rules and security-group rules. */
export function RuleTable<Owner extends Resource, R>(props: RuleTableProps<Owner, R>) {
  // A list at its quota takes no more: beyond it the design would not open again (its resource is set aside).
  const blocked =
    props.limit && props.rules.length >= props.limit.rules
      ? `At most ${props.limit.rules.toLocaleString('en-US')} here (${props.limit.quota})`
      : props.cannotAdd;
  const { owner, rules, rulesIn, editKey, columns } = props;
  const mark = useViewStore((s) => s.highlightedRule);
  const ref = mark?.resourceId === owner.id ? mark.ref : null;
  const rows = rules.map((rule, index) => ({ rule, index }));
  const shown = props.order ? props.order(rows) : rows;
  const virtual = shown.length >= VIRTUAL_FROM_ROWS;
  const scroller = useRef<HTMLDivElement>(null);
  // Every row is one line of controls, so one row's height is every row's: measuring each drawn row
  // (a forced layout and a resize observer apiece) made opening a long list one long task.
  const [rowHeight, setRowHeight] = useState(ROW_ESTIMATE_PX);
  // The virtualizer hands back fresh functions each render by design; this component is not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: virtual ? shown.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  // The first rows are drawn a render after the scroller exists: measure once one is there.
  const rowsDrawn = virtual && virtualizer.getVirtualItems().length > 0;
  useLayoutEffect(() => {
    if (!rowsDrawn) return;
    const height = scroller.current?.querySelector('tbody tr[data-index]')?.getBoundingClientRect().height;
    if (height && Math.abs(height - rowHeight) > 0.5) setRowHeight(height);
  }, [rowsDrawn, rowHeight]);
  // The virtualizer keeps its row offsets until told the estimate changed.
  useEffect(() => {
    if (rowHeight !== ROW_ESTIMATE_PX) virtualizer.measure();
  }, [rowHeight, virtualizer]);
  // The row the reachability panel points at may be far down the list: scroll it into view, where it draws and centres itself.
  const markedAt = virtual && ref !== null ? shown.findIndex((row) => props.marked(ref, row)) : -1;
  useEffect(() => {
    if (markedAt >= 0) virtualizer.scrollToIndex(markedAt, { align: 'center' });
  }, [markedAt, virtualizer]);
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const drawn = virtual ? items.map((item) => shown[item.index]!) : shown;
  const padTop = items.length > 0 ? items[0]!.start : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const change = (recipe: (draft: Draft<Owner>) => void, field?: string) =>
    updateResource<Owner>(owner.id, recipe, field);
  const contextFor = (column: RuleColumn<R>, index: number): CellContext<R> => ({
    control: [column.minWidth ? cellControl.replace('min-w-0', column.minWidth) : cellControl, column.width]
      .filter(Boolean)
      .join(' '),
    edit: (recipe, field) => change((d) => recipe(rulesIn(d)[index]!), `${editKey}:${index}:${field}`),
  });
  return (
    <div className="flex flex-col gap-2">
      {rules.length === 0 && props.whenEmpty}
      {(rules.length > 0 || !props.whenEmpty) && (
        <div
          ref={scroller}
          // At the narrowest side panel the table scrolls sideways rather than cut a rule number or Allow/Deny.
          className={virtual ? 'max-h-[60vh] overflow-auto overscroll-contain' : 'overflow-x-auto'}
          data-testid={virtual ? 'rule-table-scroller' : undefined}
        >
          <table
            aria-label={props.label}
            aria-rowcount={virtual ? shown.length + 1 : undefined}
            className="w-full text-xs"
          >
            <thead className={virtual ? 'sticky top-0 z-10 bg-white dark:bg-slate-900' : undefined}>
              <tr>
                {columns.map((column) => (
                  <th key={column.header} className={th}>
                    {column.header}
                  </th>
                ))}
                <th className={th} />
              </tr>
            </thead>
            <tbody>
              {padTop > 0 && <tr aria-hidden style={{ height: padTop }} />}
              {drawn.map((row, i) => {
                const removeLabel = props.removeLabel(row);
                const item = virtual ? items[i]! : null;
                return (
                  <tr
                    key={row.index}
                    {...(item && { 'data-index': item.index, 'aria-rowindex': item.index + 2 })}
                    {...highlightRow(ref !== null && props.marked(ref, row))}
                  >
                    {columns.map((column) => (
                      <td key={column.header} className={td}>
                        {column.cell(row, contextFor(column, row.index))}
                      </td>
                    ))}
                    <td className={td}>
                      {removeLabel !== null && (
                        <RemoveRowButton
                          label={removeLabel}
                          onRemove={() => change((d) => void rulesIn(d).splice(row.index, 1))}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
              {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }} />}
              {props.closingRow && (
                <tr {...highlightRow(ref !== null && props.closingRow.marked(ref))}>{props.closingRow.cells}</tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      <button
        type="button"
        className={`${smallButton} self-start`}
        disabled={!!blocked}
        title={blocked ?? undefined}
        onClick={() => change((d) => void rulesIn(d).push(castDraft(props.newRule())))}
      >
        {props.addLabel}
      </button>
    </div>
  );
}

/** Row props that mark the rule a reachability hop pointed at, and bring it into view. */
function highlightRow(on: boolean): {
  className?: string;
  'data-highlighted'?: boolean;
  ref?: (row: HTMLTableRowElement | null) => void;
} {
  if (!on) return {};
  return {
    className: 'bg-amber-100 outline-2 outline-amber-500 dark:bg-amber-900/50',
    'data-highlighted': true,
    ref: (row) => row?.scrollIntoView({ block: 'center' }),
  };
}
