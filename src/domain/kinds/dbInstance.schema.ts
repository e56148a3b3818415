import { z } from 'zod';
import { DbInstanceIdSchema, DbSubnetGroupIdSchema, SecurityGroupIdSchema, SubnetIdSchema } from '../ids.schema';
import { atMost } from '../common';
import { Ipv4TextSchema, NameSchema } from '../common.schema';
import { RDS_STORAGE_GIB } from '../catalogs/limits';

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
