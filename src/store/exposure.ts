import { proxy } from 'comlink';
import type { Design } from '../domain';
import type { ExposureAnswer, ExposureProgress } from '../sim/protocol';
import { analysisWorker, isWorkerError } from './workerClient';

export type { ExposureAnswer, ExposureProgress } from '../sim/protocol';

/**
 * Resources and layout entries per message when a design is sent in parts:
 * copying a message is work for the page, about 15 ms for 2,000 instances,
 * so a design of 40,000 (some 200 ms in one message) goes in parts.
 */
export const EXPOSURE_PART_SIZE = 2000;

/** Counts scans and cancels: a scan still sending its design stops when it is no longer the latest. */
let scans = 0;

/**
 * Exposure of the design, computed in the worker in slices: `onProgress`
 * hears how far it got. A newer scan or `cancelExposure` stops it, and it
 * answers `cancelled`. A scan past its time limit is stopped too, so the
 * worker does not go on with work nobody waits for. A large design is sent
 * in parts of `partSize` entries, one message each.
 */
export async function scanExposure(
  design: Design,
  onProgress: (progress: ExposureProgress) => void,
  partSize = EXPOSURE_PART_SIZE,
): Promise<ExposureAnswer> {
  const scan = ++scans;
  const worker = analysisWorker();
  try {
    const resources = Object.entries(design.resources);
    const layout = Object.entries(design.layout);
    if (resources.length + layout.length <= partSize) return await worker.exposure(design, proxy(onProgress));
    for (let at = 0; at < Math.max(resources.length, layout.length); at += partSize) {
      if (scan !== scans) return { ok: false, cancelled: true };
      await worker.exposureUpload(scan, {
        resources: resources.slice(at, at + partSize),
        layout: layout.slice(at, at + partSize),
      });
    }
    if (scan !== scans) return { ok: false, cancelled: true };
    return await worker.exposure({ ...design, resources: {}, layout: {} }, proxy(onProgress), scan);
  } catch (error) {
    if (isWorkerError(error) && error.kind === 'timeout') cancelExposure();
    throw error;
  }
}

/** Stops the scan in progress: its upload at the next part, its run at the worker's next slice. */
export function cancelExposure(): void {
  scans++;
  void analysisWorker()
    .exposureCancel()
    .catch(() => undefined);
}
