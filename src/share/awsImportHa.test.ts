import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDesign } from '../engine';
import { importAws, type AwsFile } from './awsImport';

const HA = join(import.meta.dirname, 'fixtures/ha');
const haFiles = (): AwsFile[] =>
  readdirSync(HA)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(HA, name), 'utf8') }));

describe('x', () => {
  it('y', () => {
    const r = importAws(haFiles());
    if (!r.ok) console.log(r.errors);
    if (r.ok) {
      console.log(r.notes.join('\n'));
      for (const x of Object.values(r.design.resources))
        if (
          ['loadBalancer', 'targetGroup', 'autoScalingGroup', 'launchTemplate', 'dbInstance', 'dbSubnetGroup'].includes(
            x.kind,
          ) ||
          x.kind === 'ec2Instance'
        )
          console.log(JSON.stringify(x));
      console.log(validateDesign(r.design));
    }
  });
});
