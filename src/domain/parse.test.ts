import { describe, expect, it } from 'vitest';
import { sampleDesign } from '../engine/testing/sampleDesign';
import { CURRENT_DESIGN_VERSION } from './design';
import { parseDesign, parseDesignJson } from './parse';

const valid = () =>
  JSON.parse(JSON.stringify(sampleDesign())) as Record<string, unknown> & {
    resources: Record<string, Record<string, unknown>>;
  };

describe('parseDesign', () => {
  it('round-trips a valid design through JSON', () => {
    const design = sampleDesign();
    expect(parseDesignJson(JSON.stringify(design))).toEqual({ ok: true, design, setAside: [] });
  });

  it('names the path of a bad field in the resource it sets aside', () => {
    const doc = valid();
    doc.resources['subnet-1']!.cidr = 24;
    const result = parseDesign(doc);
    expect(result.ok && result.setAside).toEqual([
      {
        id: 'subnet-1',
        kind: 'subnet',
        reason: expect.stringMatching(/^cidr: .*string/),
        issues: [expect.stringMatching(/^resources\.subnet-1\.cidr: .*string/)],
      },
    ]);
  });

  it('says when a resource kind is unknown', () => {
    const doc = valid();
    doc.resources['x-1'] = { kind: 'spaceship', id: 'x-1' };
    const result = parseDesign(doc);
    expect(result.ok && result.setAside).toEqual([
      {
        id: 'x-1',
        kind: 'spaceship',
        reason: 'kind "spaceship" is not one Nimbus knows',
        issues: ['resources.x-1.kind: is not a resource kind Nimbus knows'],
      },
    ]);
  });

  it('sets aside a resource stored under another id, and rejects layout for missing resources', () => {
    const doc = valid();
    doc.resources['subnet-9'] = doc.resources['subnet-1']!;
    const result = parseDesign(doc);
    expect(result.ok && result.setAside.map((r) => r.issues)).toEqual([
      ['resources.subnet-9.id: must equal its key "subnet-9" (found "subnet-1")'],
    ]);
    (doc as Record<string, unknown>).layout = { ghost: { x: 0, y: 0 } };
    expect(parseDesign(doc).ok || (parseDesign(doc) as { errors: string[] }).errors).toEqual([
      'layout.ghost: places a resource that does not exist',
    ]);
  });

  it('keeps flows, and names a repeated flow id by its path', () => {
    const flow = { id: 'f', name: 'Users', from: 'internet', to: 'i-1', protocol: 'tcp', port: 443, ratePerSecond: 2 };
    const doc = { ...valid(), flows: [flow] };
    expect(parseDesign(doc)).toMatchObject({ ok: true, design: { flows: [flow] } });
    const result = parseDesign({ ...doc, flows: [flow, { ...flow, name: 'Again' }] });
    expect(result.ok || result.errors).toEqual([
      'flows.1.id: "f" is already the id of flows.0; flow ids must be unique',
    ]);
  });

  it.each([
    [{ ratePerSecond: 0 }, 'flows.0.ratePerSecond'],
    [{ ratePerSecond: 100_001 }, 'flows.0.ratePerSecond'],
    [{ port: 65536 }, 'flows.0.port'],
    [{ port: 1.5 }, 'flows.0.port'],
    [{ id: '' }, 'flows.0.id'],
    [{ protocol: 'sctp' }, 'flows.0.protocol'],
    [{ name: 'x'.repeat(201) }, 'flows.0.name'],
  ])('refuses a flow with %j', (change, path) => {
    const flow = { id: 'f', name: 'Users', from: 'internet', to: 'i-1', protocol: 'tcp', port: 443, ratePerSecond: 2 };
    const result = parseDesign({ ...valid(), flows: [{ ...flow, ...change }] });
    expect(result.ok || result.errors[0]).toMatch(new RegExp(`^${path.replace(/\./g, '\\.')}: `));
  });

  it.each([
    [null, 'a design must be a JSON object'],
    [[1, 2], 'a design must be a JSON object'],
    [{ format: 'nimbus-design' }, 'version: must be a whole number'],
    [{ version: 99 }, 'version: 99 was made by a newer Nimbus'],
  ])('rejects %j with a readable error', (input, message) => {
    const result = parseDesign(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toContain(message);
  });

  it('reports text that is not JSON', () => {
    const result = parseDesignJson('{"version": 1,');
    expect(result.ok || result.errors[0]).toMatch(/^not valid JSON/);
  });

  it('fills defaults for optional fields', () => {
    const doc = valid();
    delete doc.resources['subnet-1']!.mapPublicIpOnLaunch;
    const result = parseDesign(doc);
    expect(result.ok && result.design.resources['subnet-1']).toMatchObject({ mapPublicIpOnLaunch: false });
  });
});

describe('migrations', () => {
  it('upgrades a version-0 document: title becomes name, the array becomes a record, positions become layout', () => {
    const v0 = {
      version: 0,
      title: 'Course lab 1',
      resources: [
        { kind: 'region', id: 'region-1', name: 'N. Virginia', code: 'us-east-1', position: { x: 10, y: 20 } },
        {
          kind: 'vpc',
          id: 'vpc-1',
          name: 'Lab VPC',
          regionId: 'region-1',
          cidr: '10.0.0.0/16',
          position: { x: 5, y: 6, parentId: 'region-1' },
        },
      ],
    };
    const result = parseDesign(v0);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.design.version).toBe(CURRENT_DESIGN_VERSION);
    expect(result.design.name).toBe('Course lab 1');
    expect(Object.keys(result.design.resources)).toEqual(['region-1', 'vpc-1']);
    expect(result.design.resources['vpc-1']).toMatchObject({ kind: 'vpc', secondaryCidrs: [] });
    expect(result.design.layout).toEqual({
      'region-1': { x: 10, y: 20, parentId: null },
      'vpc-1': { x: 5, y: 6, parentId: 'region-1' },
    });
  });

  it('reports what is wrong inside a version-0 document after upgrading it', () => {
    const result = parseDesign({ version: 0, title: 'x', resources: [{ kind: 'vpc', id: 'vpc-1' }] });
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.setAside[0]?.issues).toContain(
        'resources.vpc-1.cidr: Invalid input: expected string, received undefined',
      );
  });
});
