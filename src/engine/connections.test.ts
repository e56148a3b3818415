import { describe, expect, it } from 'vitest';
import {
  createNetworkAcl,
  createRouteTable,
  createSecurityGroup,
  DesignBuilder,
  sequentialIds,
  type Design,
} from '../domain';
import { sampleDesign } from './testing/sampleDesign';
import { connect } from './connections';
import { routeTableForSubnet, networkAclForSubnet, hasInternetRoute } from './topology';
import { validateDesign } from './validate';

const ids = sequentialIds();
function withExtras(): Design {
  const design = sampleDesign();
  const vpc = design.resources['vpc-1'] as Extract<Design['resources'][string], { kind: 'vpc' }>;
  const table = { ...createRouteTable(ids, vpc, 'App routes'), id: 'rtb-app' as never };
  const acl = { ...createNetworkAcl(ids, vpc.id, 'Strict'), id: 'acl-strict' as never };
  const group = { ...createSecurityGroup(ids, vpc.id, 'web'), id: 'sg-web' as never };
  return { ...design, resources: { ...design.resources, [table.id]: table, [acl.id]: acl, [group.id]: group } };
}

describe('connect', () => {
  it('associates a subnet with a route table, replacing its previous association', () => {
    const result = connect(withExtras(), 'rtb-app', 'subnet-1', ids);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const subnet = result.design.resources['subnet-1'] as never;
    expect(routeTableForSubnet(result.design, subnet)?.id).toBe('rtb-app');
    expect(hasInternetRoute(result.design, subnet)).toBe(false);
    expect(validateDesign(result.design).filter((f) => f.code === 'SUBNET_SEVERAL_ROUTE_TABLES')).toEqual([]);
  });

  it('routes 0.0.0.0/0 to an internet gateway when a route table meets it', () => {
    const result = connect(withExtras(), 'igw-1', 'rtb-app', ids);
    expect(result.ok && (result.design.resources['rtb-app'] as { routes: unknown[] }).routes).toContainEqual({
      destination: '0.0.0.0/0',
      target: 'igw-1',
    });
  });

  it('associates a network ACL and adds a security group to an instance', () => {
    const first = connect(withExtras(), 'subnet-2', 'acl-strict', ids);
    expect(first.ok && networkAclForSubnet(first.design, first.design.resources['subnet-2'] as never)?.id).toBe(
      'acl-strict',
    );
    const second = connect(withExtras(), 'i-1', 'sg-web', ids);
    expect(second.ok && (second.design.resources['i-1'] as { securityGroupIds: string[] }).securityGroupIds).toEqual([
      'sg-1',
      'sg-web',
    ]);
  });

  it('refuses connections across VPCs and ones that mean nothing, saying why', () => {
    const b = new DesignBuilder();
    const region = b.region();
    const other = b.vpc(region, '10.9.0.0/16');
    const design = withExtras();
    const merged = {
      ...design,
      resources: {
        ...design.resources,
        [other.mainRouteTable.id + 'x']: {
          ...other.mainRouteTable,
          id: (other.mainRouteTable.id + 'x') as never,
          vpcId: 'vpc-other' as never,
        },
      },
    };
    expect(connect(merged, 'subnet-1', other.mainRouteTable.id + 'x', ids)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('another VPC'),
    });
    expect(connect(design, 'i-1', 'i-2', ids)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no connection between an instance and an instance'),
    });
    expect(connect(design, 'i-1', 'i-1', ids).ok).toBe(false);
  });
});
