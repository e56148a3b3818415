import { describe, expect, it } from 'vitest';
import { ResourceSchema } from '../design.schema';
import { ALL_KINDS, KIND_SPECS, ROUTE_TARGET_KINDS, referenceKinds } from './registry';
import type { KindRegistry } from './spec';

/** The kinds the design schema accepts, read from the schema itself. */
const schemaKinds = ResourceSchema.options.map((option) => option.shape.kind.value).sort();

describe('the kind registry', () => {
  it('has a spec for exactly the kinds the design schema accepts', () => {
    expect([...ALL_KINDS].sort()).toEqual(schemaKinds);
    for (const kind of ALL_KINDS) expect(KIND_SPECS[kind].kind).toBe(kind);
  });

  it('gives every kind its own id prefix', () => {
    const prefixes = ALL_KINDS.map((kind) => KIND_SPECS[kind].idPrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('names only real kinds as containers and as reference targets', () => {
    const known = new Set<string>(ALL_KINDS);
    for (const kind of ALL_KINDS) {
      const spec = KIND_SPECS[kind];
      for (const container of spec.containers) if (container !== null) expect(known).toContain(container);
      for (const ref of spec.references) for (const target of referenceKinds(ref)) expect(known).toContain(target);
    }
  });

  it('knows which kinds a route may send traffic to', () => {
    expect([...ROUTE_TARGET_KINDS].sort()).toEqual(
      [
        'ec2Instance',
        'internetGateway',
        'natGateway',
        'transitGateway',
        'virtualPrivateGateway',
        'vpcEndpoint',
        'vpcPeeringConnection',
      ].sort(),
    );
  });

  it('does not compile when a kind lacks a spec', () => {
    const { vpc: _left, ...withoutVpc } = KIND_SPECS;
    // @ts-expect-error a registry without the VPC's spec is not a KindRegistry
    const incomplete: KindRegistry = withoutVpc;
    expect(Object.keys(incomplete)).not.toContain('vpc');
  });
});
