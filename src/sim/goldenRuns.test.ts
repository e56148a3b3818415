import { describe, expect, it } from 'vitest';
import golden from './testing/golden.json';
import { digest, goldenOutput, GOLDEN_RUNS } from '../../bench/goldenRuns';

/**
 * The core's speed work must not change a single simulated figure: these
 * digests were recorded from the core before it (commit 8095cc1), and every
 * run must still give the same summary and frames, byte for byte.
 */
const recorded: Record<string, { summary: string; frames: string }> = golden;

describe('simulated results stay byte-identical', () => {
  it.each(GOLDEN_RUNS.map((run) => [run.name, run] as const))('%s', { timeout: 120_000 }, (name, run) => {
    const output = goldenOutput(run);
    expect({ summary: digest(output.summary), frames: digest(output.frames) }).toEqual(recorded[name]);
  });

  it('every recorded run is still run', () => {
    expect(Object.keys(recorded).sort()).toEqual(GOLDEN_RUNS.map((r) => r.name).sort());
  });
});
