import fc from 'fast-check';
import { produce, type Draft } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Design, NaclRule, NetworkAcl, SecurityGroup, SgRule } from '../../domain';
import { TEMPLATES } from '../../scenarios/templates';
import { analyzeReachability, type ReachQuery } from './reachability';
import type { EndpointSpec } from './endpoints';

/**
 * Monotonicity of the rules: more allow rules can only open paths, fewer can
 * only close them; and a security group never blocks the response to a
 * request it allowed. Checked over random rule sets on the two-AZ template,
 * with every ACL made custom so both kinds of rule matter.
 */
const base = TEMPLATES.find((t) => t.id === 'two-tier')!.build();
const groups = Object.values(base.resources).filter((r): r is SecurityGroup => r.kind === 'securityGroup');
const instances = Object.values(base.resources)
  .filter((r) => r.kind === 'ec2Instance')
  .map((r) => r.id);
const ports = [22, 80, 443, 8080, 32768, 40000];
const cidrs = ['0.0.0.0/0', '10.0.0.0/16', '10.0.1.0/24', '198.51.100.0/24', '10.0.0.0/23'];

const portRange = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...ports).map((p) => ({ from: p, to: p })),
  fc.constant({ from: 1024, to: 65535 }),
);
const naclRule: fc.Arbitrary<NaclRule> = fc
  .record({
    ruleNumber: fc.integer({ min: 1, max: 300 }),
    protocol: fc.constantFrom('all' as const, 'tcp' as const),
    ports: portRange,
    cidr: fc.constantFrom(...cidrs),
    action: fc.constantFrom('allow' as const, 'deny' as const),
  })
  .map((r) => (r.protocol === 'all' ? { ...r, ports: null } : { ...r, ports: r.ports ?? { from: 0, to: 65535 } }));
const sgRule: fc.Arbitrary<SgRule> = fc.record({
  protocol: fc.constant('tcp' as const),
  ports: portRange.map((p) => p ?? { from: 0, to: 65535 }),
  peer: fc.oneof(
    fc.constantFrom(...cidrs).map((cidr) => ({ type: 'cidr' as const, cidr })),
    fc.constantFrom(...groups.map((g) => g.id)).map((groupId) => ({ type: 'securityGroup' as const, groupId })),
  ),
  description: fc.constant(''),
});

interface RuleSet {
  acl: { inbound: NaclRule[]; outbound: NaclRule[] };
  sg: Record<string, { inbound: SgRule[]; outbound: SgRule[] }>;
}
const ruleSet: fc.Arbitrary<RuleSet> = fc.record({
  acl: fc.record({ inbound: fc.array(naclRule, { maxLength: 5 }), outbound: fc.array(naclRule, { maxLength: 5 }) }),
  sg: fc.record(
    Object.fromEntries(
      groups.map((g) => [
        g.id,
        fc.record({ inbound: fc.array(sgRule, { maxLength: 3 }), outbound: fc.array(sgRule, { maxLength: 3 }) }),
      ]),
    ),
  ),
});

function apply(rules: RuleSet, withDefaultAcl = false): Design {
  return produce(base, (d) => {
    for (const r of Object.values(d.resources)) {
      if (r.kind === 'networkAcl' && !withDefaultAcl)
        Object.assign(r as Draft<NetworkAcl>, { inbound: rules.acl.inbound, outbound: rules.acl.outbound });
      if (r.kind === 'securityGroup') Object.assign(r as Draft<SecurityGroup>, rules.sg[r.id]);
    }
  });
}

const endpoint = fc.oneof(
  fc.constantFrom(...instances).map((id): EndpointSpec => ({ kind: 'resource', id })),
  fc.constant<EndpointSpec>({ kind: 'internet' }),
);
const query: fc.Arbitrary<ReachQuery> = fc.record({
  from: endpoint,
  to: endpoint,
  protocol: fc.constant('tcp' as const),
  port: fc.constantFrom(...ports),
});

const reachable = (design: Design, q: ReachQuery): boolean | null => {
  const outcome = analyzeReachability(design, q);
  return outcome.ok ? outcome.result.reachable : null;
};

type Change =
  | { where: 'acl'; direction: 'inbound' | 'outbound'; rule: NaclRule }
  | { where: 'sg'; group: string; direction: 'inbound' | 'outbound'; rule: SgRule };
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({
    where: fc.constant('acl' as const),
    direction: fc.constantFrom('inbound' as const, 'outbound' as const),
    rule: naclRule.map((r) => ({ ...r, action: 'allow' as const })),
  }),
  fc.record({
    where: fc.constant('sg' as const),
    group: fc.constantFrom(...groups.map((g) => g.id)),
    direction: fc.constantFrom('inbound' as const, 'outbound' as const),
    rule: sgRule,
  }),
);

function withAllow(rules: RuleSet, c: Change): RuleSet {
  const next = structuredClone(rules);
  if (c.where === 'acl') {
    // An allow rule under a number nobody else uses.
    const used = new Set(next.acl[c.direction].map((r) => r.ruleNumber));
    let n = c.rule.ruleNumber;
    while (used.has(n)) n++;
    next.acl[c.direction].push({ ...c.rule, ruleNumber: n });
  } else next.sg[c.group]![c.direction].push(c.rule);
  return next;
}

describe('reachability properties', () => {
  it('adding an allow rule never removes a reachable path; removing it never adds one', () => {
    fc.assert(
      fc.property(ruleSet, change, query, (rules, c, q) => {
        const before = reachable(apply(rules), q);
        const after = reachable(apply(withAllow(rules, c)), q);
        fc.pre(before !== null && after !== null);
        if (before) expect(after).toBe(true);
        if (!after) expect(before).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('with security groups alone (default ACLs), an allowed request always has its response allowed', () => {
    fc.assert(
      fc.property(
        ruleSet,
        fc.constantFrom(...instances),
        fc.constantFrom(...instances),
        fc.constantFrom(...ports),
        (rules, from, to, port) => {
          fc.pre(from !== to);
          const design = apply(rules, true);
          const outcome = analyzeReachability(design, {
            from: { kind: 'resource', id: from },
            to: { kind: 'resource', id: to },
            protocol: 'tcp',
            port,
          });
          if (!outcome.ok) return;
          const { forward, blockedBy } = outcome.result;
          if (forward.every((h) => h.decision !== 'drop' && h.decision !== 'deny')) expect(blockedBy).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });
});
