import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesignJson } from '../../domain';
import { run } from '../testing/runCli';

const designOf = async (path: string) => {
  const parsed = parseDesignJson(await readFile(path, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.design;
};

describe('nimbus import of a .tf reads what sits beside it', () => {
  it('finds the <stem>.nimbus.json sidecar an export wrote, so the design comes back whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nimbus-tf-'));
    expect((await run('export', 'examples/two-tier.json', '--format', 'terraform', '-o', dir)).code).toBe(0);
    const files = (await readdir(dir)).sort();
    const tf = files.find((n) => n.endsWith('.tf'))!;
    expect(files).toEqual([tf.replace(/\.tf$/, '.nimbus.json'), tf].sort());

    const imported = await run('import', join(dir, tf), '-o', join(dir, 'back.json'));
    expect(imported).toMatchObject({ code: 0, out: '' });
    expect(imported.err).toMatch(/^Imported from Terraform \(HCL\): \d+ resources\n/);
    expect(await designOf(join(dir, 'back.json'))).toEqual(await designOf('examples/two-tier.json'));
  });

  it('without the sidecar, imports the code alone: the same resources, not the same ids or layout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nimbus-tf-'));
    await run('export', 'examples/two-tier.json', '--format', 'terraform', '-o', dir);
    const tf = (await readdir(dir)).find((n) => n.endsWith('.tf'))!;
    await rm(join(dir, tf.replace(/\.tf$/, '.nimbus.json')));
    const imported = await run('import', join(dir, tf));
    expect(imported.code).toBe(0);
    const back = JSON.parse(imported.out) as { resources: Record<string, { kind: string }> };
    const original = await designOf('examples/two-tier.json');
    expect(back).not.toEqual(JSON.parse(JSON.stringify(original)));
    const kinds = (resources: Record<string, { kind: string }>) =>
      Object.values(resources)
        .map((r) => r.kind)
        .filter((k) => !['region', 'availabilityZone', 'internet'].includes(k))
        .sort();
    expect(kinds(back.resources)).toEqual(kinds(original.resources));
  });

  it("reads the module's other .tf files with it, as Terraform reads a folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nimbus-tf-'));
    await writeFile(
      join(dir, 'network.tf'),
      'resource "aws_vpc" "main" {\n  cidr_block = "10.4.0.0/16"\n  tags = { Name = "Main" }\n}\n',
    );
    await writeFile(
      join(dir, 'subnets.tf'),
      'resource "aws_subnet" "a" {\n  vpc_id            = aws_vpc.main.id\n  cidr_block        = "10.4.1.0/24"\n  availability_zone = "eu-west-1a"\n}\n',
    );
    const imported = await run('import', join(dir, 'subnets.tf'));
    expect(imported.code).toBe(0);
    const kinds = Object.values(
      (JSON.parse(imported.out) as { resources: Record<string, { kind: string }> }).resources,
    ).map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['vpc', 'subnet']));
  });
});
