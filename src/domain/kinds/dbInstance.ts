import { z } from 'zod';
import { DbInstanceIdSchema, DbSubnetGroupIdSchema, SecurityGroupIdSchema, SubnetIdSchema } from '../ids';
import { atMost, Ipv4TextSchema, NameSchema } from '../common';
import { RDS_STORAGE_GIB } from '../catalogs/limits';
import { DB_DEFAULT_PORT } from '../catalogs/rds';
import { getResource, resourceById } from '../lookup';
import { listRef, optionalRef, reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';

/**
 * An RDS DB instance (MySQL or PostgreSQL) in a DB subnet group. The primary
 * runs in `subnetId`; with Multi-AZ a synchronous standby runs in
 * `standbySubnetId` (another zone of the group), serves nothing, and takes
 * over when the primary fails: the endpoint's DNS name moves to it in
 * 60-120 s, and connections fail meanwhile. A read replica names its source
 * (`readReplicaSourceId`) and serves reads at its own address. The addresses
 * are the endpoint's as the analysis sees it (AWS resolves the endpoint name
 * to the primary's). Sources: Amazon RDS User Guide, "Multi-AZ DB instance
 * deployments", "Working with DB instance read replicas", `CreateDBInstance`.
 */
export const DbInstanceSchema = z.object({
  kind: z.literal('dbInstance'),
  id: DbInstanceIdSchema,
  name: NameSchema,
  engine: z.enum(['mysql', 'postgres']),
  instanceClass: z.string(),
  allocatedStorageGb: z
    .number()
    .int()
    .min(RDS_STORAGE_GIB.min)
    .max(RDS_STORAGE_GIB.max, atMost(RDS_STORAGE_GIB.max, 'Amazon RDS: allocated storage (gp2, gp3)')),
  storageType: z.enum(['gp2', 'gp3']).default('gp3'),
  port: z.number().int().min(1150).max(65535),
  dbSubnetGroupId: DbSubnetGroupIdSchema,
  securityGroupIds: z.array(SecurityGroupIdSchema).default([]),
  multiAz: z.boolean().default(false),
  subnetId: SubnetIdSchema,
  privateIp: Ipv4TextSchema,
  standbySubnetId: SubnetIdSchema.nullable().default(null),
  standbyPrivateIp: Ipv4TextSchema.nullable().default(null),
  readReplicaSourceId: DbInstanceIdSchema.nullable().default(null),
});
export type DbInstance = z.infer<typeof DbInstanceSchema>;

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
