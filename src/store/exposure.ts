import { proxy } from 'comlink';
import type { Design } from '../domain';
import type { ExposureAnswer, ExposureProgress } from '../sim/protocol';
import { analysisWorker } from './workerClient';

export type { ExposureAnswer, ExposureProgress } from '../sim/protocol';

/**
 * Exposure of the design, computed in the worker in slices: `onProgress`
 * hears how far it got. A newer scan or `cancelExposure` stops it, and it
 * answers `cancelled`.
 */
export function scanExposure(
  design: Design,
  onProgress: (progress: ExposureProgress) => void,
): Promise<ExposureAnswer> {
  return analysisWorker().exposure(design, proxy(onProgress));
}

/** Stops the scan in progress at the worker's next slice. */
export function cancelExposure(): void {
  void analysisWorker()
    .exposureCancel()
    .catch(() => undefined);
}
