import { performance } from 'node:perf_hooks';
import { exportTerraform } from '../src/share/terraform/exportTerraform';
import { importTerraform } from '../src/share/terraform/format';
import { generateInstances } from './generate';

/**
 * Terraform export and import of a design of 2,000 instances (issue 17: "export
 * and import of a 2,000-resource design each under 1 s"). Returns markdown
 * table rows: | measure | figure | target |.
 * The export reads its own HCL back once to find what the sidecar must keep, so
 * it costs about one import more than the writing alone.
 */
export function iacTerraformRows(repeats = 7): string[] {
  const design = generateInstances(2000);
  const resources = Object.keys(design.resources).length;
  const [tf, sidecar] = exportTerraform(design);
  const companions = [{ name: sidecar!.name, text: sidecar!.text }];
  const measure = (run: () => void) => {
    run();
    const samples: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const start = performance.now();
      run();
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    return { median: samples[Math.floor(samples.length / 2)]!, worst: samples[samples.length - 1]! };
  };
  const steps: [string, () => void][] = [
    ['Terraform export (.tf + sidecar)', () => exportTerraform(design)],
    [
      'Terraform import (.tf + sidecar)',
      () => {
        if (!importTerraform(tf!.text, tf!.name, companions).ok) throw new Error('import failed');
      },
    ],
    [
      'Terraform import (.tf alone)',
      () => {
        if (!importTerraform(tf!.text, tf!.name).ok) throw new Error('import failed');
      },
    ],
  ];
  return steps.map(([label, run]) => {
    const t = measure(run);
    return `| ${label} of a design of 2,000 instances (${resources.toLocaleString('en-US')} resources, ${(tf!.text.length / 1e6).toFixed(1)} MB of HCL), median of ${repeats} | ${t.median.toFixed(0)} ms (worst ${t.worst.toFixed(0)} ms) | under 1,000 ms |`;
  });
}
