import { resourceById, resourcesOfKind } from '../lookup';
import { listRef, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';
import type { DbSubnetGroup } from './dbSubnetGroup.schema';

export const dbSubnetGroupKind: KindSpec<'dbSubnetGroup'> = {
  kind: 'dbSubnetGroup',
  idPrefix: 'dbsubnet',
  label: 'a DB subnet group',
  containers: ['vpc'],
  isContainer: false,
  containerOf: (design, group) => resourceById(design, group.vpcId),
  references: [requiredRef('vpcId', ['vpc'], 'deleteSelf'), listRef('subnetIds', ['subnet'])],
  // One subnet of each zone of the VPC.
  create({ design, vpc, ids }) {
    if (!vpc) return refusedDrop('Drop the DB subnet group inside a VPC.');
    const byZone = new Map<string, DbSubnetGroup['subnetIds'][number]>();
    for (const subnet of resourcesOfKind(design, 'subnet'))
      if (subnet.vpcId === vpc.id && !byZone.has(subnet.azId)) byZone.set(subnet.azId, subnet.id);
    return created({
      kind: 'dbSubnetGroup',
      id: ids.next('dbSubnetGroup'),
      name: 'db-subnets',
      vpcId: vpc.id,
      subnetIds: [...byZone.values()],
    });
  },
  duplicate: false,
};

export type { DbSubnetGroup } from './dbSubnetGroup.schema';
