import { DB_DEFAULT_PORT } from '../catalogs/rds';
import { getResource, resourceById } from '../lookup';
import { listRef, optionalRef, reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';
import type { DbInstance } from './dbInstance.schema';

export const dbInstanceKind: KindSpec<'dbInstance'> = {
  kind: 'dbInstance',
  idPrefix: 'db',
  label: 'an RDS DB instance',
  containers: ['subnet'],
  isContainer: false,
  containerOf: (design, db) => resourceById(design, db.subnetId),
  references: [
    reportedAs('DB_SUBNET_GROUP_MISSING', requiredRef('dbSubnetGroupId', ['dbSubnetGroup'], 'keep')),
    requiredRef('subnetId', ['subnet'], 'deleteSelf'),
    optionalRef('standbySubnetId', ['subnet']),
    listRef('securityGroupIds', ['securityGroup']),
    reportedAs('DB_REPLICA_SOURCE_MISSING', optionalRef('readReplicaSourceId', ['dbInstance'])),
  ],
  // A Single-AZ MySQL db.t3.micro with 20 GiB gp3 in the subnet it is dropped in, in the VPC's first DB subnet group.
  create({ design, container, ids, proposePrivateIp }) {
    if (container?.kind !== 'subnet') return refusedDrop('Drop the DB instance inside a subnet.');
    const group = Object.values(design.resources).find(
      (r) => r.kind === 'dbSubnetGroup' && r.vpcId === container.vpcId && r.subnetIds.includes(container.id),
    );
    if (!group || group.kind !== 'dbSubnetGroup')
      return refusedDrop(`Add a DB subnet group holding ${container.name} to the VPC first.`);
    const address = proposePrivateIp(container);
    if (!address) return refusedDrop(`${container.name} has no free address (or its CIDR is not valid).`);
    return created({
      kind: 'dbInstance',
      id: ids.next('dbInstance'),
      name: 'app-db',
      engine: 'mysql',
      instanceClass: 'db.t3.micro',
      allocatedStorageGb: 20,
      storageType: 'gp3',
      port: DB_DEFAULT_PORT.mysql,
      dbSubnetGroupId: group.id,
      securityGroupIds: [],
      multiAz: false,
      subnetId: container.id,
      privateIp: address,
      standbySubnetId: null,
      standbyPrivateIp: null,
      readReplicaSourceId: null,
    });
  },
  duplicate: false,
};

/** The subnet group of a DB instance, if it exists. */
export const dbSubnetGroupOf = (design: Parameters<typeof getResource>[0], db: DbInstance) =>
  getResource(design, db.dbSubnetGroupId, 'dbSubnetGroup');

export type { DbInstance } from './dbInstance.schema';
