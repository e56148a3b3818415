import { parseDesign } from '../domain';
import { analyzeExposure, type ExposureReport } from '../engine';

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
};

export type AnalysisApi = typeof analysisApi;
