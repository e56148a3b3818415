import { Pause, Play, SkipForward, Square, Waypoints } from 'lucide-react';
import {
  pauseSimulation,
  playSimulation,
  setSimulationSpeed,
  stepSimulation,
  stopSimulation,
  useLibraryStore,
  useSimStore,
  useTrafficView,
} from '../store';
import { formatClock } from '../sim/clock';

const SPEEDS = [1, 10, 60, 600, 3600] as const;

/** The traffic tool: click a source, then a destination, to add a flow between them. */
function TrafficToolButton({ className }: { className: string }) {
  const tool = useTrafficView((s) => s.tool);
  const viewOnly = useLibraryStore((s) => s.viewOnly);
  if (viewOnly) return null;
  return (
    <button
      type="button"
      className={`${className} ${tool ? 'bg-teal-100 text-teal-900 dark:bg-teal-900 dark:text-teal-100' : ''}`}
      aria-pressed={tool !== null}
      title="Add a traffic flow: click its source, then its destination"
      onClick={() => useTrafficView.getState().setTool(tool ? null : { source: null })}
    >
      <Waypoints size={14} aria-hidden /> {tool ? (tool.source ? 'Pick destination' : 'Pick source') : 'Traffic'}
    </button>
  );
}

export { formatClock };

export const formatUsd = (n: number) => `$${n < 1 ? n.toFixed(4) : n.toFixed(2)}`;

/** Play, pause, step and speed for the simulation, with its clock and cost meter. */
export function SimToolbar() {
  const frame = useSimStore((s) => s.frame);
  const active = useSimStore((s) => s.active);
  const speed = useSimStore((s) => s.speed);
  const running = frame?.running ?? false;
  const button =
    'inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-40 dark:hover:bg-slate-800';
  return (
    <div
      role="toolbar"
      aria-label="Simulation"
      className="absolute top-3 left-1/2 z-10 flex max-w-[calc(100%-1.5rem)] -translate-x-1/2 items-center overflow-x-auto gap-1 whitespace-nowrap rounded-lg border border-slate-200 bg-white/95 px-2 py-1 shadow-sm dark:border-slate-700 dark:bg-slate-900/95"
    >
      {running ? (
        <button type="button" className={button} onClick={() => void pauseSimulation()} aria-label="Pause">
          <Pause size={14} aria-hidden /> Pause
        </button>
      ) : (
        <button type="button" className={button} onClick={() => void playSimulation()} aria-label="Play">
          <Play size={14} aria-hidden /> Play
        </button>
      )}
      <button
        type="button"
        className={button}
        onClick={() => void stepSimulation(10)}
        title="Advance 10 simulated seconds"
      >
        {/* The name starts as the text reads ("10 s"), so speech input can say what it sees. */}
        <SkipForward size={14} aria-hidden /> <span className="sr-only">Step </span>10 s
      </button>
      <select
        aria-label="Speed"
        value={speed}
        onChange={(e) => setSimulationSpeed(Number(e.target.value))}
        className="rounded-md border border-slate-300 bg-transparent px-1 py-0.5 text-xs dark:border-slate-600"
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <span aria-label="Simulated time" className="px-2 font-mono text-xs tabular-nums">
        {formatClock(frame?.now ?? 0)}
      </span>
      <span
        aria-label="Cost"
        className="px-1 font-mono text-xs text-slate-600 tabular-nums dark:text-slate-300"
        title="Accumulated cost · cost rate now"
      >
        {formatUsd(frame?.cost.total ?? 0)} ·{' '}
        <span data-testid="cost-rate">{formatUsd(frame?.cost.ratePerHour ?? 0)}/h</span>
      </span>
      <TrafficToolButton className={button} />
      <button
        type="button"
        className={button}
        onClick={() => void stopSimulation()}
        disabled={!active}
        aria-label="Stop simulation"
        title="Stop the simulation and reset its clock and costs"
      >
        {/* A filled square, as media players draw Stop; an outline square reads as a checkbox. */}
        <Square size={12} fill="currentColor" className="text-red-700 dark:text-red-400" aria-hidden /> Stop
      </button>
    </div>
  );
}
