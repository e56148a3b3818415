import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { AutoScalingGroup, Ec2Instance, Subnet, TargetGroup } from '../domain';
import { targetsOf } from './designIndex';
import { haDesign, named } from './testing/haDesign';

describe('targetsOf', () => {
  const base = haDesign();
  const appA = named<Ec2Instance>(base, 'App A');
  const privateB = named<Subnet>(base, 'Private B');
  const design = produce(base, (d) => {
    const group = d.resources['tg-app'] as TargetGroup;
    group.targetIps = ['10.0.3.99', '10.0.1.10'];
    d.resources['asg-web'] = {
      kind: 'autoScalingGroup',
      id: 'asg-web' as AutoScalingGroup['id'],
      name: 'web-asg',
      vpcId: privateB.vpcId,
      launchTemplateId: 'lt-web' as AutoScalingGroup['launchTemplateId'],
      subnetIds: [privateB.id],
      minSize: 1,
      desiredCapacity: 1,
      maxSize: 2,
      healthCheckType: 'ELB',
      healthCheckGracePeriodSeconds: 300,
      targetGroupIds: [group.id],
      defaultInstanceWarmupSeconds: null,
      defaultCooldownSeconds: 300,
      azRebalance: true,
      policies: [],
      scheduledActions: [],
      instanceCapacityRps: 100,
    };
    d.resources['i-launched'] = {
      ...appA,
      id: 'i-launched' as Ec2Instance['id'],
      name: 'launched',
      subnetId: privateB.id,
      privateIp: '10.0.3.50',
      autoScalingGroupId: 'asg-web' as AutoScalingGroup['id'],
    };
  });
  const group = design.resources['tg-app'] as TargetGroup;

  it('lists hand-registered instances and addresses, then the instances of Auto Scaling groups that name the group', () => {
    expect(targetsOf(design, group).map((t) => [t.id, t.type, t.autoScalingGroupId, t.subnetId])).toEqual([
      [appA.id, 'instance', null, appA.subnetId],
      [named(design, 'App B').id, 'instance', null, named<Ec2Instance>(design, 'App B').subnetId],
      ['10.0.3.99', 'ip', null, privateB.id],
      ['10.0.1.10', 'ip', null, appA.subnetId],
      ['i-launched', 'instance', 'asg-web', privateB.id],
    ]);
    expect(targetsOf(design, group).at(-1)!.zoneId).toBe(privateB.azId);
  });

  it('lists a group-launched instance also registered by hand once', () => {
    const twice = produce(design, (d) => {
      (d.resources['tg-app'] as TargetGroup).targetIds.push('i-launched');
    });
    const ids = targetsOf(twice, twice.resources['tg-app'] as TargetGroup).map((t) => t.id);
    expect(ids.filter((id) => id === 'i-launched')).toHaveLength(1);
  });

  it('answers from a cache per design', () => {
    expect(targetsOf(design, group)).toBe(targetsOf(design, group));
  });
});
