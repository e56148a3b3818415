import { produce, type Draft } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Design, NetworkAcl, SecurityGroup } from '../../domain';
import { TEMPLATES } from '../../scenarios/templates';
import { analyzeExposure } from './exposure';
import { DEFAULT_ADMIN_CIDR, suggestFix } from './fixes';
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
      port: 8080,
    };
    const result = run(design, query);
    expect(result.blockedBy?.code).toBe('ENI_SG_RULES_MISMATCH');
    const fix = suggestFix(design, query, result)!;
    expect(fix.label).toBe('Add inbound TCP 8080 from 0.0.0.0/0 to web');
    expect(fix.adminSource).toBeUndefined();
    expect(run(fix.apply(design), query).reachable).toBe(true);
  });

  it('opens SSH from the internet to an administrators’ range, never 0.0.0.0/0', () => {
    const design = TEMPLATES.find((t) => t.id === 'two-tier')!.build();
    const web = named(design, 'Web A').id;
    const query: ReachQuery = {
      from: { kind: 'internet' },
      to: { kind: 'resource', id: web },
      protocol: 'tcp',
      port: 22,
    };
    const fix = suggestFix(design, query, run(design, query))!;
    // The documentation range (RFC 5737) until the user gives theirs, with the reason beside the field.
    expect(fix.label).toBe('Add inbound TCP 22 from 203.0.113.0/24 to web');
    expect(fix.adminSource?.defaultCidr).toBe(DEFAULT_ADMIN_CIDR);
    expect(fix.adminSource?.reason).toContain('not 0.0.0.0/0');
    expect(fix.adminSource?.reason).toContain('exposure check flags it');

    const ours = fix.adminSource!.withCidr('198.51.100.0/28');
    if (!ours.ok) throw new Error(ours.error);
    expect(ours.label).toBe('Add inbound TCP 22 from 198.51.100.0/28 to web');
    expect(ours.sampleHost).toBe('198.51.100.1');
    const fixed = ours.apply(design);
    expect((fixed.resources[named(design, 'web').id] as SecurityGroup).inbound.at(-1)!.peer).toEqual({
      type: 'cidr',
      cidr: '198.51.100.0/28',
    });
    // An administrator in the range gets in; the rest of the internet still doesn't, and the scan stays quiet.
    const admin: ReachQuery = { ...query, from: { kind: 'internet', address: ours.sampleHost } };
    expect(run(fixed, admin).reachable).toBe(true);
    expect(run(fixed, { ...query, from: { kind: 'internet', address: '192.0.2.7' } }).reachable).toBe(false);
    const exposure = analyzeExposure(fixed).findings.filter((f) => f.resourceId === web);
    expect(exposure.map((f) => f.code)).not.toContain('SSH_OPEN_TO_INTERNET');
    // What the fix used to add is exactly what the scan flags.
    const wideOpen = produce(fixed, (d) => {
      const rule = (d.resources[named(design, 'web').id] as Draft<SecurityGroup>).inbound.at(-1)!;
      rule.peer = { type: 'cidr', cidr: '0.0.0.0/0' };
    });
    expect(analyzeExposure(wideOpen).findings.map((f) => `${f.code} ${f.resourceId}`)).toContain(
      `SSH_OPEN_TO_INTERNET ${web}`,
    );
  });

  it('refuses a range that is not a CIDR block, or is the whole internet', () => {
    const design = TEMPLATES.find((t) => t.id === 'two-tier')!.build();
    const query: ReachQuery = {
      from: { kind: 'internet' },
      to: { kind: 'resource', id: named(design, 'Web A').id },
      protocol: 'tcp',
      port: 3389,
    };
    const source = suggestFix(design, query, run(design, query))!.adminSource!;
    expect(source.service).toBe('RDP');
    expect(source.withCidr('0.0.0.0/0')).toEqual({
      ok: false,
      error: '0.0.0.0/0 opens RDP to the whole internet; enter your own range',
    });
    const hostBits = source.withCidr('203.0.113.5/24');
    expect(hostBits.ok).toBe(false);
    expect(!hostBits.ok && hostBits.error).toContain('did you mean 203.0.113.0/24');
    expect(source.withCidr('203.0.113.5/32')).toMatchObject({ ok: true, sampleHost: '203.0.113.5' });
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
