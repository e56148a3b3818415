import { parseDesign } from '../domain';
import { analyzeExposure, type ExposureReport } from '../engine';
import type { Ec2Action } from './ec2';
import type { SimFrame } from './frame';
import { SimRunner } from './runner';

let runner: SimRunner | null = null;

/**
 * What the worker offers the UI. Designs cross the boundary as plain data and
 * are validated again here: the worker trusts nothing it did not parse.
 */
export const analysisApi = {
  exposure(design: unknown): { ok: true; report: ExposureReport; millis: number } | { ok: false; errors: string[] } {
    const parsed = parseDesign(design);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const start = performance.now();
    const report = analyzeExposure(parsed.design);
    return { ok: true, report, millis: performance.now() - start };
  },

  /** Starts a simulation of the design; frames arrive through `onFrame` (a comlink proxy). */
  simLoad(design: unknown, seed: number, onFrame: (frame: SimFrame) => void) {
    runner?.pause();
    runner = new SimRunner(onFrame);
    return runner.load(design, seed);
  },
  simSync: (design: unknown) => runner?.sync(design),
  simPlay: () => runner?.play(),
  simPause: () => runner?.pause(),
  simStep: (seconds: number) => runner?.step(seconds),
  simSpeed: (speed: number) => runner?.setSpeed(speed),
  simAct: (instanceId: string, action: Ec2Action) =>
    runner?.act(instanceId, action) ?? {
      ok: false as const,
      code: 'NoSimulation',
      message: 'Start the simulation first.',
    },
};

export type AnalysisApi = typeof analysisApi;
