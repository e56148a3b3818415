import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INHERITED_NAMES, resourcesOfKind, setOwn, type Design } from '../../domain';
import { TEMPLATES } from '../../scenarios/templates';
import { endpointLabel, resolveEndpoint, type EndpointSpec } from './endpoints';
import { formatEndpoint, parseEndpoint } from './endpointText';

const template = (id: string): Design => TEMPLATES.find((t) => t.id === id)!.build();
const hybrid = template('hybrid');
const idOf = (d: Design, name: string) => Object.values(d.resources).find((r) => r.name === name)!.id;

describe('parseEndpoint: what the CLI, the panels and flows write', () => {
  it('reads internet, an address, an id, a name and an on-premises network', () => {
    expect(parseEndpoint(hybrid, ' Internet ')).toEqual({ ok: true, spec: { kind: 'internet' } });
    expect(parseEndpoint(hybrid, '10.0.1.5')).toEqual({ ok: true, spec: { kind: 'address', address: '10.0.1.5' } });
    const app = idOf(hybrid, 'Internal app');
    expect(parseEndpoint(hybrid, app)).toEqual({ ok: true, spec: { kind: 'resource', id: app } });
    expect(parseEndpoint(hybrid, 'internal APP')).toEqual({ ok: true, spec: { kind: 'resource', id: app } });
    const office = idOf(hybrid, 'Corporate data center');
    expect(parseEndpoint(hybrid, 'Corporate data center')).toEqual({
      ok: true,
      spec: { kind: 'onPremises', id: office },
    });
  });

  it('explains what it cannot read', () => {
    expect(parseEndpoint(hybrid, 'nowhere')).toEqual({
      ok: false,
      error: 'no resource, address or "internet" matches "nowhere"',
    });
  });
});

describe('formatEndpoint: one stable text per endpoint', () => {
  const ends = (d: Design): EndpointSpec[] => [
    { kind: 'internet' },
    { kind: 'internet', address: '203.0.113.9' },
    { kind: 'address', address: '10.0.1.10' },
    ...resourcesOfKind(d, 'onPremisesNetwork').map((n) => ({ kind: 'onPremises' as const, id: n.id })),
    ...[...resourcesOfKind(d, 'ec2Instance'), ...resourcesOfKind(d, 'natGateway')].map((r) => ({
      kind: 'resource' as const,
      id: r.id,
    })),
  ];

  it('reads back to the same endpoint, in every template', () => {
    const cases = TEMPLATES.flatMap((t) => {
      const d = t.build();
      return ends(d).map((spec) => [d, spec] as const);
    });
    fc.assert(
      fc.property(fc.constantFrom(...cases), ([design, spec]) => {
        const text = formatEndpoint(spec);
        const parsed = parseEndpoint(design, text);
        expect(parsed.ok).toBe(true);
        const before = resolveEndpoint(design, spec);
        const after = resolveEndpoint(design, parsed.ok ? parsed.spec : spec);
        expect(after.ok && endpointLabel(after.endpoint)).toBe(before.ok && endpointLabel(before.endpoint));
      }),
    );
  });

  it('writes ids, not names, so a renamed resource keeps its flows', () => {
    const app = idOf(hybrid, 'Internal app');
    expect(formatEndpoint({ kind: 'resource', id: app })).toBe(app);
    expect(formatEndpoint({ kind: 'internet' })).toBe('internet');
  });
});

describe('parseEndpoint with names every object inherits', () => {
  it.each(INHERITED_NAMES)('says no resource matches %s when the design has none by that id or name', (name) => {
    expect(parseEndpoint(hybrid, name)).toEqual({
      ok: false,
      error: `no resource, address or "internet" matches "${name}"`,
    });
  });

  it.each(INHERITED_NAMES.filter((name) => name !== '__proto__'))('finds a resource whose id is %s', (name) => {
    const design = structuredClone(hybrid);
    const app = design.resources[idOf(hybrid, 'Internal app')]!;
    setOwn(design.resources, name, { ...app, id: name } as typeof app);
    expect(parseEndpoint(design, name)).toEqual({ ok: true, spec: { kind: 'resource', id: name } });
  });
});
