import { runCanvasBench } from './canvas';
import { runLargeBench } from './large';

/**
 * The canvas benches alone, printed as JSON: `npx tsx bench/canvasOnly.ts [canvas|large]` (on a free port).
 * For measuring a canvas change without the whole of `npm run bench` (which writes docs/benchmarks.md).
 * NIMBUS_BENCH_SIZES=500,2000 picks the canvas rows; NIMBUS_BENCH_DIR measures another checkout (say, the
 * commit before a change, for before/after runs taken minutes apart); NIMBUS_BENCH_NO_BUILD=1 serves its dist/ as built.
 */
const which = process.argv[2] ?? 'canvas';
const result =
  which === 'large'
    ? await runLargeBench(2000)
    : await runCanvasBench(
        process.env.NIMBUS_BENCH_SIZES ? process.env.NIMBUS_BENCH_SIZES.split(',').map(Number) : [50, 500],
        { cwd: process.env.NIMBUS_BENCH_DIR ?? process.cwd(), build: !process.env.NIMBUS_BENCH_NO_BUILD },
      );
console.log(JSON.stringify(result, null, 2));
