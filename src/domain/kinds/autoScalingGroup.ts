import { resourceById, resourcesOfKind } from '../lookup';
import type { LaunchTemplate } from './launchTemplate';
import { listRef, reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { refusedDrop } from './drop';
import type { AutoScalingGroup } from './autoScalingGroup.schema';

export const autoScalingGroupKind: KindSpec<'autoScalingGroup'> = {
  kind: 'autoScalingGroup',
  idPrefix: 'asg',
  label: 'an Auto Scaling group',
  containers: ['vpc'],
  isContainer: false,
  containerOf: (design, group) => resourceById(design, group.vpcId),
  references: [
    requiredRef('vpcId', ['vpc'], 'deleteSelf'),
    reportedAs('ASG_LAUNCH_TEMPLATE_MISSING', requiredRef('launchTemplateId', ['launchTemplate'], 'keep')),
    listRef('subnetIds', ['subnet']),
    listRef('targetGroupIds', ['targetGroup']),
  ],
  // The group with a launch template of its own, in one subnet of each zone of the VPC.
  create({ design, vpc, region, ids }) {
    if (!vpc || !region) return refusedDrop('Drop the Auto Scaling group inside a VPC.');
    const template: LaunchTemplate = {
      kind: 'launchTemplate',
      id: ids.next('launchTemplate'),
      name: 'web-template',
      regionId: region.id,
      amiId: 'ami-0a1b2c3d4e5f60001',
      instanceType: 't3.micro',
      securityGroupIds: [],
      associatePublicIp: false,
      instanceName: 'web',
    };
    const byZone = new Map<string, AutoScalingGroup['subnetIds'][number]>();
    for (const subnet of resourcesOfKind(design, 'subnet'))
      if (subnet.vpcId === vpc.id && !byZone.has(subnet.azId)) byZone.set(subnet.azId, subnet.id);
    const group: AutoScalingGroup = {
      kind: 'autoScalingGroup',
      id: ids.next('autoScalingGroup'),
      name: 'web-asg',
      vpcId: vpc.id,
      launchTemplateId: template.id,
      subnetIds: [...byZone.values()],
      minSize: 2,
      desiredCapacity: 2,
      maxSize: 4,
      healthCheckType: 'EC2',
      healthCheckGracePeriodSeconds: 300,
      targetGroupIds: [],
      defaultInstanceWarmupSeconds: null,
      defaultCooldownSeconds: 300,
      azRebalance: true,
      policies: [],
      scheduledActions: [],
      instanceCapacityRps: 100,
    };
    return { ok: true, resources: [group, template], primaryId: group.id };
  },
  duplicate: { reset: (copy) => copy },
};

export type { ScalingPolicy, ScheduledAction, AutoScalingGroup } from './autoScalingGroup.schema';
