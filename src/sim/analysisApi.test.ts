import { describe, expect, it } from 'vitest';
import { analyzeExposure } from '../engine';
import { TEMPLATES } from '../scenarios/templates';
import { createAnalysisApi } from './analysisApi';
import type { ExposureProgress } from './protocol';
import { haDesign } from './testing/haDesign';

/** Exposure in the worker: in slices, with progress, and stopped by a Cancel or a newer request. */
describe('exposure in the worker', () => {
  const design = TEMPLATES.find((t) => t.id === 'two-tier')!.build();

  it('reports progress after each slice and answers what analyzeExposure answers', async () => {
    // A slice of 0 ms checks one instance at a time.
    const api = createAnalysisApi({ exposureSliceMs: 0 });
    const progress: ExposureProgress[] = [];
    const answer = await api.exposure(design, (p) => progress.push(p));
    expect(answer).toMatchObject({ ok: true, report: analyzeExposure(design) });
    const total = Object.values(design.resources).filter((r) => r.kind === 'ec2Instance').length;
    expect(progress.length).toBe(total - 1);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: total - 1 }, (_, i) => i + 1));
    expect(progress.every((p) => p.total === total)).toBe(true);
  });

  it('a Cancel stops the run between slices, with no report', async () => {
    const api = createAnalysisApi({ exposureSliceMs: 0 });
    const progress: ExposureProgress[] = [];
    const running = api.exposure(design, (p) => {
      progress.push(p);
      api.exposureCancel();
    });
    await expect(running).resolves.toEqual({ ok: false, cancelled: true });
    // The Cancel came with the first progress report; the run checked no instance after it.
    expect(progress).toHaveLength(1);
  });

  it('a newer request stops the older one, which answers cancelled', async () => {
    const api = createAnalysisApi({ exposureSliceMs: 0 });
    const older = api.exposure(design);
    const newer = api.exposure(design);
    await expect(older).resolves.toEqual({ ok: false, cancelled: true });
    await expect(newer).resolves.toMatchObject({ ok: true, report: analyzeExposure(design) });
  });

  it('a Cancel with no run in progress changes nothing for the next one', async () => {
    const api = createAnalysisApi();
    api.exposureCancel();
    await expect(api.exposure(design)).resolves.toMatchObject({ ok: true });
  });

  it('joins a design sent in parts, ids as own keys, and drops the parts of an older upload', async () => {
    const api = createAnalysisApi();
    const resources = Object.entries(design.resources);
    const layout = Object.entries(design.layout);
    api.exposureUpload(2, { resources: resources.slice(0, 5), layout });
    // A part of an older upload arriving late, and a hostile id: neither gets into the design.
    api.exposureUpload(1, { resources: [['i-stale', { kind: 'ec2Instance' }]], layout: [] });
    api.exposureUpload(2, { resources: [...resources.slice(5), ['__proto__', { kind: 'vpc' }]], layout: [] });
    const answer = await api.exposure({ ...design, resources: {}, layout: {} }, undefined, 2);
    expect(answer).toMatchObject({ ok: true, report: analyzeExposure(design) });
    expect(({} as { kind?: string }).kind).toBeUndefined();
    // The upload is used once: asking again under its id answers cancelled.
    await expect(api.exposure({ ...design, resources: {}, layout: {} }, undefined, 2)).resolves.toEqual({
      ok: false,
      cancelled: true,
    });
  });

  it('refuses a design it cannot read', async () => {
    const api = createAnalysisApi();
    const answer = await api.exposure({ format: 'nope' });
    expect(answer).toMatchObject({ ok: false, cancelled: false });
  });
});

describe('faults in the worker', () => {
  it('answers NoSimulation before a load, then injects at the clock and shows it in the next frame', () => {
    const api = createAnalysisApi();
    const inject = {
      kind: 'inject' as const,
      fault: { fault: 'zoneOutage' as const, zoneId: 'az-1', durationSeconds: 60 },
    };
    expect(api.simFault(inject)).toMatchObject({ ok: false, code: 'NoSimulation', at: null });
    const frames: Array<{ now: number; faults: { zonesDown: string[] } }> = [];
    expect(api.simLoad(haDesign(), 1, (f) => frames.push(f))).toEqual({ ok: true });
    api.simStep(30);
    expect(api.simFault(inject)).toEqual({ ok: true, at: 30 });
    expect(frames.at(-1)!.faults.zonesDown).toEqual(['az-1']);
    api.simStep(60);
    expect(frames.at(-1)!.faults.zonesDown).toEqual([]);
    expect(api.simFault({ kind: 'recover', targetId: 'az-1' })).toMatchObject({
      ok: false,
      code: 'NoActiveFault',
      at: 90,
    });
  });
});
