import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesignJson } from '../../domain';
import { DesignBuilder } from '../../domain/builder';
import { IAC_FORMATS } from '../../share/iac';
import { run } from '../testing/runCli';

const designOf = async (path: string) => {
  const parsed = parseDesignJson(await readFile(path, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.design;
};

describe('nimbus export and nimbus import', () => {
  it('export --format cloudformation prints YAML that import reads back into the same design', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nimbus-cfn-'));
    const exported = await run('export', 'examples/two-tier.json', '--format', 'cloudformation');
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^AWSTemplateFormatVersion: "2010-09-09"/);
    expect(exported.out).toContain('VpcId: !Ref ');
    await writeFile(join(dir, 'stack.yaml'), exported.out);
    const imported = await run('import', join(dir, 'stack.yaml'), '-o', join(dir, 'back.json'));
    expect(imported).toMatchObject({ code: 0, out: '' });
    expect(imported.err).toMatch(/^Imported from CloudFormation \(YAML\): \d+ resources\n/);
    expect(await designOf(join(dir, 'back.json'))).toEqual(await designOf('examples/two-tier.json'));
  });

  it('export -o writes JSON for cloudformation-json, and import prints the design without -o', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nimbus-cfn-'));
    const file = join(dir, 'stack.json');
    const exported = await run('export', 'examples/public-private.json', '--format', 'cloudformation-json', '-o', file);
    expect(exported).toMatchObject({ code: 0, out: '', err: `Wrote ${file} (CloudFormation (JSON)).` });
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveProperty('Resources');
    const imported = await run('import', file);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toEqual(
      JSON.parse(JSON.stringify(await designOf('examples/public-private.json'))),
    );
  });

  it('import prints the note: unmodelled types with counts, unknown values, warnings', async () => {
    const { code, err } = await run(
      'import',
      'src/share/cloudformation/fixtures/two-az-vpc.yaml',
      '-o',
      join(await mkdtemp(join(tmpdir(), 'nimbus-cfn-')), 'd.json'),
    );
    expect(code).toBe(0);
    expect(err).toMatch(
      /^Imported from CloudFormation \(YAML\): \d+ resources; not modelled: AWS::SNS::Topic × 1, AWS::SQS::Queue × 2$/m,
    );
    expect(err).toContain('note: unknown until deployed: AdminSsh.CidrIp: ');
    expect(err).toContain("note: DevOnlyBox is left out: its condition IsDev is false with the parameters' defaults.");
  });

  it('export says on stderr what CloudFormation would refuse, and stdout stays the template', async () => {
    const b = new DesignBuilder('Default ACL');
    const vpc = b.vpc(b.region('eu-west-1'), '10.0.0.0/16', 'V');
    vpc.defaultNetworkAcl.inbound = [
      { ruleNumber: 100, protocol: 'tcp', ports: { from: 22, to: 22 }, cidr: '0.0.0.0/0', action: 'deny' },
    ];
    const file = join(await mkdtemp(join(tmpdir(), 'nimbus-cfn-')), 'design.json');
    await writeFile(file, JSON.stringify(b.build()));
    const exported = await run('export', file, '--format', 'cloudformation-json');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out)).toHaveProperty('Resources');
    expect(exported.err).toContain(
      "nimbus export: warning: V: the default network ACL's inbound rule 100 (deny tcp 0.0.0.0/0) was not written",
    );
  });

  it('names the formats when --format is missing or unknown (exit 2)', async () => {
    const ids = IAC_FORMATS.map((f) => f.id).join(', ');
    expect(await run('export', 'examples/two-tier.json')).toMatchObject({
      code: 2,
      err: `nimbus export: --format is needed: one of ${ids}`,
    });
    expect(await run('export', 'examples/two-tier.json', '--format', 'pulumi')).toMatchObject({
      code: 2,
      err: `nimbus export: unknown format "pulumi": one of ${ids}`,
    });
  });

  it('exits 2 with one clear line for a file that is no template, a broken one, and a missing one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nimbus-cfn-'));
    await writeFile(join(dir, 'list.yaml'), 'shopping: [eggs, milk]\n');
    await writeFile(
      join(dir, 'broken.yaml'),
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  S:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Nowhere }\n',
    );
    const notOne = await run('import', join(dir, 'list.yaml'));
    expect(notOne.code).toBe(2);
    expect(notOne.err).toBe(
      `nimbus import: ${join(dir, 'list.yaml')} is not a CloudFormation template or Terraform file Nimbus reads (a design file opens with the other commands as it is)`,
    );
    expect(await run('import', join(dir, 'broken.yaml'))).toMatchObject({
      code: 2,
      out: '',
      err: 'nimbus import: broken.yaml: !Ref Nowhere names no parameter or resource of the template',
    });
    expect(await run('import', join(dir, 'nothing.yaml'))).toMatchObject({
      code: 2,
      err: `nimbus import: can't read ${join(dir, 'nothing.yaml')}: no such file`,
    });
  });
});
