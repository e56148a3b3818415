import { resourceById } from '../lookup';
import { requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';

export const ecsClusterKind: KindSpec<'ecsCluster'> = {
  kind: 'ecsCluster',
  idPrefix: 'ecs',
  label: 'an ECS cluster',
  containers: ['region'],
  isContainer: true,
  containerOf: (design, cluster) => resourceById(design, cluster.regionId),
  references: [requiredRef('regionId', ['region'], 'keep')],
  create: ({ region, ids }) =>
    region
      ? created({ kind: 'ecsCluster', id: ids.next('ecsCluster'), name: 'ECS cluster', regionId: region.id })
      : refusedDrop('Drop the cluster inside a Region.'),
  duplicate: false,
};

export type { EcsCluster } from './ecsCluster.schema';
