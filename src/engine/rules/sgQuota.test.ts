import { describe, expect, it } from 'vitest';
import { parseDesign, type SecurityGroup, type SgRule } from '../../domain';
import { TEMPLATES } from '../../scenarios/templates';
import { validateDesign } from '../validate';

const rule = (i: number): SgRule => ({
  protocol: 'tcp',
  ports: { from: 10_000 + i, to: 10_000 + i },
  peer: { type: 'cidr', cidr: '203.0.113.0/24' },
  description: '',
});

describe('security-group rule quotas', () => {
  it('a group of 10,000 rules opens, and AWS’s maximum of 1,000 per direction is an error naming the quota', () => {
    const design = TEMPLATES.find((t) => t.id === 'single-web-server')!.build();
    const group = Object.values(design.resources).find((r): r is SecurityGroup => r.kind === 'securityGroup')!;
    const big = { ...group, inbound: Array.from({ length: 10_000 }, (_, i) => rule(i)) };
    const parsed = parseDesign({ ...design, resources: { ...design.resources, [group.id]: big } });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.design.setAside).toBeUndefined();
    const quota = validateDesign(parsed.design).filter((f) => f.code === 'SG_RULE_QUOTA');
    expect(quota).toHaveLength(1);
    expect(quota[0]!.message).toContain('10,000 inbound rules; AWS allows at most 1,000 per direction');
  });

  it('past the default quota of 60 but within 1,000, the finding names the default quota', () => {
    const design = TEMPLATES.find((t) => t.id === 'single-web-server')!.build();
    const group = Object.values(design.resources).find((r): r is SecurityGroup => r.kind === 'securityGroup')!;
    const more = { ...group, inbound: Array.from({ length: 61 }, (_, i) => rule(i)) };
    const quota = validateDesign({ ...design, resources: { ...design.resources, [group.id]: more } }).filter(
      (f) => f.code === 'SG_RULE_QUOTA',
    );
    expect(quota[0]!.message).toContain('the default quota is 60');
  });
});
