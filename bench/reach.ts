import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { resourcesOfKind } from '../src/domain';
import { analyzeExposure, analyzeReachability, validateDesign } from '../src/engine';
import { generateMultiVpc } from './generate';

/**
 * Exposure at account scale: `npx tsx bench/reach.ts` measures it alone (no
 * browser), printing the rows; `npm run bench` includes it. Sizes from
 * NIMBUS_REACH_SIZES (comma-separated instance counts), repeats from
 * NIMBUS_REACH_REPEATS.
 */
export interface ExposureRow {
  instances: number;
  resources: number;
  /** Median of the runs, ms. */
  exposureMs: number;
  runs: number[];
  paths: number;
  /** Exposure time over the paths it analysed, µs. */
  perPathUs: number;
  internetQueryMs: number;
  betweenQueryMs: number;
  errors: number;
}

export const median = (samples: number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

function timeQuery(run: () => void, repeats: number): number {
  for (let i = 0; i < 20; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export function measureExposure(instances: number, repeats: number): ExposureRow {
  const design = generateMultiVpc(instances);
  const errors = validateDesign(design).filter((issue) => issue.severity === 'error').length;
  const all = resourcesOfKind(design, 'ec2Instance');
  const target = all[all.length - 2]!;
  const peer = all[all.length - 1 - 32]!;
  const internetQueryMs = timeQuery(
    () =>
      analyzeReachability(design, {
        from: { kind: 'internet' },
        to: { kind: 'resource', id: target.id },
        protocol: 'tcp',
        port: 443,
      }),
    500,
  );
  const betweenQueryMs = timeQuery(
    () =>
      analyzeReachability(design, {
        from: { kind: 'resource', id: peer.id },
        to: { kind: 'resource', id: target.id },
        protocol: 'tcp',
        port: 22,
      }),
    500,
  );
  const runs: number[] = [];
  let paths = 0;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    paths = analyzeExposure(design).queries;
    runs.push(performance.now() - start);
  }
  const exposureMs = median(runs);
  return {
    instances: all.length,
    resources: Object.keys(design.resources).length,
    exposureMs,
    runs,
    paths,
    perPathUs: (exposureMs * 1000) / paths,
    internetQueryMs,
    betweenQueryMs,
    errors,
  };
}

export const DEFAULT_REACH_SIZES = [1000, 4000, 10_000, 40_000];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = process.env.NIMBUS_REACH_SIZES?.split(',').map(Number) ?? DEFAULT_REACH_SIZES;
  const repeats = Number(process.env.NIMBUS_REACH_REPEATS ?? 3);
  for (const size of sizes) {
    const row = measureExposure(size, repeats);
    process.stdout.write(`${JSON.stringify(row)}\n`);
  }
}
