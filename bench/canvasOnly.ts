import { runCanvasBench } from './canvas';
import { runLargeBench } from './large';

/**
 * The canvas benches alone, printed as JSON: `NIMBUS_BENCH_PORT=4400 npx tsx bench/canvasOnly.ts [canvas|large]`.
 * For measuring a canvas change without the whole of `npm run bench` (which writes docs/benchmarks.md).
 */
const which = process.argv[2] ?? 'canvas';
const result =
  which === 'large'
    ? await runLargeBench(2000)
    : await runCanvasBench(
        process.env.NIMBUS_BENCH_SIZES ? process.env.NIMBUS_BENCH_SIZES.split(',').map(Number) : [50, 500],
      );
console.log(JSON.stringify(result, null, 2));
