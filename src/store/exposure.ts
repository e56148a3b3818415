import { proxy } from 'comlink';
import type { Design } from '../domain';
import type { ExposureAnswer, ExposureProgress } from '../sim/protocol';
import { analysisWorker, isWorkerError } from './workerClient';

export type { ExposureAnswer, ExposureProgress } from '../sim/protocol';

/**
 * Exposure of the design, computed in the worker in slices: `onProgress`
 * hears how far it got. A newer scan or `cancelExposure` stops it, and it
 * answers `cancelled`. A scan past its time limit is stopped too, so the
 * worker does not go on with work nobody waits for.
 */
export async function scanExposure(
  design: Design,
  onProgress: (progress: ExposureProgress) => void,
): Promise<ExposureAnswer> {
  try {
    return await analysisWorker().exposure(design, proxy(onProgress));
  } catch (error) {
    if (isWorkerError(error) && error.kind === 'timeout') cancelExposure();
    throw error;
  }
}

/** Stops the scan in progress at the worker's next slice. */
export function cancelExposure(): void {
  void analysisWorker()
    .exposureCancel()
    .catch(() => undefined);
}
