import { z } from 'zod';
import { EksClusterIdSchema, RegionIdSchema, SubnetIdSchema, type SubnetId } from '../ids';
import { atMost, NameSchema } from '../common';
import { resourceById, resourcesOfKind } from '../lookup';
import type { Design, Resource } from '../design';
import { listIn, listRef, requiredRef } from './references';
import type { KindSpec } from './spec';
import { refusedDrop } from './drop';
import { NodeCountSchema, type EksNodeGroup } from './eksNodeGroup';

/**
 * What files saved before node groups were resources said of a cluster's
 * compute: one summary line. It is still read (and shown in the inspector) so
 * such files open unchanged, but it runs nothing: the cluster's node groups
 * (`eksNodeGroup`) and Fargate profiles do.
 */
export const EksComputeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('nodeGroup'),
    instanceType: z.string(),
    minSize: NodeCountSchema,
    desiredSize: NodeCountSchema,
    maxSize: NodeCountSchema.min(1),
  }),
  z.object({ type: z.literal('fargateProfile'), namespaces: z.array(z.string()) }),
]);

/** Amazon EKS User Guide, "Define which Pods use AWS Fargate when launched": up to 5 selectors per profile. */
export const EKS_MAX_FARGATE_SELECTORS = 5;

/**
 * A Fargate profile: pods created in one of its namespaces run on Fargate, one
 * pod per Fargate node, in the profile's subnets (private ones only). Nimbus
 * matches selectors by namespace; AWS also matches labels. Source: Amazon EKS
 * User Guide, "Define which Pods use AWS Fargate when launched".
 */
export const FargateProfileSchema = z.object({
  name: NameSchema,
  namespaces: z
    .array(z.string().min(1).max(63))
    .max(EKS_MAX_FARGATE_SELECTORS, atMost(EKS_MAX_FARGATE_SELECTORS, 'Amazon EKS: selectors per Fargate profile')),
  subnetIds: z.array(SubnetIdSchema).default([]),
});
export type FargateProfile = z.infer<typeof FargateProfileSchema>;

/** Nimbus's bound on a deployment's replicas: as many as an ECS service's tasks, counted one pod at a time. */
export const EKS_MAX_REPLICAS = 5000;

/**
 * A Kubernetes Deployment: `replicas` pods, each requesting CPU (millicores)
 * and memory (MiB). The scheduler places a pod only on a node whose
 * allocatable resources still hold its requests; limits don't affect placement.
 *
 * Deployments are a list on the cluster rather than a kind: they are
 * Kubernetes objects in the cluster's API, not AWS resources (no ARN, no
 * subnet, nothing another resource names), and they go when the cluster goes.
 * Fargate profiles are listed beside them for the same reason: a profile only
 * selects which of the cluster's pods run on Fargate.
 */
export const KubernetesDeploymentSchema = z.object({
  name: NameSchema,
  namespace: z.string().min(1).max(63).default('default'),
  replicas: z.number().int().min(0).max(EKS_MAX_REPLICAS, atMost(EKS_MAX_REPLICAS, "Nimbus's largest deployment")),
  cpuMillicores: z.number().int().min(0).max(64_000, atMost(64_000, "Nimbus's largest pod request (64 vCPU)")),
  memoryMiB: z.number().int().min(0).max(524_288, atMost(524_288, "Nimbus's largest pod request (512 GiB)")),
});
export type KubernetesDeployment = z.infer<typeof KubernetesDeploymentSchema>;

export const EksClusterSchema = z.object({
  kind: z.literal('eksCluster'),
  id: EksClusterIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
  kubernetesVersion: z.string().default('1.34'),
  /**
   * EKS API `UpgradePolicyRequest.supportType`: `EXTENDED` lets a version past
   * its 14 months of standard support run 12 months more at the extended
   * support price; `STANDARD` has EKS upgrade it at the end of standard support.
   * AWS's default for a new cluster is `EXTENDED`; a file without the field
   * (saved before Nimbus had it) reads as `STANDARD`, the price it was billed at.
   */
  upgradePolicy: z.enum(['STANDARD', 'EXTENDED']).default('STANDARD'),
  subnetIds: z.array(SubnetIdSchema).default([]),
  fargateProfiles: z
    .array(FargateProfileSchema)
    .max(10, atMost(10, 'Amazon EKS quota "Fargate profiles per cluster"'))
    .default([]),
  deployments: z
    .array(KubernetesDeploymentSchema)
    .max(100, atMost(100, "Nimbus's deployments per cluster"))
    .default([]),
  compute: EksComputeSchema.optional(),
});
export type EksCluster = z.infer<typeof EksClusterSchema>;

/** The Fargate profile whose selectors take a namespace's pods (the first that matches, as profiles are read). */
export function fargateProfileFor(cluster: EksCluster, namespace: string): FargateProfile | undefined {
  return cluster.fargateProfiles.find((p) => p.namespaces.includes(namespace));
}

/** One subnet per zone of the Region, private ones first when asked (Fargate takes private subnets only). */
function subnetsByZone(design: Design, regionId: string, privateOnly: boolean): SubnetId[] {
  const byZone = new Map<string, SubnetId>();
  for (const subnet of resourcesOfKind(design, 'subnet')) {
    const zone = resourceById(design, subnet.azId);
    if (zone?.kind !== 'availabilityZone' || zone.regionId !== regionId) continue;
    if (privateOnly && subnet.mapPublicIpOnLaunch) continue;
    if (!byZone.has(subnet.azId)) byZone.set(subnet.azId, subnet.id);
  }
  return [...byZone.values()];
}

export const eksClusterKind: KindSpec<'eksCluster'> = {
  kind: 'eksCluster',
  idPrefix: 'eks',
  label: 'an EKS cluster',
  containers: ['region'],
  isContainer: false,
  containerOf: (design, cluster) => resourceById(design, cluster.regionId),
  references: [
    requiredRef('regionId', ['region'], 'keep'),
    listRef('subnetIds', ['subnet']),
    listIn(
      'fargateProfiles.subnetIds',
      ['subnet'],
      (c) => c.fargateProfiles.flatMap((p) => p.subnetIds),
      (c, kept) => ({
        ...c,
        fargateProfiles: c.fargateProfiles.map((p) => ({
          ...p,
          subnetIds: p.subnetIds.filter((id) => kept.includes(id)),
        })),
      }),
    ),
  ],
  // The cluster in one subnet per zone, with a managed node group of two t3.medium nodes (1 to 4) there, or
  // a Fargate profile for the default namespace in the private subnets; a 2-replica deployment either way.
  create({ design, region, ids, variant }) {
    if (!region) return refusedDrop('Drop the cluster inside a Region.');
    const subnetIds = subnetsByZone(design, region.id, false);
    const cluster: EksCluster = {
      kind: 'eksCluster',
      id: ids.next('eksCluster'),
      name: 'EKS cluster',
      regionId: region.id,
      kubernetesVersion: '1.34',
      upgradePolicy: 'STANDARD',
      subnetIds,
      fargateProfiles:
        variant === 'fargateProfile'
          ? [{ name: 'default', namespaces: ['default'], subnetIds: subnetsByZone(design, region.id, true) }]
          : [],
      deployments: [{ name: 'web', namespace: 'default', replicas: 2, cpuMillicores: 250, memoryMiB: 512 }],
    };
    const resources: Resource[] = [cluster];
    if (variant !== 'fargateProfile') {
      const nodes: EksNodeGroup = {
        kind: 'eksNodeGroup',
        id: ids.next('eksNodeGroup'),
        name: 'nodes',
        clusterId: cluster.id,
        subnetIds,
        instanceType: 't3.medium',
        amiType: 'AL2023_x86_64_STANDARD',
        minSize: 1,
        desiredSize: 2,
        maxSize: 4,
        diskSizeGiB: 20,
        securityGroupIds: [],
      };
      resources.push(nodes);
    }
    return { ok: true, resources, primaryId: cluster.id };
  },
  duplicate: { reset: (copy) => copy },
};
