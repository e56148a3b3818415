import { produce, type Draft } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Design, NetworkAcl, SecurityGroup } from '../../domain';
import { TEMPLATES } from '../../scenarios/templates';
import { suggestFix } from './fixes';
import { analyzeReachability, type ReachQuery } from './reachability';

const named = (d: Design, name: string) => Object.values(d.resources).find((r) => r.name === name)!;
function run(design: Design, query: ReachQuery) {
  const outcome = analyzeReachability(design, query);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

describe('suggestFix', () => {
  it('adds the missing security-group rule, and the path opens', () => {
    const design = TEMPLATES.find((t) => t.id === 'two-tier')!.build();
    const query: ReachQuery = {
      from: { kind: 'internet' },
      to: { kind: 'resource', id: named(design, 'Web A').id },
      protocol: 'tcp',
      port: 22,
    };
    const result = run(design, query);
    expect(result.blockedBy?.code).toBe('ENI_SG_RULES_MISMATCH');
    const fix = suggestFix(design, query, result)!;
    expect(fix.label).toBe('Add inbound TCP 22 from 0.0.0.0/0 to web');
    expect(run(fix.apply(design), query).reachable).toBe(true);
  });

  it('names the peer group for traffic inside the VPC', () => {
    const design = TEMPLATES.find((t) => t.id === 'two-tier')!.build();
    const query: ReachQuery = {
      from: { kind: 'resource', id: named(design, 'Web A').id },
      to: { kind: 'resource', id: named(design, 'App A').id },
      protocol: 'tcp',
      port: 5432,
    };
    const fix = suggestFix(design, query, run(design, query))!;
    expect(fix.label).toBe('Add inbound TCP 5432 from web to app');
    const fixed = fix.apply(design);
    expect((fixed.resources[named(design, 'app').id] as SecurityGroup).inbound.at(-1)!.peer).toEqual({
      type: 'securityGroup',
      groupId: named(design, 'web').id,
    });
  });

  it('opens ephemeral ports for a response blocked by an ACL’s * rule, but leaves explicit denies alone', () => {
    const base = TEMPLATES.find((t) => t.id === 'single-web-server')!.build();
    const acl = Object.values(base.resources).find((r): r is NetworkAcl => r.kind === 'networkAcl')!;
    const design = produce(base, (d) => void ((d.resources[acl.id] as Draft<NetworkAcl>).outbound = []));
    const query: ReachQuery = {
      from: { kind: 'internet' },
      to: { kind: 'resource', id: named(design, 'Web server').id },
      protocol: 'tcp',
      port: 443,
    };
    const fix = suggestFix(design, query, run(design, query))!;
    expect(fix.label).toContain('allow TCP 1024-65535 to 0.0.0.0/0');
    expect(run(fix.apply(design), query).reachable).toBe(true);
    const denied = produce(
      base,
      (d) =>
        void (d.resources[acl.id] as Draft<NetworkAcl>).inbound.unshift({
          ruleNumber: 10,
          protocol: 'tcp',
          ports: { from: 443, to: 443 },
          cidr: '0.0.0.0/0',
          action: 'deny',
        }),
    );
    expect(suggestFix(denied, query, run(denied, query))).toBeNull();
  });
});
