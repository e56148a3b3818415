import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  autoAssignedPublicIpv4,
  CURRENT_DESIGN_VERSION,
  DesignBuilder,
  INHERITED_NAMES,
  parseDesignJson,
  setOwn,
  type Design,
} from '../domain';
import { TEMPLATES } from '../scenarios/templates';
import { decodeSnapshot, encodeJsonSnapshot, encodeSnapshot, MAX_DESIGN_BYTES, SNAPSHOT_PREFIX } from './urlCodec';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('share link codec', () => {
  it.each(TEMPLATES.map((t) => [t.name, t] as const))('round-trips the %s template', (_name, template) => {
    const design = template.build();
    expect(decodeSnapshot(encodeSnapshot(design))).toEqual({ ok: true, design, setAside: [] });
  });

  it('round-trips generated designs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 5 }),
        fc.string({ maxLength: 30 }),
        (subnets, perSubnet, name) => {
          const b = new DesignBuilder(name);
          const region = b.region();
          const vpc = b.vpc(region, '10.0.0.0/16');
          const zone = b.zone(region, 'us-east-1a', vpc);
          for (let s = 0; s < subnets; s++) {
            const subnet = b.subnet(vpc, zone, `10.0.${s}.0/24`, `<b>subnet ${s}</b>`);
            for (let i = 0; i < perSubnet; i++)
              b.instance(subnet, `10.0.${s}.${10 + i}`, [vpc.defaultSecurityGroup.id], `vm ${s}-${i}`);
          }
          const design: Design = b.build();
          expect(decodeSnapshot(encodeSnapshot(design))).toEqual({ ok: true, design, setAside: [] });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('migrates an old (version 0) snapshot forward', () => {
    // A version-0 document as the preview format wrote it, encoded by this codec.
    const v0 = {
      version: 0,
      title: 'From an old link',
      resources: [{ kind: 'region', id: 'region-1', name: 'N. Virginia', code: 'us-east-1', position: { x: 0, y: 0 } }],
    };
    const link = SNAPSHOT_PREFIX + b64url(deflateSync(strToU8(JSON.stringify(v0))));
    const decoded = decodeSnapshot(link);
    expect(decoded.ok && decoded.design).toMatchObject({
      version: CURRENT_DESIGN_VERSION,
      name: 'From an old link',
      resources: { 'region-1': { kind: 'region' } },
    });
  });

  it.each([
    ['empty', '', 'no design'],
    ['unknown-format', 'x9.abcdef', 'not a Nimbus design link'],
    ['too-long', SNAPSHOT_PREFIX + 'A'.repeat(400_001), 'longer than'],
    ['corrupt', SNAPSHOT_PREFIX + '!!not-base64!!', 'damaged'],
    ['corrupt', SNAPSHOT_PREFIX + b64url(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x13])), 'damaged'],
  ] as const)('refuses %s input with a clear message', (error, text, words) => {
    const decoded = decodeSnapshot(text);
    expect(decoded).toMatchObject({ ok: false, error, message: expect.stringContaining(words) });
  });

  it('notices a link cut off in the middle', () => {
    const link = encodeSnapshot(TEMPLATES[1]!.build());
    const half = Math.floor(link.length / 2);
    for (const cut of [link.length - 1, link.length - 6, half, half + 1, half + 2, half + 3, 40]) {
      expect(decodeSnapshot(link.slice(0, cut)), `cut at ${cut}`).toMatchObject({
        ok: false,
        error: 'truncated',
        message: expect.stringContaining('cut off'),
      });
    }
  });

  it('stops a decompression bomb at the size cap', () => {
    const bomb = SNAPSHOT_PREFIX + b64url(deflateSync(new Uint8Array(MAX_DESIGN_BYTES * 2).fill(32), { level: 9 }));
    expect(bomb.length).toBeLessThan(40_000);
    expect(decodeSnapshot(bomb)).toMatchObject({ ok: false, error: 'too-large' });
  });

  it('refuses contents that are not JSON, a newer version and a schema-invalid design, saying which', () => {
    const encode = (text: string) => SNAPSHOT_PREFIX + b64url(deflateSync(strToU8(text)));
    expect(decodeSnapshot(encode('<html>'))).toMatchObject({ error: 'not-json' });
    expect(decodeSnapshot(encode(JSON.stringify({ version: 9 })))).toMatchObject({
      error: 'invalid',
      message: expect.stringContaining('newer Nimbus'),
    });
    expect(
      decodeSnapshot(encode(JSON.stringify({ format: 'nimbus-design', version: 1, name: 'x', resources: [] }))),
    ).toMatchObject({
      error: 'invalid',
      message: expect.stringContaining('resources: '),
    });
  });

  it('opens a design with one unreadable resource, which stays in it, set aside', () => {
    const encode = (text: string) => SNAPSHOT_PREFIX + b64url(deflateSync(strToU8(text)));
    const broken = { kind: 'vpc', id: 'a' };
    const doc = { format: 'nimbus-design', version: 1, name: 'x', resources: { a: broken } };
    const decoded = decodeSnapshot(encode(JSON.stringify(doc)));
    expect(decoded).toMatchObject({ ok: true, design: { resources: {}, setAside: { resources: { a: broken } } } });
    expect(decoded.ok && decoded.setAside.map((r) => r.id)).toEqual(['a']);
  });
});

describe('links made by every released version', () => {
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'links');
  const link = (name: string) => readFileSync(join(dir, name), 'utf8');

  it('opens a version-1 link of the two-AZ template', () => {
    const decoded = decodeSnapshot(link('design-v1-two-azs.txt'));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.design.name).toBe('Two AZs: public web tier, private app tier');
    expect(Object.keys(decoded.design.resources)).toHaveLength(26);
    expect(decoded.design.resources['i-1']).toMatchObject({
      kind: 'ec2Instance',
      name: 'Web A',
      privateIp: '10.0.0.10',
    });
  });

  it('upgrades a version-1 link: each instance with an auto-assigned public IPv4 gets its address', () => {
    const decoded = decodeSnapshot(link('design-v1-two-azs.txt'));
    if (!decoded.ok) throw new Error(decoded.message);
    const instances = Object.values(decoded.design.resources).filter((r) => r.kind === 'ec2Instance');
    const web = instances.filter((i) => i.publicIp);
    expect(web.length).toBeGreaterThan(0);
    for (const i of web) expect(i.publicIpAddress).toBe(autoAssignedPublicIpv4(i.id));
    for (const i of instances.filter((i) => !i.publicIp)) expect(i.publicIpAddress).toBeNull();
  });

  it('opens a version-2 link with the public IPv4 it carries', () => {
    const decoded = decodeSnapshot(link('design-v2-public-address.txt'));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.design.resources['i-1']).toMatchObject({ publicIp: true, publicIpAddress: '18.216.80.133' });
    // A link made now carries it too.
    const again = decodeSnapshot(encodeSnapshot(decoded.design));
    expect(again.ok && again.design.resources['i-1']).toMatchObject({ publicIpAddress: '18.216.80.133' });
  });

  it('opens a version-0 link, migrated to the current version', () => {
    const decoded = decodeSnapshot(link('design-v0-region.txt'));
    expect(decoded.ok && decoded.design).toMatchObject({
      version: CURRENT_DESIGN_VERSION,
      name: 'Lab 1 (saved by the preview)',
      resources: { 'region-1': { kind: 'region', code: 'us-east-1' } },
    });
  });

  it('has a fixture for every version up to the current one', () => {
    const versions = readdirSync(dir).map((f) => Number(/-v(\d+)-/.exec(f)?.[1]));
    for (let v = 0; v <= CURRENT_DESIGN_VERSION; v++) expect(versions).toContain(v);
  });
});

describe('design files', () => {
  it('round-trips generated designs through the saved-file format', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.string({ maxLength: 20 }), (subnets, name) => {
        const b = new DesignBuilder(name);
        const region = b.region();
        const vpc = b.vpc(region, '10.1.0.0/16');
        const zone = b.zone(region, 'us-east-1b', vpc);
        for (let s = 0; s < subnets; s++) b.subnet(vpc, zone, `10.1.${s * 4}.0/22`, `"quoted" ${s}`);
        const design = b.build();
        expect(parseDesignJson(JSON.stringify(design, null, 2) + '\n')).toEqual({ ok: true, design, setAside: [] });
      }),
      { numRuns: 40 },
    );
  });
});

describe('share links with names every object inherits', () => {
  it.each(INHERITED_NAMES)(
    'carries %s as a resource id and a flow id, or sets __proto__ aside, never dropping it',
    (name) => {
      const design = TEMPLATES.find((t) => t.id === 'single-web-server')!.build();
      const doc = JSON.parse(JSON.stringify(design)) as Record<string, Record<string, unknown>>;
      setOwn(doc.resources!, name, { kind: 'internet', id: name, name: 'Named' });
      const decoded = decodeSnapshot(encodeJsonSnapshot({ ...doc, flows: [{ ...(design.flows ?? [])[0], id: name }] }));
      if (!decoded.ok) throw new Error(decoded.message);
      expect(decoded.design.flows?.[0]?.id).toBe(name);
      if (name === '__proto__') {
        expect(decoded.setAside.map((r) => r.id)).toEqual(['__proto__']);
        expect(Object.hasOwn(decoded.design.setAside!.resources, '__proto__')).toBe(true);
      } else {
        expect(decoded.setAside).toEqual([]);
        expect(Object.hasOwn(decoded.design.resources, name)).toBe(true);
      }
    },
  );
});
