import { runOpenFastBench } from './openFast';

/**
 * Runs only the opening bench, on a port of your choice, so it can be measured
 * while another copy of the app holds the bench's usual port:
 * `NIMBUS_BENCH_PORT=4390 npx tsx bench/openFastAlone.ts`. NIMBUS_BENCH_DIR measures another
 * checkout's build (e.g. an export of main, for the "before" figures); NIMBUS_BENCH_NO_BUILD=1 serves its dist as it is.
 */
const port = Number(process.env.NIMBUS_BENCH_PORT ?? 4390);
const result = await runOpenFastBench(
  5,
  port,
  process.env.NIMBUS_BENCH_NO_BUILD !== '1',
  process.env.NIMBUS_BENCH_DIR ?? process.cwd(),
);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
