import fc from 'fast-check';
import { produce, type Draft } from 'immer';
import { describe, expect, it } from 'vitest';
import type { NaclRule, NetworkAcl, SecurityGroup, SgRule } from '../../domain';
import { TEMPLATES } from '../../scenarios/templates';
import { portAtomStarts } from './atoms';
import { analyzeExposure } from './exposure';

/**
 * Asking once per port-range atom gives the report that asking once per port
 * gives, over random rule sets on the two-AZ template (every ACL custom, so
 * both kinds of rule matter), with ranges that overlap, touch and nest.
 */
const base = TEMPLATES.find((t) => t.id === 'two-tier')!.build();
const groups = Object.values(base.resources).filter((r): r is SecurityGroup => r.kind === 'securityGroup');
const cidrs = ['0.0.0.0/0', '10.0.0.0/16', '10.0.1.0/24', '198.51.100.0/24', '10.0.0.0/23'];
const edges = [0, 21, 22, 23, 79, 80, 443, 444, 1024, 3306, 3389, 5432, 8080, 8081, 32768, 65535];

const range = fc
  .tuple(fc.constantFrom(...edges), fc.constantFrom(...edges))
  .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));
const naclRule: fc.Arbitrary<NaclRule> = fc
  .record({
    ruleNumber: fc.integer({ min: 1, max: 300 }),
    protocol: fc.constantFrom('all' as const, 'tcp' as const, 'udp' as const),
    ports: range,
    cidr: fc.constantFrom(...cidrs),
    action: fc.constantFrom('allow' as const, 'deny' as const),
  })
  .map((r) => (r.protocol === 'all' ? { ...r, ports: null } : r));
const sgRule: fc.Arbitrary<SgRule> = fc
  .record({
    protocol: fc.constantFrom('tcp' as const, 'all' as const, 'udp' as const),
    ports: range,
    peer: fc.oneof(
      fc.constantFrom(...cidrs).map((cidr) => ({ type: 'cidr' as const, cidr })),
      fc.constantFrom(...groups.map((g) => g.id)).map((groupId) => ({ type: 'securityGroup' as const, groupId })),
    ),
    description: fc.constant(''),
  })
  .map((r) => (r.protocol === 'all' ? { ...r, ports: null } : r));

const ruleSet = fc.record({
  acl: fc.record({ inbound: fc.array(naclRule, { maxLength: 6 }), outbound: fc.array(naclRule, { maxLength: 4 }) }),
  sg: fc.array(
    fc.record({ inbound: fc.array(sgRule, { maxLength: 6 }), outbound: fc.array(sgRule, { maxLength: 2 }) }),
    { minLength: groups.length, maxLength: groups.length },
  ),
});

describe('exposure by port-range atoms', () => {
  it('reports what asking port by port reports, with no more queries', () => {
    fc.assert(
      fc.property(ruleSet, (rules) => {
        const design = produce(base, (d) => {
          for (const r of Object.values(d.resources)) {
            if (r.kind === 'networkAcl') Object.assign(r as Draft<NetworkAcl>, rules.acl);
            if (r.kind === 'securityGroup')
              Object.assign(r as Draft<SecurityGroup>, rules.sg[groups.findIndex((g) => g.id === r.id)]);
          }
        });
        const atoms = analyzeExposure(design);
        const perPort = analyzeExposure(design, { perPort: true });
        expect(atoms.entries).toEqual(perPort.entries);
        expect(atoms.findings).toEqual(perPort.findings);
        expect(atoms.queries).toBeLessThanOrEqual(perPort.queries);
      }),
      { numRuns: 150 },
    );
  });

  it('asks once for a group that lists a range port by port', () => {
    const design = produce(base, (d) => {
      const web = Object.values(d.resources).find(
        (r): r is Draft<SecurityGroup> => r.kind === 'securityGroup' && r.name === 'web',
      )!;
      for (let port = 9000; port < 9500; port++)
        web.inbound.push({
          protocol: 'tcp',
          ports: { from: port, to: port },
          peer: { type: 'cidr', cidr: '0.0.0.0/0' },
          description: '',
        });
    });
    expect(portAtomStarts(design)).toEqual(expect.arrayContaining([9000, 9500]));
    expect(portAtomStarts(design).filter((p) => p > 9000 && p < 9500)).toEqual([]);
    const atoms = analyzeExposure(design);
    const perPort = analyzeExposure(design, { perPort: true });
    expect(atoms.entries).toEqual(perPort.entries);
    expect(perPort.queries / atoms.queries).toBeGreaterThan(50);
  });
});
