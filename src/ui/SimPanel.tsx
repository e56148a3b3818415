import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ThrottleReason } from '../sim/lambda';
import {
  setLambdaFreeTier,
  setLambdaScaling,
  useDesignStore,
  useSimStore,
  useViewStore,
  type SimSeries,
} from '../store';
import { formatClock, formatUsd } from './SimToolbar';
import { AvailabilityPanel } from './AvailabilityPanel';
import { FaultSchedule } from './FaultSchedule';
import { EksSimSection } from './EksSimSection';
import { ScheduledChanges } from './ScheduledChanges';

/** A live uPlot chart of some series over simulated time (fast enough to redraw on every frame). */
function SeriesChart({
  label,
  lines,
  pick,
}: {
  label: string;
  lines: Array<{ label: string; stroke: string }>;
  pick: (s: SimSeries) => number[][];
}) {
  const series = useSimStore((s) => s.series);
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = JSON.stringify(lines);
  useEffect(() => {
    if (!host.current) return;
    const spec = JSON.parse(shape) as typeof lines;
    plot.current = new uPlot(
      {
        width: 380,
        height: 160,
        scales: { x: { time: false } },
        axes: [{ label: 'sim seconds', size: 30 }, { size: 50 }],
        series: [{}, ...spec.map((l) => ({ label: l.label, stroke: l.stroke, width: 2 }))],
        legend: { show: true },
      },
      [[], ...spec.map(() => [])],
      host.current,
    );
    return () => plot.current?.destroy();
  }, [shape]);
  useEffect(() => {
    plot.current?.setData([series.t, ...pick(series)]);
  }, [series, pick]);
  const values = pick(series);
  return (
    <div
      ref={host}
      aria-label={label}
      data-points={series.t.length}
      data-throttles={label === 'Lambda chart' && (values[2] ?? []).some((v) => v > 0) ? 'yes' : 'no'}
    />
  );
}

const LAMBDA_LINES = [
  { label: 'concurrency', stroke: '#0d9488' },
  { label: 'invocations/s', stroke: '#2563eb' },
  { label: 'throttles/s', stroke: '#dc2626' },
  { label: 'cold starts/s', stroke: '#d97706' },
];
const pickLambda = (s: SimSeries) => [s.concurrency, s.invocations, s.throttles, s.coldStarts];
const COST_LINES = [
  { label: 'cost $/h', stroke: '#7c3aed' },
  { label: 'running tasks', stroke: '#ea580c' },
];
const pickCost = (s: SimSeries) => [s.costRate, s.tasks];

const THROTTLE_WORDS: Record<ThrottleReason, string> = {
  ConcurrentInvocationLimitExceeded: 'ConcurrentInvocationLimitExceeded, the account’s concurrency limit is used up.',
  ReservedFunctionConcurrentInvocationLimitExceeded:
    'ReservedFunctionConcurrentInvocationLimitExceeded, its reserved concurrency is used up.',
  ScalingRateLimit:
    'its ceiling is still growing (1,000 more environments every 10 seconds; Nimbus names this itself, AWS returns a 429 with one of its reasons).',
};

const FAILURE_WORDS = {
  discard: 'were discarded',
  deadLetterQueue: 'went to the dead-letter queue',
  destination: 'went to the on-failure destination',
} as const;

export function SimPanel() {
  const frame = useSimStore((s) => s.frame);
  const log = useSimStore((s) => s.log);
  const focusOn = useViewStore((s) => s.focusOn);
  const [filter, setFilter] = useState('');
  const [errorsOnly, setErrorsOnly] = useState(false);
  const freeTier = useDesignStore((s) => s.history.present.simulation?.lambdaFreeTier ?? true);
  const scaling = useDesignStore((s) => s.history.present.simulation?.lambdaScaling ?? 'perFunction');
  if (!frame) {
    return (
      <div className="flex flex-col gap-3 p-4 text-sm">
        <p className="px-2 py-6 text-center text-sm text-slate-500 dark:text-slate-400">
          Press Play above the canvas to run the design: instances boot, functions scale and the bill grows.
        </p>
        <FaultSchedule />
        <ScheduledChanges />
      </div>
    );
  }
  const shown = log
    .filter((l) => (!errorsOnly || l.level === 'error') && l.text.toLowerCase().includes(filter.toLowerCase()))
    .slice(-200)
    .reverse();
  return (
    <div className="flex flex-col gap-3 p-4 text-sm">
      <dl className="grid grid-cols-2 gap-2 text-xs">
        <div className="rounded-md border border-slate-200 p-2 dark:border-slate-800">
          <dt className="text-slate-500 dark:text-slate-400">Cost so far</dt>
          <dd className="font-mono text-base">{formatUsd(frame.cost.total)}</dd>
        </div>
        <div className="rounded-md border border-slate-200 p-2 dark:border-slate-800">
          <dt className="text-slate-500 dark:text-slate-400">Cost rate now</dt>
          <dd className="font-mono text-base">{formatUsd(frame.cost.ratePerHour)}/h</dd>
        </div>
      </dl>
      <AvailabilityPanel />
      <FaultSchedule />
      <ScheduledChanges />
      {frame.functions.length > 0 && (
        <section aria-label="Lambda" className="flex flex-col gap-2">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">Lambda</h3>
          <SeriesChart label="Lambda chart" lines={LAMBDA_LINES} pick={pickLambda} />
          <table className="w-full text-xs">
            <thead className="text-left text-slate-500 dark:text-slate-400">
              <tr>
                <th className="font-medium">Function</th>
                <th className="font-medium">Concurrency</th>
                <th className="font-medium">Throttled</th>
                <th className="font-medium">Cold starts</th>
                <th className="font-medium">Cost</th>
              </tr>
            </thead>
            <tbody>
              {frame.functions.map((f) => (
                <tr key={f.id}>
                  <td>{f.name}</td>
                  <td className="font-mono">{Math.round(f.concurrency).toLocaleString('en-US')}</td>
                  <td className="font-mono" title={f.totals.throttleReason ?? undefined}>
                    {Math.round(f.totals.throttles).toLocaleString('en-US')}
                  </td>
                  <td className="font-mono">{f.totals.coldStarts.toLocaleString('en-US')}</td>
                  <td className="font-mono">{formatUsd(f.totals.costUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-[11px] text-slate-500 dark:text-slate-400">
            Each environment serves up to 10 requests a second, so a function uses max(rate × duration, rate ÷ 10)
            environments (AWS Lambda Developer Guide, “Understanding Lambda function scaling”).{' '}
            {freeTier
              ? 'Costs are after the account’s monthly free tier of 1M requests and 400,000 GB-s, shared by its functions (AWS Lambda pricing).'
              : 'No free tier is applied.'}
          </p>
          {frame.functions
            .filter((f) => f.totals.errors > 0)
            .map((f) => (
              <p key={`${f.id}-errors`} className="text-[11px] text-red-700 dark:text-red-300">
                {f.name}: {Math.round(f.totals.errors).toLocaleString('en-US')} function errors
                {f.totals.asyncFailed > 0
                  ? `; ${Math.round(f.totals.asyncFailed).toLocaleString('en-US')} asynchronous events out of retries or age ${FAILURE_WORDS[f.totals.onFailure]}`
                  : ''}
                .
              </p>
            ))}
          {frame.functions
            .filter((f) => f.totals.throttleReason)
            .map((f) => (
              <p key={f.id} className="text-[11px] text-amber-700 dark:text-amber-300">
                {f.name} throttled: {THROTTLE_WORDS[f.totals.throttleReason!]}
              </p>
            ))}
          <label className="flex items-center gap-1.5 text-xs">
            <input type="checkbox" checked={freeTier} onChange={(e) => setLambdaFreeTier(e.target.checked)} />
            The account has Lambda’s free tier (turn off for an organisation’s member account)
          </label>
          <label className="flex items-center gap-1.5 text-xs">
            Scaling
            <select
              value={scaling}
              onChange={(e) => setLambdaScaling(e.target.value === 'pre2023Burst' ? 'pre2023Burst' : 'perFunction')}
              className="rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-600"
            >
              <option value="perFunction">Since Nov 2023: each function +1,000 environments every 10 s</option>
              <option value="pre2023Burst">
                Before Nov 2023: a Region burst (3,000 in us-east-1), then +500 a minute
              </option>
            </select>
          </label>
        </section>
      )}
      {frame.services.length > 0 && (
        <section aria-label="Containers" className="flex flex-col gap-1">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
            ECS services
          </h3>
          {frame.services.map((s) => (
            <p key={s.id} className="text-xs">
              <strong>{s.name}</strong> ({s.launchType === 'FARGATE' ? 'Fargate' : 'EC2'}): {s.running} of {s.desired}{' '}
              tasks running
              {s.pending > 0 ? `, ${s.pending} starting` : ''}
              {s.waitingReason ? (
                <span className="block text-amber-700 dark:text-amber-300">Waiting: {s.waitingReason}.</span>
              ) : null}
            </p>
          ))}
        </section>
      )}
      <EksSimSection clusters={frame.eks ?? []} />
      {frame.traffic.transfer.length > 0 && (
        <section aria-label="Data transfer" className="flex flex-col gap-1">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
            Data transfer
          </h3>
          <table className="w-full text-xs">
            <tbody>
              {frame.traffic.transfer.map((t) => (
                <tr key={t.id}>
                  <td>{t.name.replace('Data transfer: ', '')}</td>
                  <td className="text-right font-mono">
                    {t.gb.toLocaleString('en-US', { maximumFractionDigits: 2 })} GB
                  </td>
                  <td className="text-right font-mono">{formatUsd(t.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-[11px] text-slate-500 dark:text-slate-400">
            us-east-1 rates: NAT gateway $0.045/GB processed (Amazon VPC pricing); transit gateway $0.02/GB processed
            (AWS Transit Gateway pricing); out to the internet free for the month’s first 100 GB, then $0.09/GB; between
            zones $0.01/GB each way (EC2 On-Demand pricing, Data Transfer). Nimbus bills the bytes of delivered
            requests, with each flow’s request and response sizes.
          </p>
        </section>
      )}
      <section aria-label="Cost and tasks" className="flex flex-col gap-1">
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
          Cost rate and tasks
        </h3>
        <SeriesChart label="Cost chart" lines={COST_LINES} pick={pickCost} />
      </section>
      <section aria-label="Event log" className="flex flex-col gap-2">
        <div className="flex items-center gap-2">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
            Event log
          </h3>
          <input
            type="search"
            aria-label="Filter the log"
            placeholder="Filter"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            className="ml-auto w-32 rounded border border-slate-300 bg-transparent px-1.5 py-0.5 text-xs dark:border-slate-600"
          />
          <label className="flex items-center gap-1 text-xs">
            <input type="checkbox" checked={errorsOnly} onChange={(e) => setErrorsOnly(e.target.checked)} /> errors
          </label>
        </div>
        <ol className="flex max-h-72 flex-col gap-0.5 overflow-y-auto font-mono text-[11px]">
          {shown.map((entry, i) => (
            <li key={`${entry.at}-${i}`}>
              <button
                type="button"
                disabled={!entry.resourceId}
                onClick={() => entry.resourceId && focusOn(entry.resourceId)}
                className={`text-left ${entry.level === 'error' ? 'text-red-700 dark:text-red-300' : ''}`}
              >
                <span className="text-slate-500 dark:text-slate-400">{formatClock(entry.at)}</span> {entry.text}
              </button>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
