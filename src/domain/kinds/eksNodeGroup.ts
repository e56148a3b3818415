import { type AutoScalingGroupId, type LaunchTemplateId } from '../ids';
import { EKS_AMI_TYPES, findEksAmiType } from '../catalogs/eks';
import { findInstanceType } from '../catalogs/instanceTypes';
import { getResource, resourceById, resourcesOfKind } from '../lookup';
import type { Design } from '../design';
import type { AutoScalingGroup } from './autoScalingGroup';
import type { LaunchTemplate } from './launchTemplate';
import { listRef, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';
import type { EksNodeGroup } from './eksNodeGroup.schema';

/**
 * Why EKS refuses the node group (`CreateNodegroup`, HTTP 400
 * `InvalidParameterException`), in its words, or null when it is accepted.
 * The AMI type must boot on the instance type's architecture, as EC2 requires
 * of an instance's AMI.
 */
export function nodeGroupRefusal(group: EksNodeGroup): string | null {
  if (group.minSize > group.maxSize) return "minSize can't be greater than maxSize";
  if (group.minSize > group.desiredSize) return "minSize can't be greater than desiredSize";
  if (group.desiredSize > group.maxSize) return "desiredSize can't be greater than maxSize";
  if (group.maxSize < 1) return 'maxSize must be at least 1';
  if (group.subnetIds.length === 0) return 'subnets must contain at least one subnet';
  const type = findInstanceType(group.instanceType);
  const ami = findEksAmiType(group.amiType);
  if (type && ami && type.architecture !== ami.architecture)
    return `[${type.name}] is not a valid instance type for requested amiType ${ami.amiType}`;
  return null;
}

/** The Auto Scaling group that runs a node group's nodes, as EKS names it (`eks-<node group>-…`). */
export const nodeGroupAutoScalingId = (nodeGroupId: string) => `eks-${nodeGroupId}` as AutoScalingGroupId;

/**
 * The Auto Scaling group and launch template EKS makes for a node group, as
 * ordinary resources: its nodes are then launched, replaced, spread across
 * zones and billed as any group's instances are. Null when EKS would refuse the
 * node group, or when its subnets name no VPC.
 */
export function nodeGroupAutoScaling(
  design: Design,
  group: EksNodeGroup,
): { group: AutoScalingGroup; template: LaunchTemplate } | null {
  if (nodeGroupRefusal(group)) return null;
  const subnet = group.subnetIds.map((id) => getResource(design, id, 'subnet')).find((s) => s !== undefined);
  const cluster = getResource(design, group.clusterId, 'eksCluster');
  if (!subnet || !cluster) return null;
  const ami = findEksAmiType(group.amiType) ?? EKS_AMI_TYPES[0]!;
  const template: LaunchTemplate = {
    kind: 'launchTemplate',
    id: `lt-eks-${group.id}` as LaunchTemplateId,
    name: `eks-${group.name}`,
    regionId: cluster.regionId,
    amiId: ami.amiId,
    instanceType: group.instanceType,
    securityGroupIds: [...group.securityGroupIds],
    associatePublicIp: subnet.mapPublicIpOnLaunch,
    instanceName: group.name,
  };
  const autoScaling: AutoScalingGroup = {
    kind: 'autoScalingGroup',
    id: nodeGroupAutoScalingId(group.id),
    name: `eks-${group.name}`,
    vpcId: subnet.vpcId,
    launchTemplateId: template.id,
    subnetIds: [...group.subnetIds],
    minSize: group.minSize,
    desiredCapacity: group.desiredSize,
    maxSize: group.maxSize,
    // EKS managed node groups use EC2 health checks and are attached to no target group of their own.
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
  return { group: autoScaling, template };
}

const lowered = new WeakMap<Design['resources'], Design['resources']>();

/**
 * The design with every node group's Auto Scaling group and launch template
 * added (the node groups stay): what the simulation runs and what the canvas
 * reads its launched nodes from. Cached per `resources` object.
 */
export function withEksNodeGroups(design: Design): Design {
  const groups = resourcesOfKind(design, 'eksNodeGroup');
  if (groups.length === 0) return design;
  const known = lowered.get(design.resources);
  if (known) return { ...design, resources: known };
  const resources = { ...design.resources };
  for (const group of groups) {
    const made = nodeGroupAutoScaling(design, group);
    if (!made || Object.hasOwn(resources, made.group.id) || Object.hasOwn(resources, made.template.id)) continue;
    resources[made.group.id] = made.group;
    resources[made.template.id] = made.template;
  }
  lowered.set(design.resources, resources);
  return { ...design, resources };
}

export const eksNodeGroupKind: KindSpec<'eksNodeGroup'> = {
  kind: 'eksNodeGroup',
  idPrefix: 'ng',
  label: 'an EKS managed node group',
  containers: ['region'],
  isContainer: false,
  containerOf: (design, group) => {
    const cluster = getResource(design, group.clusterId, 'eksCluster');
    return cluster ? resourceById(design, cluster.regionId) : undefined;
  },
  references: [
    requiredRef('clusterId', ['eksCluster'], 'deleteSelf'),
    listRef('subnetIds', ['subnet']),
    listRef('securityGroupIds', ['securityGroup']),
  ],
  // Two t3.medium nodes (1 to 4) for the Region's first cluster, in the cluster's subnets.
  create({ design, region, ids }) {
    const cluster = resourcesOfKind(design, 'eksCluster').find((c) => c.regionId === region?.id);
    if (!region || !cluster) return refusedDrop('Drop the node group in a Region that has an EKS cluster.');
    const count = resourcesOfKind(design, 'eksNodeGroup').filter((g) => g.clusterId === cluster.id).length;
    return created({
      kind: 'eksNodeGroup',
      id: ids.next('eksNodeGroup'),
      name: `nodes-${count + 1}`,
      clusterId: cluster.id,
      subnetIds: [...cluster.subnetIds],
      instanceType: 't3.medium',
      amiType: 'AL2023_x86_64_STANDARD',
      minSize: 1,
      desiredSize: 2,
      maxSize: 4,
      diskSizeGiB: 20,
      securityGroupIds: [],
    });
  },
  duplicate: { reset: (copy) => copy },
};

export type { EksNodeGroup } from './eksNodeGroup.schema';
