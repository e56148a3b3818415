import { performance } from 'node:perf_hooks';
import { importCloudFormation, templateText } from '../src/share/cloudformation';
import { generateInstances } from './generate';

/**
 * Export and import of a 2,000-instance design as CloudFormation (YAML and
 * JSON). Issue 17 asks each to take under a second. Returns markdown table
 * rows: | measure | figure | target |.
 */
export function runIacCloudFormationBench(repeats = 5): string[] {
  const design = generateInstances(2000);
  const resources = Object.keys(design.resources).length;
  const rows: string[] = [];
  for (const syntax of ['yaml', 'json'] as const) {
    const text = templateText(design, syntax);
    const exported = timed(() => templateText(design, syntax), repeats);
    const imported = timed(() => {
      const result = importCloudFormation(text, `bench.${syntax}`);
      if (!result.ok) throw new Error(result.message);
    }, repeats);
    const size = `${resources.toLocaleString('en-US')} resources, ${(text.length / 1_000_000).toFixed(1)} MB`;
    const figure = (t: { median: number; worst: number }) =>
      `${t.median.toFixed(0)} ms (worst ${t.worst.toFixed(0)} ms)`;
    rows.push(
      `| CloudFormation (${syntax.toUpperCase()}) export of a design of 2,000 instances (${size}), median of ${repeats} | ${figure(exported)} | under 1,000 ms |`,
    );
    rows.push(
      `| CloudFormation (${syntax.toUpperCase()}) import of the same template, median of ${repeats} | ${figure(imported)} | under 1,000 ms |`,
    );
  }
  return rows;
}

function timed(run: () => void, repeats: number): { median: number; worst: number } {
  run();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, worst: sorted[sorted.length - 1]! };
}
