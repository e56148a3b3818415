import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { resourcesOfKind, type Design } from '../domain';
import { TEMPLATES } from '../scenarios/templates';
import type { IacFormat, IacImportNote } from '../share/iac/types';
import { run } from './testing/runCli';

/**
 * How the CLI reads infrastructure-as-code files, with a stand-in format (the
 * real table is filled by the CloudFormation and Terraform entries): a file
 * starting `FAKE-CODE` holds a design's JSON, a file starting `FAKE-PLAN` the
 * two sides of a change. Its ids are renumbered, as code without Nimbus ids
 * would come in, so the diff must match by name.
 */
const { fake } = vi.hoisted(() => {
  const note = (warnings: string[] = []): IacImportNote => ({
    source: 'terraform-plan',
    unsupported: [{ type: 'aws_sqs_queue', count: 2 }],
    unknownValues: ['aws_instance.web.private_ip'],
    warnings,
  });
  const renumber = (design: Design): Design =>
    JSON.parse(JSON.stringify(design).replace(/"([a-z]+)-(\d+)"/g, '"$1-code$2"')) as Design;

  const format: IacFormat = {
    id: 'fake',
    label: 'Fake code',
    exportDesign: () => [],
    recognises: (text) => text.startsWith('FAKE-'),
    importText(text) {
      if (!text.startsWith('FAKE-CODE\n')) return { ok: false, message: 'not a code file' };
      return { ok: true, design: renumber(JSON.parse(text.slice(10)) as Design), note: note() };
    },
    sides(text) {
      if (!text.startsWith('FAKE-PLAN\n')) return { ok: false, message: 'not a plan' };
      const { before, after } = JSON.parse(text.slice(10)) as { before: Design; after: Design };
      return { ok: true, before: renumber(before), after: renumber(after), note: note(['a plan warning']) };
    },
  };
  return { fake: format };
});

vi.mock('../share/iac/formats', () => ({
  IAC_FORMATS: [fake],
  recogniseIacFormat: (text: string, fileName: string) => (fake.recognises(text, fileName) ? fake : undefined),
}));

const base = () => TEMPLATES.find((t) => t.id === 'single-web-server')!.build();
function withSsh(design: Design): Design {
  const copy = structuredClone(design);
  const web = resourcesOfKind(copy, 'securityGroup').find((g) => g.name === 'web')!;
  copy.resources[web.id] = {
    ...web,
    inbound: [
      ...web.inbound,
      { protocol: 'tcp', ports: { from: 22, to: 22 }, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: '' },
    ],
  };
  return copy;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nimbus-iac-'));
  await writeFile(join(dir, 'before.json'), JSON.stringify(base()));
  await writeFile(join(dir, 'after.tf'), `FAKE-CODE\n${JSON.stringify(withSsh(base()))}`);
  await writeFile(join(dir, 'broken.tf'), 'FAKE-BROKEN');
  await writeFile(join(dir, 'plan.json'), `FAKE-PLAN\n${JSON.stringify({ before: base(), after: withSsh(base()) })}`);
});

describe('code files as CLI input', () => {
  it("reads a file a format recognises through the format's importText, with its note on stderr", async () => {
    const { code, out, err } = await run('validate', join(dir, 'after.tf'));
    expect(code).toBe(0);
    expect(out).toContain('no problems found');
    expect(err).toContain('note: ');
    expect(err).toContain('aws_sqs_queue × 2');
    expect(err).toContain('values unknown until apply: aws_instance.web.private_ip');
  });

  it("says the format's own message when its import fails (exit 2)", async () => {
    expect(await run('validate', join(dir, 'broken.tf'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('could not be read as Fake code: not a code file'),
    });
  });

  it('diffs a design against code without Nimbus ids by matching kind and name', async () => {
    const { code, out } = await run('diff', join(dir, 'before.json'), join(dir, 'after.tf'), '--json');
    expect(code).toBe(0);
    const diff = JSON.parse(out) as {
      resources: { added: unknown[]; removed: unknown[]; changed: { name: string; fields: string[] }[] };
      paths: { opened: { port: number }[] };
    };
    expect(diff.resources.added).toEqual([]);
    expect(diff.resources.removed).toEqual([]);
    expect(diff.resources.changed).toMatchObject([{ name: 'web', fields: ['inbound'] }]);
    expect(diff.paths.opened.map((p) => p.port)).toEqual([22]);
  });

  it("takes both sides from one plan file through the format's sides()", async () => {
    const { code, out, err } = await run('diff', join(dir, 'plan.json'), '--fail-on', 'internet-exposure');
    expect(code).toBe(1);
    expect(out).toContain('Paths opened: 1');
    expect(err).toContain('a plan warning');
    expect(err).toContain('fail-on internet-exposure: 1 new internet path');
  });
});
