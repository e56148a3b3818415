import { runIacCloudFormationBench } from './iacCloudFormation';
import { iacDiffRows } from './iacDiff';
import { iacTerraformRows } from './iacTerraform';

/**
 * docs/benchmarks.md's "Infrastructure as code" section: export and import
 * (CloudFormation YAML and JSON, Terraform) and the what-if diff, against
 * issue 17's targets. Runs in Node, no browser.
 */
export function iacSection(): string {
  return `
## Infrastructure as code (src/share/cloudformation, src/share/terraform, src/scenarios/diff)

The design is \`generateInstances(2000)\`: 2,000 instances with the VPCs, subnets, route tables and groups they need. Each export reads its own output back and keeps what would not survive in the sidecar (the template's \`Metadata\` for CloudFormation, a \`.nimbus.json\` file beside the \`.tf\` for Terraform; see docs/iac.md), so it costs about one import more than writing alone. Medians and worst times in milliseconds. Targets from issue 17: export and import of a 2,000-resource design each under 1 s; diff of two 2,000-resource designs under 2 s.

| measure | figure | target |
| --- | --- | --- |
${[...runIacCloudFormationBench(), ...iacTerraformRows(), ...iacDiffRows()].join('\n')}

History (2026-12-01): CloudFormation YAML was read and written with the \`yaml\` package (about 730 ms to export and 1,700 ms to import on this machine); with js-yaml 5, measured back-to-back with that, about 330 ms and 220 ms.
`;
}
