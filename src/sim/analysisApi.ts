import { parseDesign } from '../domain';
import { analyzeExposure } from '../engine';
import type { AnalysisApi } from './protocol';
import { SimRunner } from './runner';

/**
 * What the worker offers the UI. Designs cross the boundary as plain data and
 * are validated again here: the worker trusts nothing it did not parse. One
 * per worker (tests make several, as a restarted worker would).
 */
export function createAnalysisApi(): AnalysisApi {
  let runner: SimRunner | null = null;
  return {
    exposure(design) {
      const parsed = parseDesign(design);
      if (!parsed.ok) return { ok: false, errors: parsed.errors };
      const start = performance.now();
      const report = analyzeExposure(parsed.design);
      return { ok: true, report, millis: performance.now() - start };
    },

    simLoad(design, seed, onFrame) {
      runner?.pause();
      runner = new SimRunner(onFrame);
      return runner.load(design, seed);
    },
    simSync: (design) => runner?.sync(design) ?? null,
    simRestore(request, onFrame) {
      runner?.pause();
      runner = new SimRunner(onFrame);
      return runner.restore(request);
    },
    simPlay: () => runner?.play(),
    simPause: () => runner?.pause(),
    simStep: (seconds) => runner?.step(seconds),
    simSpeed: (speed) => runner?.setSpeed(speed),
    simAct: (instanceId, action) =>
      runner?.act(instanceId, action) ?? {
        ok: false as const,
        code: 'NoSimulation',
        message: 'Start the simulation first.',
        at: null,
      },
  };
}

export const analysisApi: AnalysisApi = createAnalysisApi();
