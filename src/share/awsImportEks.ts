import { z } from 'zod';
import {
  EKS_MAX_NODES_PER_NODE_GROUP,
  findEksAmiType,
  nodeGroupAutoScalingId,
  type Design,
  type EksCluster,
  type EksNodeGroup,
  type Resource,
} from '../domain';
import { unique } from './awsImportHaHooks';

/**
 * `aws eks describe-cluster`, `describe-nodegroup` and `describe-fargate-profile`
 * (EKS API Reference: `Cluster`, `Nodegroup`, `FargateProfile`). Each prints one
 * record under a singular key, which the reader takes as a list of one.
 */
const AwsEksCluster = z.looseObject({
  name: z.string(),
  version: z.string().optional(),
  resourcesVpcConfig: z
    .looseObject({ subnetIds: z.array(z.string()).default([]), vpcId: z.string().optional() })
    .optional(),
  upgradePolicy: z.looseObject({ supportType: z.string().optional() }).optional(),
});
const AwsEksNodegroup = z.looseObject({
  nodegroupName: z.string(),
  clusterName: z.string(),
  scalingConfig: z
    .looseObject({
      minSize: z.number().int().optional(),
      maxSize: z.number().int().optional(),
      desiredSize: z.number().int().optional(),
    })
    .optional(),
  instanceTypes: z.array(z.string()).nullable().optional(),
  amiType: z.string().optional(),
  subnets: z.array(z.string()).default([]),
  diskSize: z.number().int().nullable().optional(),
  capacityType: z.string().optional(),
  resources: z
    .looseObject({ autoScalingGroups: z.array(z.looseObject({ name: z.string().optional() })).default([]) })
    .optional(),
});
const AwsEksFargateProfile = z.looseObject({
  fargateProfileName: z.string(),
  clusterName: z.string(),
  subnets: z.array(z.string()).default([]),
  selectors: z.array(z.looseObject({ namespace: z.string().optional() })).default([]),
});

export const EKS_AWS_KEYS = {
  cluster: AwsEksCluster,
  nodegroup: AwsEksNodegroup,
  fargateProfile: AwsEksFargateProfile,
} as const;

/** The keys whose value is one record, not a list. */
export const SINGLE_RECORD_KEYS: ReadonlySet<string> = new Set(Object.keys(EKS_AWS_KEYS));

type EksData = { [K in keyof typeof EKS_AWS_KEYS]: z.infer<(typeof EKS_AWS_KEYS)[K]>[] };

export interface EksImportHooks {
  data: EksData & {
    AutoScalingGroups: Array<{ AutoScalingGroupName: string; Instances?: Array<{ InstanceId: string }> }>;
  };
  design: Design;
  add(resource: Resource): void;
  known(id: string | undefined): id is string;
  regionIdOfVpc(vpcId: string | undefined): string;
  notes: string[];
}

const safe = (text: string) => text.replace(/[^A-Za-z0-9-]/g, '-');
export const eksClusterIdOf = (name: string) => `eks-${safe(name)}`;

/**
 * EKS clusters, their managed node groups and Fargate profiles. A node group's
 * Auto Scaling group (listed by `describe-auto-scaling-groups` too) is not
 * imported as a group of its own: the node group is run as it, and the
 * instances it lists become its nodes (`autoScalingGroupId`), so the
 * simulation counts them rather than launching more. Call before the Auto
 * Scaling import, which then no longer sees those groups.
 */
export function importEks({ data, design, add, known, regionIdOfVpc, notes }: EksImportHooks): void {
  const clusters = new Map<string, EksCluster>();
  for (const record of unique(data.cluster, (c) => c.name)) {
    const subnets = (record.resourcesVpcConfig?.subnetIds ?? []).filter((s) => known(s));
    const vpcId =
      record.resourcesVpcConfig?.vpcId ??
      subnets
        .map((s) => (Object.hasOwn(design.resources, s) ? design.resources[s] : undefined))
        .find((s) => s?.kind === 'subnet')?.vpcId;
    const cluster: EksCluster = {
      kind: 'eksCluster',
      id: eksClusterIdOf(record.name) as never,
      name: record.name,
      regionId: regionIdOfVpc(vpcId) as never,
      kubernetesVersion: record.version ?? '1.34',
      upgradePolicy: record.upgradePolicy?.supportType === 'EXTENDED' ? 'EXTENDED' : 'STANDARD',
      subnetIds: subnets as never[],
      fargateProfiles: [],
      deployments: [],
    };
    clusters.set(record.name, cluster);
  }
  for (const profile of unique(data.fargateProfile, (p) => `${p.clusterName}/${p.fargateProfileName}`)) {
    const cluster = clusters.get(profile.clusterName);
    if (!cluster) {
      notes.push(
        `Fargate profile ${profile.fargateProfileName}: its cluster ${profile.clusterName} is not in the files; skipped`,
      );
      continue;
    }
    const namespaces = profile.selectors.flatMap((s) => (s.namespace ? [s.namespace] : []));
    if (profile.selectors.length > 0)
      notes.push(
        `Fargate profile ${profile.fargateProfileName}: selectors are matched by namespace only (labels are not modelled)`,
      );
    cluster.fargateProfiles.push({
      name: profile.fargateProfileName,
      namespaces: namespaces.slice(0, 5),
      subnetIds: profile.subnets.filter((s) => known(s)) as never[],
    });
  }
  for (const cluster of clusters.values()) {
    add(cluster);
    notes.push(
      `EKS cluster ${cluster.name}: Kubernetes objects (deployments, pods) are not in describe-* output; add deployments in the inspector`,
    );
  }
  const nodeGroupOfAsg = new Map<string, string>();
  for (const record of unique(data.nodegroup, (g) => `${g.clusterName}/${g.nodegroupName}`)) {
    const what = `EKS node group ${record.nodegroupName}`;
    const cluster = clusters.get(record.clusterName);
    if (!cluster) {
      notes.push(`${what}: its cluster ${record.clusterName} is not in the files (describe-cluster); skipped`);
      continue;
    }
    const types = record.instanceTypes ?? [];
    if (types.length > 1) notes.push(`${what}: instance types ${types.join(', ')}; Nimbus runs the first, ${types[0]}`);
    if (record.capacityType === 'SPOT') notes.push(`${what}: Spot capacity is billed at on-demand prices`);
    const amiType = findEksAmiType(record.amiType ?? '')
      ? record.amiType!
      : record.amiType?.includes('ARM')
        ? 'AL2023_ARM_64_STANDARD'
        : 'AL2023_x86_64_STANDARD';
    if (record.amiType && amiType !== record.amiType)
      notes.push(`${what}: AMI type ${record.amiType} is shown as ${amiType}, of the same architecture`);
    const bounded = (value: number | undefined, fallback: number) =>
      Math.min(Math.max(value ?? fallback, 0), EKS_MAX_NODES_PER_NODE_GROUP);
    const group: EksNodeGroup = {
      kind: 'eksNodeGroup',
      id: `ng-${safe(record.clusterName)}-${safe(record.nodegroupName)}` as never,
      name: record.nodegroupName,
      clusterId: cluster.id,
      subnetIds: record.subnets.filter((s) => known(s)) as never[],
      instanceType: types[0] ?? 't3.medium',
      amiType,
      minSize: bounded(record.scalingConfig?.minSize, 1),
      desiredSize: bounded(record.scalingConfig?.desiredSize, 2),
      maxSize: bounded(record.scalingConfig?.maxSize, 2),
      diskSizeGiB: Math.min(Math.max(record.diskSize ?? 20, 1), 16_384),
      securityGroupIds: [],
    };
    add(group);
    for (const asg of record.resources?.autoScalingGroups ?? []) if (asg.name) nodeGroupOfAsg.set(asg.name, group.id);
  }
  // The node groups' own Auto Scaling groups: their instances become the node group's nodes.
  for (let i = data.AutoScalingGroups.length - 1; i >= 0; i--) {
    const asg = data.AutoScalingGroups[i]!;
    const nodeGroupId = nodeGroupOfAsg.get(asg.AutoScalingGroupName);
    if (!nodeGroupId) continue;
    data.AutoScalingGroups.splice(i, 1);
    for (const member of asg.Instances ?? []) {
      const instance = Object.hasOwn(design.resources, member.InstanceId)
        ? design.resources[member.InstanceId]
        : undefined;
      if (instance?.kind !== 'ec2Instance') continue;
      add({ ...instance, autoScalingGroupId: nodeGroupAutoScalingId(nodeGroupId) });
      const nodeGroup = design.resources[nodeGroupId];
      // The groups on a node are the cluster security group EKS attaches (and any of a launch template): the
      // node group's nodes launched in the simulation get the same.
      if (nodeGroup?.kind === 'eksNodeGroup' && nodeGroup.securityGroupIds.length === 0)
        add({ ...nodeGroup, securityGroupIds: [...instance.securityGroupIds] });
    }
  }
}
