import { runOpenFastBench } from './openFast';

/**
 * Runs only the opening bench, on a port of your choice, so it can be measured
 * while another copy of the app holds the bench's usual port:
 * `NIMBUS_BENCH_PORT=4390 npx tsx bench/openFastAlone.ts`.
 */
const port = Number(process.env.NIMBUS_BENCH_PORT ?? 4390);
const result = await runOpenFastBench(5, port, process.env.NIMBUS_BENCH_NO_BUILD !== '1');
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
