import { describe, expect, it } from 'vitest';
import { sequentialIds } from './builder';
import { createInstance, createNetworkAcl, createSecurityGroup, createSubnet, createVpc } from './factories';
import { idSourceFor } from './idSource';
import { emptyDesign } from './design';

describe('factories apply AWS defaults', () => {
  const ids = sequentialIds();
  const created = createVpc(ids, 'region-1' as never, '10.0.0.0/16', 'Lab');

  it('a VPC comes with a main route table holding the local route', () => {
    expect(created.mainRouteTable).toMatchObject({
      main: true,
      vpcId: created.vpc.id,
      routes: [{ destination: '10.0.0.0/16', target: 'local' }],
    });
  });

  it('its default network ACL allows everything both ways with rule 100', () => {
    const rule = { ruleNumber: 100, protocol: 'all', ports: null, cidr: '0.0.0.0/0', action: 'allow' };
    expect(created.defaultNetworkAcl).toMatchObject({ isDefault: true, inbound: [rule], outbound: [rule] });
  });

  it('its default security group admits its own members and allows all outbound', () => {
    const group = created.defaultSecurityGroup;
    expect(group.inbound).toEqual([
      expect.objectContaining({ protocol: 'all', peer: { type: 'securityGroup', groupId: group.id } }),
    ]);
    expect(group.outbound).toEqual([
      expect.objectContaining({ protocol: 'all', peer: { type: 'cidr', cidr: '0.0.0.0/0' } }),
    ]);
  });

  it('a new custom network ACL has no rules, so it denies everything', () => {
    expect(createNetworkAcl(ids, created.vpc.id)).toMatchObject({ isDefault: false, inbound: [], outbound: [] });
  });

  it('a new security group has no inbound rules and all outbound', () => {
    const group = createSecurityGroup(ids, created.vpc.id);
    expect(group.inbound).toEqual([]);
    expect(group.outbound).toHaveLength(1);
  });

  it('an instance takes a public IP when its subnet auto-assigns one', () => {
    const subnet = { ...createSubnet(ids, created.vpc.id, 'az-1' as never, '10.0.1.0/24'), mapPublicIpOnLaunch: true };
    expect(createInstance(ids, { subnet, privateIp: '10.0.1.4', securityGroupIds: [] })).toMatchObject({
      publicIp: true,
      state: 'running',
    });
  });

  it('random ids avoid ids already in the design', () => {
    const design = emptyDesign();
    design.resources['vpc-00000000'] = created.vpc;
    let calls = 0;
    const seq = idSourceFor(design, () => (calls++ === 0 ? 0 : 0.5));
    expect(seq.next('vpc')).toBe('vpc-7fffffff');
  });
});
