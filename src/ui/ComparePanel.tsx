import { GitCompareArrows, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { ReachPath } from '../scenarios/diff';
import { whatIfUrl } from '../share/links';
import { useDesignStore, useLibraryStore, useViewStore } from '../store';
import { endComparison, useCompareStore } from '../store/compareStore';
import './compare.css';

const small =
  'rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800';

const money = (n: number) => `$${Math.abs(n).toFixed(2)}`;
const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${money(n)}`;

function PathRow({ path, opened }: { path: ReachPath; opened: boolean }) {
  const internet = opened && path.sourceKind === 'internet';
  return (
    <li className={internet ? 'text-red-700 dark:text-red-400' : ''}>
      {internet && <strong className="mr-1 rounded bg-red-700 px-1 text-white">new internet path</strong>}
      {!opened && <span className="mr-1 font-semibold">closed:</span>}
      {opened && !internet && <span className="mr-1 font-semibold">opened:</span>}
      {path.text}
      {path.rule && (
        <span className="text-slate-600 dark:text-slate-400">
          {' '}
          ({opened ? 'opened by' : 'was open by'} {path.rule.text})
        </span>
      )}
    </li>
  );
}

const LIST_LIMIT = 30;

/**
 * The comparison's results, docked at the top of the side panel while a comparison is on (so the
 * canvas it marks stays uncovered, and the tabs stay below it), with the way to end it.
 */
export function ComparePanel() {
  const state = useCompareStore();
  const opened = useLibraryStore((s) => s.opened);
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  const [copied, setCopied] = useState(false);
  // Another design opened: the marks would name its resources by the compared one's ids.
  useEffect(() => {
    if (state.status !== 'idle' && opened !== state.opened) endComparison();
  }, [opened, state.status, state.opened]);
  if (state.status === 'idle') return null;
  const { diff } = state;
  const copyWhatIf = async () => {
    if (!state.before || !state.after) return;
    const url = whatIfUrl(state.before, state.after, location.origin + location.pathname);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      useViewStore.getState().notify({ tone: 'error', title: 'The browser did not let Nimbus copy the link.' });
    }
  };
  const edited = state.after !== null && useDesignStore.getState().history.present !== state.after;
  return (
    <section
      aria-label="Comparison"
      className="max-h-[45%] shrink-0 overflow-y-auto border-b-2 border-slate-200 bg-slate-50 p-3 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
    >
      <div className="flex items-start gap-2">
        <GitCompareArrows size={18} aria-hidden className="mt-0.5 shrink-0" />
        <h2 className="flex-1 font-semibold">Compared with {state.against}</h2>
        <button type="button" className={small} onClick={endComparison} aria-label="End comparison">
          <X size={14} aria-hidden className="inline" /> End comparison
        </button>
      </div>
      {state.status === 'running' && <p className="mt-2">Comparing in the background…</p>}
      {state.status === 'failed' && <p className="mt-2 text-red-700 dark:text-red-400">{state.error}</p>}
      {diff && (
        <>
          {edited && (
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              You edited the design since; this compares it as it was. Compare again for the edits.
            </p>
          )}
          <p className="mt-2">
            <span className="font-semibold text-green-700 dark:text-green-400">
              + {diff.resources.added.length} added
            </span>
            {', '}
            <span className="font-semibold text-red-700 dark:text-red-400">
              − {diff.resources.removed.length} removed
            </span>
            {', '}
            <span className="font-semibold text-amber-700 dark:text-amber-400">
              ~ {diff.resources.changed.length} changed
            </span>{' '}
            (marked on the canvas; removed ones are listed here, not drawn)
          </p>
          {diff.resources.changed.length + diff.resources.removed.length > 0 && (
            <ul className="mt-1 space-y-0.5">
              {diff.resources.changed.slice(0, LIST_LIMIT).map((r) => (
                <li key={r.id}>
                  ~ {r.name}: {r.fields.join(', ')}
                  {r.nameBefore !== undefined && ` (was “${r.nameBefore}”)`}
                </li>
              ))}
              {diff.resources.removed.slice(0, LIST_LIMIT).map((r) => (
                <li key={r.id}>
                  − {r.name} ({r.kind}) removed
                </li>
              ))}
            </ul>
          )}
          <h3 className="mt-3 font-semibold">Reachability</h3>
          {diff.paths.opened.length + diff.paths.closed.length === 0 ? (
            <p>No path opened or closed.</p>
          ) : (
            <ul className="mt-1 space-y-1" aria-label="Paths opened and closed">
              {diff.paths.opened.slice(0, LIST_LIMIT).map((p) => (
                <PathRow key={p.key} path={p} opened />
              ))}
              {diff.paths.closed.slice(0, LIST_LIMIT).map((p) => (
                <PathRow key={p.key} path={p} opened={false} />
              ))}
              {diff.paths.opened.length + diff.paths.closed.length > 2 * LIST_LIMIT && (
                <li>… more than the panel lists; nimbus diff --json lists them all.</li>
              )}
            </ul>
          )}
          <h3 className="mt-3 font-semibold">Findings</h3>
          <p>
            Exposure: {diff.exposure.new.length} new, {diff.exposure.resolved.length} resolved. Validation:{' '}
            {diff.findings.new.length} new, {diff.findings.resolved.length} resolved.
          </p>
          <ul className="mt-1 space-y-0.5">
            {[...diff.exposure.new, ...diff.findings.new].slice(0, LIST_LIMIT).map((f, i) => (
              <li key={`${f.code}-${f.resourceId}-${i}`}>new: {f.message}</li>
            ))}
            {[...diff.exposure.resolved, ...diff.findings.resolved].slice(0, LIST_LIMIT).map((f, i) => (
              <li key={`r-${f.code}-${f.resourceId}-${i}`}>resolved: {f.message}</li>
            ))}
          </ul>
          <h3 className="mt-3 font-semibold">Monthly cost</h3>
          <p>
            {money(diff.cost.beforeMonthlyUsd)} → {money(diff.cost.afterMonthlyUsd)}, {signed(diff.cost.deltaUsd)}
            {diff.cost.deltaPercent !== null &&
              ` (${diff.cost.deltaPercent > 0 ? '+' : ''}${diff.cost.deltaPercent} %)`}
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Nimbus estimates it from the simulation after 2 minutes: its hourly rate × 730 hours, us-east-1 on-demand
            prices. AWS also bills what Nimbus does not model.
          </p>
          {!viewOnly || state.before ? (
            <div className="mt-3">
              <button type="button" className={small} onClick={() => void copyWhatIf()}>
                {copied ? 'What-if link copied' : 'Copy what-if link (both designs, view-only)'}
              </button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
