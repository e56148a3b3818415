import { parseDesign } from '../domain';
import { startExposure } from '../engine';
import type { AnalysisApi, ExposureProgress } from './protocol';
import { SimRunner } from './runner';

/** How long exposure works between looks at its messages (a Cancel, a newer request) and progress reports. */
export const EXPOSURE_SLICE_MS = 30;

/** Resolves in a later task, after messages that are already waiting (a MessageChannel's are not clamped like timers). */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** Reports progress without waiting for the page; a page that stopped listening is not an error here. */
function tell(onProgress: ((progress: ExposureProgress) => void) | undefined, progress: ExposureProgress): void {
  try {
    void Promise.resolve(onProgress?.(progress)).catch(() => undefined);
  } catch {
    // The page released the callback.
  }
}

/**
 * What the worker offers the UI. Designs cross the boundary as plain data and
 * are validated again here: the worker trusts nothing it did not parse. One
 * per worker (tests make several, as a restarted worker would).
 */
export function createAnalysisApi(options: { exposureSliceMs?: number } = {}): AnalysisApi {
  const sliceMs = options.exposureSliceMs ?? EXPOSURE_SLICE_MS;
  let runner: SimRunner | null = null;
  /** Counts exposure requests and cancels: a run goes on only while it is the latest. */
  let exposureRuns = 0;
  /** The latest upload of a design in parts. */
  let upload: { id: number; resources: Array<[string, unknown]>; layout: Array<[string, unknown]> } | null = null;
  return {
    async exposure(design, onProgress, uploadId) {
      const run = ++exposureRuns;
      if (uploadId !== undefined) {
        // A newer upload has begun: this request is an older one's.
        if (upload?.id !== uploadId) return { ok: false, cancelled: true };
        const { resources, layout } = upload;
        upload = null;
        // Own keys whatever the ids are (`Object.fromEntries` defines, it never assigns through `__proto__`).
        design = {
          ...(design as object),
          resources: Object.fromEntries(resources),
          layout: Object.fromEntries(layout),
        };
      }
      const parsed = parseDesign(design);
      if (!parsed.ok) return { ok: false, cancelled: false, errors: parsed.errors };
      const start = performance.now();
      const exposure = startExposure(parsed.design);
      for (;;) {
        if (run !== exposureRuns) return { ok: false, cancelled: true };
        const report = exposure.step(sliceMs);
        if (report) return { ok: true, report, millis: performance.now() - start };
        tell(onProgress, { done: exposure.done, total: exposure.total });
        // Lets a newer request or a Cancel that arrived meanwhile run before the next slice.
        await nextTask();
      }
    },
    exposureUpload(uploadId, part) {
      if (upload && uploadId < upload.id) return;
      if (upload?.id !== uploadId) upload = { id: uploadId, resources: [], layout: [] };
      upload.resources.push(...part.resources);
      upload.layout.push(...part.layout);
    },
    exposureCancel() {
      exposureRuns++;
      upload = null;
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
    simFault: (action) =>
      runner?.fault(action) ?? {
        ok: false as const,
        code: 'NoSimulation',
        message: 'Start the simulation first.',
        at: null,
      },
  };
}

export const analysisApi: AnalysisApi = createAnalysisApi();
