import { describe, expect, it } from 'vitest';
import type { SecurityGroup } from '../domain';
import { applyScheduledChange } from '../engine';
import { TEMPLATES } from '../scenarios/templates';
import { changeOf, changeTargets, describeChange, removableRules, type ChangeForm } from './ScheduledChangesText';

const design = TEMPLATES.find((t) => t.id === 'single-web-server')!.build();
const web = Object.values(design.resources).find((r) => r.name === 'web') as SecurityGroup;
const form = (patch: Partial<ChangeForm>): ChangeForm => ({
  kind: 'removeSecurityGroupRule',
  resourceId: web.id,
  direction: 'inbound',
  atSeconds: 300,
  pick: '',
  protocol: 'tcp',
  port: 443,
  cidr: '0.0.0.0/0',
  ruleNumber: 200,
  action: 'deny',
  target: '',
  ...patch,
});

describe('scheduled changes: choices, the change a form makes, and its words', () => {
  it('offers the design\u2019s groups and their rules, and removes the one chosen by what it is', () => {
    expect(changeTargets(design, 'removeSecurityGroupRule').map((t) => t.label)).toContain('web');
    const rules = removableRules(design, 'removeSecurityGroupRule', web.id, 'inbound');
    expect(rules.map((r) => r.label)).toEqual(['1. TCP 80 from 0.0.0.0/0', '2. TCP 443 from 0.0.0.0/0']);
    const made = changeOf(form({ pick: rules[1]!.value }));
    expect(made).toEqual({
      ok: true,
      change: {
        at: 300,
        change: 'removeSecurityGroupRule',
        groupId: web.id,
        direction: 'inbound',
        rule: web.inbound[1],
      },
    });
    if (!made.ok) return;
    expect(describeChange(design, made.change)).toBe("At 5:00, remove web's inbound rule TCP 443 from 0.0.0.0/0");
    expect(changeOf(form({ pick: 'not a rule' }))).toMatchObject({ ok: false });
    const applied = applyScheduledChange(design, made.change);
    expect(applied.ok && (applied.design.resources[web.id] as SecurityGroup).inbound).toHaveLength(1);
  });

  it('makes an added ACL rule and route from the form, and says what is missing', () => {
    const acl = Object.values(design.resources).find((r) => r.kind === 'networkAcl')!;
    const rule = changeOf(
      form({ kind: 'addNetworkAclRule', resourceId: acl.id, ruleNumber: 50, cidr: '203.0.113.0/24' }),
    );
    expect(rule.ok && rule.change).toMatchObject({
      change: 'addNetworkAclRule',
      rule: { ruleNumber: 50, protocol: 'tcp', ports: { from: 443, to: 443 }, cidr: '203.0.113.0/24', action: 'deny' },
    });
    if (rule.ok) expect(describeChange(design, rule.change)).toContain('rule 50 (deny TCP port 443 203.0.113.0/24)');
    const table = Object.values(design.resources).find((r) => r.kind === 'routeTable' && r.name === 'Public routes')!;
    expect(changeOf(form({ kind: 'addRoute', resourceId: table.id, target: '' }))).toEqual({
      ok: false,
      reason: 'Choose where the route sends traffic.',
    });
    const removal = removableRules(design, 'removeRoute', table.id, 'inbound');
    expect(removal.map((r) => r.label)).toEqual(['0.0.0.0/0 → Internet gateway']);
    expect(changeOf(form({ kind: 'removeSecurityGroupRule', pick: '' }))).toMatchObject({ ok: false });
  });
});

// AWS revokes a security-group rule by what it is (protocol, ports, source), or by its rule id, never by a
// position (EC2 API Reference, "RevokeSecurityGroupIngress"); a position taken from the design as it was
// points at another rule once an earlier removal has run.
describe('two scheduled removals in one group', () => {
  it('remove the two rules chosen, whichever runs first', () => {
    const choices = removableRules(design, 'removeSecurityGroupRule', web.id, 'inbound');
    const http = changeOf(form({ pick: choices[0]!.value, atSeconds: 10 }));
    const https = changeOf(form({ pick: choices[1]!.value, atSeconds: 20 }));
    if (!http.ok || !https.ok) throw new Error('the form made no change');
    const first = applyScheduledChange(design, http.change);
    if (!first.ok) throw new Error(first.reason);
    const second = applyScheduledChange(first.design, https.change);
    expect(second).toMatchObject({ ok: true });
    if (second.ok) expect((second.design.resources[web.id] as SecurityGroup).inbound).toEqual([]);
    expect(describeChange(design, https.change)).toBe("At 0:20, remove web's inbound rule TCP 443 from 0.0.0.0/0");
  });
});
