import { afterEach, describe, expect, it } from 'vitest';
import type { Design, Ec2Instance } from '../domain';
import { analyzeExposure } from '../engine';
import { TEMPLATES } from '../scenarios/templates';
import { createAnalysisApi } from '../sim/analysisApi';
import type { ExposureProgress } from '../sim/protocol';
import { cancelExposure, scanExposure } from './exposure';
import { fakeWorkers } from './testing/fakeWorker';
import { superviseWorkerWith } from './workerClient';
import type { WorkerSupervisor } from './workerSupervisor';

/** The page's side of exposure, over a worker in this process (messages cross a MessageChannel as in the browser). */
let supervisor: WorkerSupervisor<object> | null = null;
afterEach(() => supervisor?.dispose());

const design = TEMPLATES.find((t) => t.id === 'two-tier')!.build();

/** The template with more web servers beside the first: as many more slices of one instance. */
function crowded(more = 300): Design {
  const resources = { ...design.resources };
  const web = Object.values(resources).find((r): r is Ec2Instance => r.kind === 'ec2Instance')!;
  for (let i = 0; i < more; i++) {
    const id = `i-crowd-${i}`;
    resources[id] = { ...web, id, name: `Web ${i}`, privateIp: `10.0.0.${(i % 200) + 20}` } as Ec2Instance;
  }
  return { ...design, resources };
}

function inProcessWorker(exposureTimeoutMs = 5000) {
  // A slice of 0 ms checks one instance at a time, so even a small design takes several slices.
  const { options } = fakeWorkers(() => createAnalysisApi({ exposureSliceMs: 0 }));
  supervisor = superviseWorkerWith({
    ...options,
    timeoutMs: (method) => (method === 'exposure' ? exposureTimeoutMs : 5000),
  }) as WorkerSupervisor<object>;
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
};

describe('scanning exposure from the page', () => {
  it('hears progress from the worker and gets the report', async () => {
    inProcessWorker();
    const progress: ExposureProgress[] = [];
    const answer = await scanExposure(design, (p) => progress.push(p));
    expect(answer).toMatchObject({ ok: true, report: analyzeExposure(design) });
    await until(() => progress.length > 0);
    expect(progress.at(-1)!.done).toBeLessThan(progress.at(-1)!.total);
  });

  it('Cancel, sent as a message while the worker is between slices, stops the scan without a report', async () => {
    inProcessWorker();
    const big = crowded();
    const heard: ExposureProgress[] = [];
    const scan = scanExposure(big, (p) => {
      heard.push(p);
      if (heard.length === 1) cancelExposure();
    });
    await expect(scan).resolves.toEqual({ ok: false, cancelled: true });
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.at(-1)!.done).toBeLessThan(heard.at(-1)!.total);
  });

  it('a scan past its time limit fails and is stopped in the worker', async () => {
    inProcessWorker(2);
    const big = crowded(5000);
    const progress: ExposureProgress[] = [];
    await expect(scanExposure(big, (p) => progress.push(p))).rejects.toMatchObject({ kind: 'timeout' });
    // The worker hears the Cancel and its run ends well before the last of its 5,000 slices.
    await new Promise((r) => setTimeout(r, 300));
    const heard = progress.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(progress.length).toBe(heard);
    // A run to the end would have reported every instance but the last.
    expect(progress.at(-1)?.done ?? 0).toBeLessThan((progress.at(-1)?.total ?? 0) - 1);
  });

  it('sends a design larger than a part in parts, with the report of the whole', async () => {
    inProcessWorker();
    const big = crowded();
    const answer = await scanExposure(big, () => undefined, 50);
    expect(answer).toMatchObject({ ok: true, report: analyzeExposure(big) });
  });

  it('Cancel while the design is still being sent stops before any instance is checked', async () => {
    inProcessWorker();
    const progress: ExposureProgress[] = [];
    const scan = scanExposure(crowded(), (p) => progress.push(p), 50);
    cancelExposure();
    await expect(scan).resolves.toEqual({ ok: false, cancelled: true });
    expect(progress).toEqual([]);
  });

  it('a second scan supersedes the first', async () => {
    inProcessWorker();
    const first = scanExposure(design, () => undefined);
    const second = scanExposure(design, () => undefined);
    await expect(first).resolves.toEqual({ ok: false, cancelled: true });
    await expect(second).resolves.toMatchObject({ ok: true });
  });
});
