import { proxy } from 'comlink';
import { create } from 'zustand';
import type { Ec2Action, SimFrame } from '../sim/protocol';
import { useDesignStore } from './designStore';
import { useViewStore } from './viewStore';
import { analysisWorker } from './workerClient';

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

let unsubscribeDesign: (() => void) | null = null;

/** Starts (or restarts) the simulation from the current design. */
export async function startSimulation(seed = 1): Promise<void> {
  useSimStore.setState({ active: true, frame: null, log: [], series: emptySeries() });
  const worker = analysisWorker();
  const thisRun = ++run;
  const result = await worker.simLoad(
    useDesignStore.getState().history.present,
    seed,
    proxy((frame: SimFrame) => receive(frame, thisRun)),
  );
  if (!result.ok) {
    useViewStore.getState().notify({ tone: 'error', title: 'The simulation could not start.', details: result.errors });
    useSimStore.setState({ active: false });
    return;
  }
  await worker.simSpeed(useSimStore.getState().speed);
  unsubscribeDesign?.();
  unsubscribeDesign = useDesignStore.subscribe((state, previous) => {
    if (state.history.present !== previous.history.present) void analysisWorker().simSync(state.history.present);
  });
}

export const playSimulation = async () => {
  if (!useSimStore.getState().active) await startSimulation();
  await analysisWorker().simPlay();
};
export const pauseSimulation = () => analysisWorker().simPause();
export const stepSimulation = async (seconds: number) => {
  if (!useSimStore.getState().active) await startSimulation();
  await analysisWorker().simStep(seconds);
};
export const setSimulationSpeed = (speed: number) => {
  useSimStore.setState({ speed });
  if (useSimStore.getState().active) void analysisWorker().simSpeed(speed);
};
export async function stopSimulation(): Promise<void> {
  unsubscribeDesign?.();
  unsubscribeDesign = null;
  run++;
  useSimStore.setState({ active: false, frame: null, log: [], series: emptySeries() });
  await analysisWorker().simPause();
}

/** An EC2 action as the console would send it; a refusal is shown with AWS's code. */
export async function instanceAction(instanceId: string, action: Ec2Action): Promise<void> {
  if (!useSimStore.getState().active) await startSimulation();
  const result = await analysisWorker().simAct(instanceId, action);
  if (!result.ok) useViewStore.getState().notify({ tone: 'error', title: `${result.code}: ${result.message}` });
}
