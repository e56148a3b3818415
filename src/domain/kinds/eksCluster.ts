import { z } from 'zod';
import { EksClusterIdSchema, RegionIdSchema, SubnetIdSchema } from '../ids';
import { atMost, NameSchema } from '../common';
import { EKS_MAX_NODES_PER_NODE_GROUP } from '../catalogs/limits';

const NodeCountSchema = z
  .number()
  .int()
  .min(0)
  .max(
    EKS_MAX_NODES_PER_NODE_GROUP,
    atMost(
      EKS_MAX_NODES_PER_NODE_GROUP,
      'Nimbus\'s bound for the Amazon EKS quota "Nodes per managed node group", 450 by default and raised on request',
    ),
  );
import { resourceById } from '../lookup';
import { listRef, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';

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

export const EksClusterSchema = z.object({
  kind: z.literal('eksCluster'),
  id: EksClusterIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
  kubernetesVersion: z.string().default('1.33'),
  subnetIds: z.array(SubnetIdSchema).default([]),
  compute: EksComputeSchema,
});
export type EksCluster = z.infer<typeof EksClusterSchema>;

export const eksClusterKind: KindSpec<'eksCluster'> = {
  kind: 'eksCluster',
  idPrefix: 'eks',
  label: 'an EKS cluster',
  containers: ['region'],
  isContainer: false,
  containerOf: (design, cluster) => resourceById(design, cluster.regionId),
  references: [requiredRef('regionId', ['region'], 'keep'), listRef('subnetIds', ['subnet'])],
  // A managed node group of two t3.medium nodes (1 to 4), or a Fargate profile for the default namespace.
  create({ region, ids, variant }) {
    if (!region) return refusedDrop('Drop the cluster inside a Region.');
    return created({
      kind: 'eksCluster',
      id: ids.next('eksCluster'),
      name: 'EKS cluster',
      regionId: region.id,
      kubernetesVersion: '1.33',
      subnetIds: [],
      compute:
        variant === 'fargateProfile'
          ? { type: 'fargateProfile', namespaces: ['default'] }
          : { type: 'nodeGroup', instanceType: 't3.medium', minSize: 1, desiredSize: 2, maxSize: 4 },
    });
  },
  duplicate: { reset: (copy) => copy },
};
