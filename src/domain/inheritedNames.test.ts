import { describe, expect, it } from 'vitest';
import { validateDesign } from '../engine';
import { sampleDesign } from '../engine/testing/sampleDesign';
import { INHERITED_NAMES, setOwn } from './ownKeys';
import { parseDesign, parseDesignJson } from './parse';

/**
 * Names every plain object inherits, as design files may use them: resource
 * ids, layout keys, flow ids. Documents are built with `setOwn` and sent as
 * JSON text, so `__proto__` arrives as JSON.parse gives it: an own key.
 */
type Doc = { resources: Record<string, unknown>; layout: Record<string, unknown> } & Record<string, unknown>;

const sample = (): Doc => JSON.parse(JSON.stringify(sampleDesign())) as Doc;
const regionId = () => Object.values(sampleDesign().resources).find((r) => r.kind === 'region')!.id;

/** The sample with one more resource (an internet node, which needs no references) under `id`, drawn in the Region. */
function withResource(id: string): string {
  const doc = sample();
  setOwn(doc.resources, id, { kind: 'internet', id, name: `Named ${id}` });
  setOwn(doc.layout, id, { x: 10, y: 20, parentId: regionId() });
  return JSON.stringify(doc);
}

describe.each(INHERITED_NAMES.filter((name) => name !== '__proto__'))('the inherited name %s', (name) => {
  it('is an ordinary resource id: read, kept with its layout, and saved again', () => {
    const parsed = parseDesignJson(withResource(name));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.setAside).toEqual([]);
    expect(Object.hasOwn(parsed.design.resources, name)).toBe(true);
    expect(parsed.design.resources[name]).toMatchObject({ kind: 'internet', name: `Named ${name}` });
    expect(parsed.design.layout[name]).toMatchObject({ x: 10, y: 20 });
    const again = parseDesignJson(JSON.stringify(parsed.design));
    expect(again.ok && again.design).toEqual(parsed.design);
    expect(() => validateDesign(parsed.design)).not.toThrow();
  });

  it('is a resource id without a layout entry, which inherits none', () => {
    const doc = sample();
    setOwn(doc.resources, name, { kind: 'internet', id: name, name: 'Internet' });
    const parsed = parseDesign(doc);
    expect(parsed.ok && Object.hasOwn(parsed.design.resources, name)).toBe(true);
    expect(parsed.ok && Object.hasOwn(parsed.design.layout, name)).toBe(false);
  });
});

describe.each(INHERITED_NAMES)('the inherited name %s', (name) => {
  it('as a layout key with no such resource refuses the document, as any such key does', () => {
    const doc = sample();
    setOwn(doc.layout, name, { x: 1, y: 2 });
    expect(parseDesignJson(JSON.stringify(doc))).toEqual({
      ok: false,
      errors: [`layout.${name}: places a resource that does not exist`],
    });
  });

  it('as a flow id and a flow endpoint is read, and validation answers without a crash', () => {
    const flow = { id: name, name: 'Users', from: 'internet', to: name, protocol: 'tcp', port: 443, ratePerSecond: 2 };
    const parsed = parseDesignJson(JSON.stringify({ ...sample(), flows: [flow] }));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.design.flows).toEqual([flow]);
    expect(() => validateDesign(parsed.design)).not.toThrow();
    const twice = parseDesignJson(JSON.stringify({ ...sample(), flows: [flow, flow] }));
    expect(twice.ok || twice.errors).toEqual([
      `flows.1.id: "${name}" is already the id of flows.0; flow ids must be unique`,
    ]);
  });
});

describe('a resource keyed __proto__', () => {
  const reason = `"__proto__" can't be a resource id in Nimbus; give it another id`;

  it('is set aside with its layout entry and a reason, never dropped, and kept through save and parse', () => {
    const parsed = parseDesignJson(withResource('__proto__'));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.setAside).toEqual([
      { id: '__proto__', kind: 'internet', reason, issues: [`resources.__proto__: ${reason}`] },
    ]);
    expect(Object.hasOwn(parsed.design.resources, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(parsed.design.resources)).toBe(Object.prototype);
    const kept = parsed.design.setAside!;
    expect(Object.hasOwn(kept.resources, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(kept.resources, '__proto__')?.value).toEqual({
      kind: 'internet',
      id: '__proto__',
      name: 'Named __proto__',
    });
    expect(Object.hasOwn(kept.layout, '__proto__')).toBe(true);
    const saved = JSON.stringify(parsed.design);
    expect(saved).toContain('"__proto__":{"kind":"internet"');
    const again = parseDesignJson(saved);
    expect(again.ok && again.setAside.map((r) => r.reason)).toEqual([reason]);
  });

  it('in a version-0 document is set aside too', () => {
    const list = JSON.parse(`[{"kind":"internet","id":"__proto__","name":"Old","position":{"x":1,"y":2}}]`) as unknown;
    const parsed = parseDesign({ format: 'nimbus-design', version: 0, title: 'Old', resources: list });
    expect(parsed.ok && parsed.setAside.map((r) => r.id)).toEqual(['__proto__']);
  });
});

describe('a design file with a UTF-8 byte order mark', () => {
  it('is read like the same file without it', () => {
    const text = JSON.stringify(sampleDesign());
    expect(parseDesignJson(`\uFEFF${text}`)).toEqual(parseDesignJson(text));
  });
});
