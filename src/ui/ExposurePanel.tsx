import { Radar, TriangleAlert, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { ExposureReport } from '../engine';
import { cancelExposure, scanExposure, selectDesign, useDesignStore, useViewStore } from '../store';

/** Rows drawn at first, and how many more each "Show more" draws: an account's report can hold tens of thousands. */
const ROWS_AT_FIRST = 200;
const MORE_ROWS = 1000;

/** The share of instances checked, as a whole percentage. */
const percent = (done: number, total: number) => (total === 0 ? 0 : Math.floor((done / total) * 100));

/**
 * Who can reach each instance on which ports; computed in the worker, in
 * slices, so the page stays responsive: the panel shows how far it got and
 * offers Cancel.
 */
export function ExposurePanel() {
  const design = useDesignStore(selectDesign);
  const focusOn = useViewStore((s) => s.focusOn);
  const [state, setState] = useState<
    | { status: 'idle' | 'cancelled' }
    | { status: 'running'; percent: number }
    | { status: 'done'; report: ExposureReport; millis: number; of: typeof design }
    | { status: 'error'; message: string }
  >({ status: 'idle' });
  const [shown, setShown] = useState(ROWS_AT_FIRST);
  // The latest scan; answers and progress of an older one are ignored.
  const scans = useRef(0);
  const running = state.status === 'running';
  // Set while a scan of this panel is in the worker.
  const active = useRef(false);
  // Leaving the panel stops a scan nobody will read.
  useEffect(
    () => () => {
      scans.current++;
      if (active.current) cancelExposure();
    },
    [],
  );
  const run = async () => {
    const scan = ++scans.current;
    active.current = true;
    setState({ status: 'running', percent: 0 });
    try {
      const result = await scanExposure(design, ({ done, total }) => {
        if (scan !== scans.current) return;
        // The worker reports after every slice (30 ms): the panel draws again only when the percentage moves.
        const now = percent(done, total);
        setState((shown) =>
          shown.status === 'running' && shown.percent === now ? shown : { status: 'running', percent: now },
        );
      });
      if (scan !== scans.current) return;
      active.current = false;
      setShown(ROWS_AT_FIRST);
      setState(
        result.ok
          ? { status: 'done', report: result.report, millis: result.millis, of: design }
          : result.cancelled
            ? { status: 'cancelled' }
            : { status: 'error', message: result.errors.join('; ') },
      );
    } catch (error) {
      if (scan !== scans.current) return;
      active.current = false;
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const cancel = () => {
    scans.current++;
    active.current = false;
    cancelExposure();
    setState({ status: 'cancelled' });
  };
  const stale = state.status === 'done' && state.of !== design;
  return (
    <section
      aria-label="Exposure"
      className="flex flex-col gap-2 border-t border-slate-200 p-4 text-sm dark:border-slate-800"
    >
      <div className="flex items-center justify-between">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">Exposure</h3>
        {running ? (
          <button
            type="button"
            onClick={cancel}
            className="inline-flex items-center gap-1 rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
          >
            <X size={14} aria-hidden /> Cancel
          </button>
        ) : (
          <button
            type="button"
            onClick={run}
            className="inline-flex items-center gap-1 rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
          >
            <Radar size={14} aria-hidden /> {state.status === 'done' ? 'Scan again' : 'Scan exposure'}
          </button>
        )}
      </div>
      {state.status === 'running' && (
        <div className="flex flex-col gap-1">
          <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
            Checking exposure… {state.percent}%
          </p>
          <progress
            aria-label="Exposure progress"
            max={100}
            value={state.percent}
            className="h-1.5 w-full overflow-hidden rounded accent-sky-600"
          />
        </div>
      )}
      {state.status === 'cancelled' && (
        <p role="status" className="text-xs text-slate-500 dark:text-slate-400">
          Exposure check cancelled.
        </p>
      )}
      {state.status === 'idle' && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Check every instance against the internet, on-premises networks and each subnet, on the ports its security
          groups open.
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {state.message}
        </p>
      )}
      {state.status === 'done' && (
        <>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {state.report.queries.toLocaleString('en-US')} paths checked in {state.millis.toFixed(0)} ms
            {stale ? ' — the design changed since; scan again.' : '.'}
          </p>
          {state.report.findings.slice(0, shown).map((f, i) => (
            <button
              key={i}
              type="button"
              onClick={() => focusOn(f.resourceId)}
              className="flex gap-2 rounded-md bg-amber-50 px-2 py-1.5 text-left text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100"
            >
              <TriangleAlert size={14} className="mt-0.5 shrink-0" aria-hidden /> {f.message}
            </button>
          ))}
          {state.report.entries.length === 0 ? (
            <p className="text-xs">Nothing can open a connection to any instance.</p>
          ) : (
            <table aria-label="Exposure table" className="w-full text-xs">
              <thead className="text-left text-slate-500 dark:text-slate-400">
                <tr>
                  <th className="py-1 font-medium">Instance</th>
                  <th className="py-1 font-medium">Reachable from</th>
                  <th className="py-1 font-medium">TCP ports</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {state.report.entries.slice(0, shown).map((e, i) => (
                  <tr key={i} className={e.sourceKind === 'internet' ? 'font-medium' : ''}>
                    <td className="py-1">{e.instanceName}</td>
                    <td className="py-1">{e.source}</td>
                    <td className="py-1 font-mono">{e.ports.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {Math.max(state.report.entries.length, state.report.findings.length) > shown && (
            <button
              type="button"
              onClick={() => setShown((n) => n + MORE_ROWS)}
              className="self-start rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Show more ({Math.min(shown, state.report.entries.length).toLocaleString('en-US')} of{' '}
              {state.report.entries.length.toLocaleString('en-US')} rows shown)
            </button>
          )}
        </>
      )}
    </section>
  );
}
