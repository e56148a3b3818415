import { proxy } from 'comlink';
import { create } from 'zustand';
import { formatClock } from '../sim/clock';
import type { Ec2Action, FaultAction, JournalEntry, LoadResult, SimFrame } from '../sim/protocol';
import { useDesignStore } from './designStore';
import { useViewStore } from './viewStore';
import { analysisWorker, describeWorkerError, isWorkerError, onWorkerRestart } from './workerClient';

/**
 * A mirror of the simulation running in the worker: the latest frame, the
 * event log and short series for charts. Components subscribe to slices.
 */
const SERIES_POINTS = 600;
const LOG_LIMIT = 500;

export interface SimSeries {
  t: number[];
  invocations: number[];
  tasks: number[];
  concurrency: number[];
  throttles: number[];
  coldStarts: number[];
  costRate: number[];
}

interface SimState {
  active: boolean;
  frame: SimFrame | null;
  log: SimFrame['log'];
  series: SimSeries;
  speed: number;
}

const emptySeries = (): SimSeries => ({
  t: [],
  invocations: [],
  tasks: [],
  concurrency: [],
  throttles: [],
  coldStarts: [],
  costRate: [],
});

export const useSimStore = create<SimState>()(() => ({
  active: false,
  frame: null,
  log: [],
  series: emptySeries(),
  speed: 60,
}));

/** Counts simulation runs; frames of an earlier run (still in flight after stop or restart) are ignored. */
let run = 0;

function receive(frame: SimFrame, from: number): void {
  if (from !== run || !useSimStore.getState().active) return;
  useSimStore.setState((state) => {
    const series = state.series;
    const last = series.t[series.t.length - 1];
    if (last === undefined || frame.now > last) {
      const push = (list: number[], value: number) => {
        list.push(value);
        if (list.length > SERIES_POINTS) list.shift();
      };
      push(series.t, frame.now);
      push(
        series.invocations,
        frame.functions.reduce((sum, f) => sum + f.invocations, 0),
      );
      push(
        series.tasks,
        frame.services.reduce((sum, s) => sum + s.running, 0),
      );
      push(
        series.concurrency,
        frame.functions.reduce((sum, f) => sum + f.concurrency, 0),
      );
      push(
        series.throttles,
        frame.functions.reduce((sum, f) => sum + f.throttles, 0),
      );
      push(
        series.coldStarts,
        frame.functions.reduce((sum, f) => sum + f.coldStarts, 0),
      );
      push(series.costRate, frame.cost.ratePerHour);
    }
    const log = frame.log.length > 0 ? [...state.log, ...frame.log].slice(-LOG_LIMIT) : state.log;
    return { frame, log, series: { ...series } };
  });
}

/**
 * What the page needs to rebuild the running simulation in a new worker: its
 * first design, seed and every change since, with the clock it took effect at.
 * Past `JOURNAL_LIMIT` changes a restart starts the simulation again instead.
 */
interface Session {
  seed: number;
  design: unknown;
  journal: JournalEntry[];
  complete: boolean;
}
const JOURNAL_LIMIT = 2000;
let session: Session | null = null;
/** Set while a restarted worker is brought back to the last frame; commands wait for it. */
let restoring: Promise<unknown> | null = null;

function record(of: Session | null, entry: JournalEntry): void {
  if (!of || of !== session) return;
  // Edits made while the clock stands still (typing while paused) are one design at that time: keep the last,
  // so a journal of whole designs stays small on a large design.
  const last = of.journal[of.journal.length - 1];
  if (entry.kind === 'sync' && last?.kind === 'sync' && last.at === entry.at) of.journal[of.journal.length - 1] = entry;
  else if (of.journal.length >= JOURNAL_LIMIT) of.complete = false;
  else of.journal.push(entry);
}

/** A lost worker is already explained in a notice; anything else is shown as an error. */
async function guarded(command: () => Promise<void>): Promise<void> {
  try {
    if (restoring) await restoring;
    await command();
  } catch (error) {
    if (isWorkerError(error)) return;
    useViewStore.getState().notify({ tone: 'error', title: `The simulation failed: ${describeWorkerError(error)}` });
  }
}

let unsubscribeDesign: (() => void) | null = null;

/** Starts (or restarts) the simulation from the current design. */
export async function startSimulation(seed = 1): Promise<void> {
  useSimStore.setState({ active: true, frame: null, log: [], series: emptySeries() });
  session = null;
  const worker = analysisWorker();
  const thisRun = ++run;
  const design = useDesignStore.getState().history.present;
  let result: LoadResult;
  try {
    result = await worker.simLoad(
      design,
      seed,
      proxy((frame: SimFrame) => receive(frame, thisRun)),
    );
  } catch (error) {
    if (thisRun === run) useSimStore.setState({ active: false });
    throw error;
  }
  if (!result.ok) {
    useViewStore.getState().notify({ tone: 'error', title: 'The simulation could not start.', details: result.errors });
    useSimStore.setState({ active: false });
    return;
  }
  session = { seed, design, journal: [], complete: true };
  await worker.simSpeed(useSimStore.getState().speed);
  unsubscribeDesign?.();
  unsubscribeDesign = useDesignStore.subscribe((state, previous) => {
    const design = state.history.present;
    if (design === previous.history.present) return;
    const of = session;
    void guarded(async () => {
      const at = await analysisWorker().simSync(design);
      if (at !== null) record(of, { at, kind: 'sync', design });
    });
  });
}

export const playSimulation = () =>
  guarded(async () => {
    if (!useSimStore.getState().active) await startSimulation();
    await analysisWorker().simPlay();
  });
export const pauseSimulation = () => guarded(() => analysisWorker().simPause());
export const stepSimulation = (seconds: number) =>
  guarded(async () => {
    if (!useSimStore.getState().active) await startSimulation();
    await analysisWorker().simStep(seconds);
  });
export const setSimulationSpeed = (speed: number) => {
  useSimStore.setState({ speed });
  if (useSimStore.getState().active) void guarded(() => analysisWorker().simSpeed(speed));
};
export async function stopSimulation(): Promise<void> {
  unsubscribeDesign?.();
  unsubscribeDesign = null;
  session = null;
  run++;
  useSimStore.setState({ active: false, frame: null, log: [], series: emptySeries() });
  await guarded(() => analysisWorker().simPause());
}

/** An EC2 action as the console would send it; a refusal is shown with AWS's code. */
export const instanceAction = (instanceId: string, action: Ec2Action): Promise<void> =>
  guarded(async () => {
    if (!useSimStore.getState().active) await startSimulation();
    const of = session;
    const result = await analysisWorker().simAct(instanceId, action);
    if (result.at !== null) record(of, { at: result.at, kind: 'act', instanceId, action });
    if (!result.ok) useViewStore.getState().notify({ tone: 'error', title: `${result.code}: ${result.message}` });
  });

/** A fault injected (or recovered) live, journaled like an action so a restarted worker replays it. */
export const injectFault = (action: FaultAction): Promise<void> =>
  guarded(async () => {
    if (!useSimStore.getState().active) await startSimulation();
    const of = session;
    const result = await analysisWorker().simFault(action);
    if (result.at !== null) record(of, { at: result.at, kind: 'fault', action });
    if (!result.ok) useViewStore.getState().notify({ tone: 'error', title: `${result.code}: ${result.message}` });
  });

/**
 * After the worker was replaced: rebuilds the simulation at the last frame the
 * user saw (paused), or, when that can't be done faithfully, starts it again
 * and says so. Returns the sentence for the notice.
 */
async function resumeInNewWorker(): Promise<string | null> {
  const of = session;
  if (!useSimStore.getState().active || !of) return null;
  const until = useSimStore.getState().frame?.now ?? 0;
  const current = useDesignStore.getState().history.present;
  const attempt = async (): Promise<string> => {
    if (of.complete) {
      const thisRun = ++run;
      // The rebuilt simulation sends its whole log again with its first frame.
      useSimStore.setState({ log: [] });
      const result = await analysisWorker()
        .simRestore(
          { design: of.design, seed: of.seed, journal: of.journal, until, current },
          proxy((frame: SimFrame) => receive(frame, thisRun)),
        )
        .catch(() => null);
      // Stopped or started again meanwhile: the user's choice stands.
      if (session !== of) return '';
      if (result?.ok) {
        record(of, { at: until, kind: 'sync', design: current });
        await analysisWorker().simSpeed(useSimStore.getState().speed);
        return `Press Play to continue from ${formatClock(until)}.`;
      }
    }
    await startSimulation(of.seed);
    return `The simulation could not be brought back to ${formatClock(until)}; it starts again from ${formatClock(0)}.`;
  };
  const pending = attempt();
  restoring = pending.catch(() => undefined);
  try {
    return await pending;
  } finally {
    restoring = null;
  }
}

onWorkerRestart(resumeInNewWorker);
