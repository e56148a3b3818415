import { writeFileSync } from 'node:fs';
import { digest, goldenOutput, GOLDEN_RUNS } from './goldenRuns';

/**
 * Prints the digests of the golden runs (src/sim/testing/goldenRuns.ts) as
 * `golden.json` holds them; with a directory argument, also writes each run's
 * summary and frames there, to diff a run that changed.
 */
const out = process.argv[2];
const digests: Record<string, { summary: string; frames: string }> = {};
GOLDEN_RUNS.forEach((run, i) => {
  const output = goldenOutput(run);
  digests[run.name] = { summary: digest(output.summary), frames: digest(output.frames) };
  if (out) {
    writeFileSync(`${out}/${i}-summary.json`, output.summary);
    writeFileSync(`${out}/${i}-frames.json`, output.frames);
  }
});
console.log(JSON.stringify(digests, null, 2));
