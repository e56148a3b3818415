import { type SubnetId } from '../ids';
import { resourceById, resourcesOfKind } from '../lookup';
import type { Design, Resource } from '../design';
import { listIn, listRef, requiredRef } from './references';
import type { KindSpec } from './spec';
import { refusedDrop } from './drop';
import { type EksNodeGroup } from './eksNodeGroup';
import type { FargateProfile, EksCluster } from './eksCluster.schema';

/** Amazon EKS User Guide, "Define which Pods use AWS Fargate when launched": up to 5 selectors per profile. */
export const EKS_MAX_FARGATE_SELECTORS = 5;

/** Nimbus's bound on a deployment's replicas: as many as an ECS service's tasks, counted one pod at a time. */
export const EKS_MAX_REPLICAS = 5000;

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

export type { FargateProfile, KubernetesDeployment, EksCluster } from './eksCluster.schema';
