import { describe, expect, it } from 'vitest';
import { sampleDesign } from '../../engine/testing/sampleDesign';
import { produce } from 'immer';
import type { SecurityGroup } from '../../domain';
import { LISTED_RULES, ruleChipsOf } from './ruleChips';

describe('ruleChipsOf', () => {
  const design = sampleDesign();
  const chips = (id: string) => ruleChipsOf(design, design.resources[id]!);

  it("puts a subnet's own route table and its ACL on it, with counts and the rules for the hover card", () => {
    expect(chips('subnet-1').map((c) => [c.kind, c.name, c.count])).toEqual([
      ['routeTable', 'Public routes', '2 routes'],
      ['networkAcl', 'VPC default network ACL', '1 in · 1 out'],
    ]);
    expect(chips('subnet-1')[0]!.rules).toEqual(['10.0.0.0/16 → local', '0.0.0.0/0 → Internet gateway']);
    // The ACL's final deny rule is implicit in the design and listed all the same.
    expect(chips('subnet-1')[1]!.rules).toContain('in: rule * (deny all)');
  });

  it('says when a subnet uses the main route table (it has no association of its own)', () => {
    expect(chips('subnet-2')[0]).toMatchObject({ id: 'rtb-1', count: '1 route · main' });
  });

  it("puts an instance's security groups on it and nothing on a kind without groups", () => {
    expect(chips('i-1')).toEqual([
      {
        id: 'sg-1',
        kind: 'securityGroup',
        name: 'default',
        count: '1 in · 1 out',
        rules: ['in: all traffic from default', 'out: all traffic to 0.0.0.0/0'],
        ruleCount: 2,
      },
    ]);
    expect(chips('igw-1')).toEqual([]);
  });

  it("gives a rule set its own chip, which its shelf pill's hover card lists", () => {
    expect(chips('rtb-2')).toEqual([
      expect.objectContaining({
        id: 'rtb-2',
        kind: 'routeTable',
        count: '2 routes',
        rules: chips('subnet-1')[0]!.rules,
      }),
    ]);
    expect(chips('acl-1')[0]).toMatchObject({ id: 'acl-1', kind: 'networkAcl', count: '1 in · 1 out' });
    expect(chips('sg-1')[0]).toMatchObject({ id: 'sg-1', kind: 'securityGroup' });
  });

  it('describes only the rules a hover card lists, and counts them all', () => {
    const big = produce(design, (d) => {
      const group = d.resources['sg-1'] as SecurityGroup;
      group.inbound = Array.from({ length: 500 }, (_, i) => ({ ...group.inbound[0]!, fromPort: i, toPort: i }));
    });
    const [chip] = ruleChipsOf(big, big.resources['sg-1']!);
    expect(chip!.rules).toHaveLength(LISTED_RULES);
    expect(chip!.ruleCount).toBe(501);
  });
});
