import { describe, expect, it } from 'vitest';
import { analyzeExposure, validateDesign } from '../engine';
import { sampleDesign } from '../engine/testing/sampleDesign';
import { parseDesign, parseDesignJson, parseWholeDesign } from './parse';
import { describeSetAside, setAsideDetails, type SetAsideResource } from './salvage';

type Doc = Record<string, unknown> & {
  resources: Record<string, Record<string, unknown>>;
  layout: Record<string, unknown>;
};

const futureKind = { kind: 'gatewayLoadBalancer', id: 'gwlb-1', name: 'Inspection GWLB', crossZone: false };

/** The sample design as a newer Nimbus might write it: a transit gateway, and a subnet whose cidr is a number. */
function damagedDoc(): Doc {
  const doc = JSON.parse(JSON.stringify(sampleDesign())) as Doc;
  doc.resources['gwlb-1'] = futureKind;
  doc.resources['subnet-1']!.cidr = 24;
  doc.layout = { 'gwlb-1': { x: 40, y: 60, parentId: 'region-1' }, 'vpc-1': { x: 1, y: 2, parentId: 'region-1' } };
  return doc;
}

function parsedOk(input: unknown) {
  const result = parseDesign(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

describe('salvage at the boundary', () => {
  it('opens a design with an unknown kind and an invalid resource, everything else intact', () => {
    const original = sampleDesign();
    const { design, setAside } = parsedOk(damagedDoc());
    expect(setAside.map(({ id, kind, reason }) => ({ id, kind, reason }))).toEqual([
      { id: 'subnet-1', kind: 'subnet', reason: 'cidr: Invalid input: expected string, received number' },
      { id: 'gwlb-1', kind: 'gatewayLoadBalancer', reason: 'kind "gatewayLoadBalancer" is not one Nimbus knows' },
    ]);
    const rest = Object.fromEntries(Object.entries(original.resources).filter(([id]) => id !== 'subnet-1'));
    expect(design.resources).toEqual(rest);
    expect(design.layout).toEqual({ 'vpc-1': { x: 1, y: 2, parentId: 'region-1' } });
    expect(design.setAside).toEqual({
      resources: { 'subnet-1': damagedDoc().resources['subnet-1'], 'gwlb-1': futureKind },
      layout: { 'gwlb-1': { x: 40, y: 60, parentId: 'region-1' } },
    });
  });

  it('leaves references to a set-aside resource dangling, reported by validation, analyses unharmed', () => {
    const { design } = parsedOk(damagedDoc());
    const codes = validateDesign(design).map((f) => `${f.code} ${f.resourceId}`);
    expect(codes).toContain('RESOURCE_SUBNET_MISSING i-1');
    expect(codes).toContain('ASSOCIATION_SUBNET_MISSING rtb-2');
    expect(() => analyzeExposure(design)).not.toThrow();
  });

  it('keeps set-aside resources byte-equal through save and parse, again and again', () => {
    const doc = damagedDoc();
    const first = parsedOk(doc).design;
    const saved = JSON.stringify(first);
    const second = parsedOk(JSON.parse(saved));
    expect(second.design).toEqual(first);
    expect(second.setAside.map((r) => r.id)).toEqual(['subnet-1', 'gwlb-1']);
    for (const id of ['subnet-1', 'gwlb-1'])
      expect(JSON.stringify(second.design.setAside!.resources[id])).toBe(JSON.stringify(doc.resources[id]));
    expect(JSON.stringify(second.design.setAside!.layout['gwlb-1'])).toBe(JSON.stringify(doc.layout['gwlb-1']));
    expect(JSON.stringify(parsedOk(JSON.parse(JSON.stringify(second.design))).design)).toBe(saved);
  });

  it('brings a set-aside resource back once it reads, with its layout', () => {
    const saved = JSON.parse(JSON.stringify(parsedOk(damagedDoc()).design)) as Doc & {
      setAside: { resources: Record<string, Record<string, unknown>>; layout: Record<string, unknown> };
    };
    saved.setAside.resources['subnet-1']!.cidr = '10.0.1.0/24';
    saved.setAside.layout['subnet-1'] = { x: 5, y: 5, parentId: 'az-1' };
    const { design, setAside } = parsedOk(saved);
    expect(setAside.map((r) => r.id)).toEqual(['gwlb-1']);
    expect(design.resources['subnet-1']).toEqual(sampleDesign().resources['subnet-1']);
    expect(design.layout['subnet-1']).toEqual({ x: 5, y: 5, parentId: 'az-1' });
    expect(Object.keys(design.setAside!.resources)).toEqual(['gwlb-1']);
  });

  it('keeps a set-aside resource aside when a newer resource took its id', () => {
    const saved = JSON.parse(JSON.stringify(parsedOk(damagedDoc()).design)) as Doc;
    saved.resources['gwlb-1'] = { ...sampleDesign().resources['igw-1']!, id: 'gwlb-1' };
    const { design, setAside } = parsedOk(saved);
    expect(design.resources['gwlb-1']).toMatchObject({ kind: 'internetGateway' });
    expect(design.setAside!.resources['gwlb-1']).toEqual(futureKind);
    expect(setAside.find((r) => r.id === 'gwlb-1')?.reason).toBe('its id is now used by another resource');
  });

  it('drops nothing when every resource is readable: no setAside field at all', () => {
    const { design, setAside } = parsedOk(JSON.parse(JSON.stringify(sampleDesign())));
    expect(setAside).toEqual([]);
    expect('setAside' in design).toBe(false);
  });

  it('sets aside what is not a resource at all', () => {
    const doc = damagedDoc();
    (doc.resources as Record<string, unknown>)['n'] = 5;
    (doc.resources as Record<string, unknown>)['k'] = { id: 'k', name: 'no kind' };
    expect(
      parsedOk(doc)
        .setAside.slice(2)
        .map((r) => `${r.id}: ${r.reason}`),
    ).toEqual(['n: it is not an object', 'k: it has no kind']);
  });

  it('refuses for lessons and imports, which must be whole, with the schema messages', () => {
    expect(parseWholeDesign(damagedDoc())).toEqual({
      ok: false,
      errors: [
        'resources.subnet-1.cidr: Invalid input: expected string, received number',
        'resources.gwlb-1.kind: is not a resource kind Nimbus knows',
      ],
    });
  });
});

describe('what a whole-document refusal still is', () => {
  const base = () => JSON.parse(JSON.stringify(sampleDesign())) as Doc;
  it.each([
    ['not JSON', '{"version": 1,', /^not valid JSON/],
    [
      'a wrong format marker',
      JSON.stringify({ ...base(), format: 'excalidraw' }),
      /^format: Invalid input: expected "nimbus-design"$/,
    ],
    [
      'a newer version',
      JSON.stringify({ ...base(), version: 3 }),
      /^version: 3 was made by a newer Nimbus; this one reads up to version 2$/,
    ],
    [
      'resources that are not an object',
      JSON.stringify({ ...base(), resources: [] }),
      /^resources: Invalid input: expected record, received array$/,
    ],
    [
      'a layout that is not an object',
      JSON.stringify({ ...base(), layout: 3 }),
      /^layout: Invalid input: expected record, received number$/,
    ],
    [
      'a name that is not text',
      JSON.stringify({ ...base(), name: 7 }),
      /^name: Invalid input: expected string, received number$/,
    ],
    ['a broken setAside', JSON.stringify({ ...base(), setAside: [] }), /^setAside: /],
  ])('refuses %s with the message it always had', (_what, text, message) => {
    const result = parseDesignJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(message);
  });
});

describe('the words for set-aside resources', () => {
  const one: SetAsideResource[] = [
    {
      id: 'gwlb-1',
      kind: 'gatewayLoadBalancer',
      reason: 'kind "gatewayLoadBalancer" is not one Nimbus knows',
      issues: [],
    },
  ];

  it('names one resource and why', () => {
    expect(describeSetAside(one)).toBe(
      'Set aside 1 resource this version of Nimbus can\'t read: `gwlb-1` (kind "gatewayLoadBalancer" is not one Nimbus knows).',
    );
    expect(setAsideDetails(one)).toEqual(['gwlb-1: kind "gatewayLoadBalancer" is not one Nimbus knows']);
  });

  it('names up to five, counts the rest', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({
      id: `x-${i}`,
      kind: null,
      reason: 'it has no kind',
      issues: [],
    }));
    expect(describeSetAside(many)).toBe(
      "Set aside 7 resources this version of Nimbus can't read: `x-0` (it has no kind); `x-1` (it has no kind); `x-2` (it has no kind); `x-3` (it has no kind); `x-4` (it has no kind); and 2 more.",
    );
  });

  it('shows names from a file as plain, short text: control characters escaped, long ids cut', () => {
    const doc = damagedDoc();
    const id = '\u001b[2Jevil<b>' + 'x'.repeat(100);
    doc.resources[id] = { kind: 'spaceship\n', id };
    const hostile = parsedOk(doc).setAside.find((r) => r.id === id)!;
    const [line] = setAsideDetails([hostile]);
    expect(line).toMatch(/^\\u001b\[2Jevil<b>x+…: kind "spaceship\\u000a" is not one Nimbus knows$/);
    expect(line!.split(':')[0]!.length).toBeLessThanOrEqual(60);
  });
});
