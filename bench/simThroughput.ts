import { runHaSimBench } from './haSim';
import { runSimBench } from './sim';

/**
 * The simulation core's three throughput rows of docs/benchmarks.md, without
 * the rest of `npm run bench` (which needs a browser and a fixed port):
 * `npx tsx bench/simThroughput.ts`.
 */
const figure = (n: number) => Math.round(n).toLocaleString('en-US');
const core = runSimBench();
console.log(`core, stop and start: ${figure(core.eventsPerSecond)} events/s (${figure(core.events)} events)`);
for (const faults of [false, true]) {
  const ha = runHaSimBench(faults);
  console.log(
    `high availability, ${faults ? 'zone a failing' : 'no faults'}: ${figure(ha.eventsPerSecond)} events/s (${figure(ha.events)} events, ${figure((ha.events / ha.eventsPerSecond) * 1000)} ms for the day)`,
  );
}
