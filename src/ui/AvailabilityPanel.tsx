import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { getResource, type Design } from '../domain';
import type { AvailabilityFrame, SimFrame, TargetHealthState } from '../sim/protocol';
import { selectDesign, useDesignStore, useSimStore, useViewStore } from '../store';
import { formatClock } from './SimToolbar';

const heading = 'text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400';

const seriesData = (series: AvailabilityFrame['series']): uPlot.AlignedData => [
  series.map((p) => p.at),
  series.map((p) => p.served),
  series.map((p) => p.failed),
];

/** Served and failed requests per bucket of simulated time, as a live uPlot chart. */
function AvailabilityChart({ availability, theme }: { availability: AvailabilityFrame; theme: 'light' | 'dark' }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // The series as last drawn, so a chart made anew (a theme switch while paused) starts with it, not empty.
  const latest = useRef(availability.series);
  useEffect(() => {
    if (!host.current) return;
    const axis = {
      stroke: theme === 'dark' ? '#cbd5e1' : '#334155',
      grid: { stroke: theme === 'dark' ? '#334155' : '#e2e8f0' },
    };
    plot.current = new uPlot(
      {
        // As wide as the panel allows, up to 380 px (a small screen's panel is narrower).
        width: Math.min(380, host.current.clientWidth || 380),
        height: 160,
        scales: { x: { time: false } },
        axes: [
          { ...axis, label: 'sim seconds', size: 30 },
          { ...axis, size: 50 },
        ],
        series: [
          {},
          { label: `served / ${availability.bucketSeconds} s`, stroke: '#059669', width: 2 },
          { label: `failed / ${availability.bucketSeconds} s`, stroke: '#dc2626', width: 2 },
        ],
        legend: { show: true },
      },
      seriesData(latest.current),
      host.current,
    );
    // The panel narrows with the window (a small screen): the chart follows.
    const resize = new ResizeObserver(() => {
      const width = Math.min(380, host.current?.clientWidth || 380);
      if (plot.current && plot.current.width !== width) plot.current.setSize({ width, height: 160 });
    });
    resize.observe(host.current);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
    };
  }, [availability.bucketSeconds, theme]);
  useEffect(() => {
    latest.current = availability.series;
    plot.current?.setData(seriesData(availability.series));
  }, [availability.series]);
  const last = availability.series[availability.series.length - 1];
  return (
    <div
      ref={host}
      aria-label="Availability chart"
      data-points={availability.series.length}
      data-failing={last && last.failed > 0 ? 'yes' : 'no'}
      data-failed-buckets={availability.series.filter((p) => p.failed > 0).length}
    />
  );
}

const HEALTH_CLASS: Record<TargetHealthState, string> = {
  healthy: 'text-emerald-700 dark:text-emerald-300',
  unhealthy: 'text-red-700 dark:text-red-300',
  initial: 'text-amber-700 dark:text-amber-300',
  draining: 'text-slate-600 dark:text-slate-300',
  unused: 'text-slate-500 dark:text-slate-400',
  unavailable: 'text-slate-500 dark:text-slate-400',
};

const zoneName = (design: Design, zoneId: string | null) =>
  (zoneId && getResource(design, zoneId, 'availabilityZone')?.zoneName) || '—';
const subnetZone = (design: Design, subnetId: string | null) =>
  zoneName(design, getResource(design, subnetId, 'subnet')?.azId ?? null);
const percent = (served: number, failed: number) =>
  served + failed === 0 ? '—' : `${((100 * served) / (served + failed)).toFixed(1)}%`;
const count = (n: number) => Math.round(n).toLocaleString('en-US');

function LoadBalancerRows({ frame, design }: { frame: SimFrame; design: Design }) {
  return (
    <>
      {frame.loadBalancers.map((lb) => (
        <section key={lb.id} aria-label={`Load balancer ${lb.name}`} className="flex flex-col gap-1">
          <p className="text-xs">
            <strong>{lb.name}</strong>: {count(lb.served)} served, {count(lb.failed)} failed (
            {percent(lb.served, lb.failed)})
            {Object.entries(lb.failedBy)
              .filter(([, n]) => n > 0)
              .map(([status, n]) => ` · ${status}: ${count(n)}`)
              .join('')}
          </p>
          <p className="text-[11px] text-slate-500 dark:text-slate-400">
            Nodes:{' '}
            {lb.nodes
              .map(
                (n) =>
                  `${n.zoneId ? zoneName(design, n.zoneId) : subnetZone(design, n.subnetId)} ${n.inService ? 'in service' : 'out'}`,
              )
              .join(', ')}
          </p>
          <table className="w-full text-xs">
            <thead className="text-left text-slate-500 dark:text-slate-400">
              <tr>
                <th className="font-medium">Target</th>
                <th className="font-medium">Zone</th>
                <th className="font-medium">Health</th>
                <th className="text-right font-medium">Requests</th>
              </tr>
            </thead>
            <tbody>
              {lb.targetGroups.flatMap((group) =>
                group.targets.map((t) => (
                  <tr key={`${group.id}-${t.id}`}>
                    <td className="truncate" title={`${group.name}: ${t.id}`}>
                      {t.name}
                    </td>
                    <td>{zoneName(design, t.zoneId)}</td>
                    <td className={`font-medium ${HEALTH_CLASS[t.health]}`} title={t.reason ?? undefined}>
                      {t.health}
                    </td>
                    <td className="text-right font-mono">{count(t.requests)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

/** High availability while the simulation runs: served vs failed over time, load balancers, groups, databases. */
export function AvailabilityPanel() {
  const frame = useSimStore((s) => s.frame);
  const design = useDesignStore(selectDesign);
  const theme = useViewStore((s) => s.theme);
  if (!frame) return null;
  const has =
    frame.loadBalancers.length + frame.autoScalingGroups.length + frame.databases.length > 0 ||
    frame.availability.series.length > 0;
  if (!has) return null;
  const { servedPercent } = frame.availability;
  return (
    <section aria-label="Availability" className="flex flex-col gap-2">
      <div className="flex items-baseline gap-2">
        <h3 className={heading}>Availability</h3>
        <span className="ml-auto text-xs text-slate-500 dark:text-slate-400">served since start</span>
        <output aria-label="Served percentage" className="font-mono text-base font-semibold">
          {servedPercent === null ? '—' : `${servedPercent.toFixed(2)}%`}
        </output>
      </div>
      {frame.availability.series.length > 0 ? (
        <AvailabilityChart availability={frame.availability} theme={theme} />
      ) : (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          No request has been sent yet: the chart of served and failed requests starts with the first flow’s traffic.
        </p>
      )}
      <LoadBalancerRows frame={frame} design={design} />
      {frame.autoScalingGroups.map((g) => {
        const inService = g.instances.filter((i) => i.lifecycle === 'InService').length;
        return (
          <p key={g.id} className="text-xs" aria-label={`Auto Scaling group ${g.name}`}>
            <strong>{g.name}</strong>: {inService} of {g.desired} desired in service (min {g.min}, max {g.max})
            {g.averageCpu !== null ? ` · CPU ${Math.round(g.averageCpu)}%` : ''}
            {g.lastActivity && (
              <span className="block text-[11px] text-slate-500 dark:text-slate-400">{g.lastActivity}</span>
            )}
          </p>
        );
      })}
      {frame.databases.map((db) => (
        <p key={db.id} className="text-xs" aria-label={`Database ${db.name}`}>
          <strong>{db.name}</strong>:{' '}
          <span
            className={
              db.status === 'available'
                ? 'text-emerald-700 dark:text-emerald-300'
                : db.status === 'failing-over'
                  ? 'text-amber-700 dark:text-amber-300'
                  : 'text-red-700 dark:text-red-300'
            }
          >
            {db.status === 'failing-over' ? 'failing over' : db.status}
          </span>
          , primary in {subnetZone(design, db.primarySubnetId)}
          {db.standbySubnetId ? `, standby in ${subnetZone(design, db.standbySubnetId)}` : ', no standby'}
          {db.failovers > 0 ? ` · ${db.failovers} failover${db.failovers === 1 ? '' : 's'}` : ''}
        </p>
      ))}
      {frame.faults.active.length > 0 && (
        <p className="text-[11px] text-red-700 dark:text-red-300">
          In effect:{' '}
          {frame.faults.active
            .map(
              (f) =>
                `${f.fault === 'zoneOutage' ? zoneName(design, f.targetId) : (design.resources[f.targetId]?.name ?? f.targetId)} since ${formatClock(f.since)}`,
            )
            .join(', ')}
        </p>
      )}
    </section>
  );
}
