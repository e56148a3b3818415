import { z } from 'zod';
import { DbSubnetGroupIdSchema, SubnetIdSchema, VpcIdSchema } from '../ids.schema';
import { NameSchema } from '../common.schema';

/**
 * A DB subnet group: the subnets of one VPC an RDS DB instance and its standby
 * may use. RDS refuses a group that covers fewer than two Availability Zones
 * (`DBSubnetGroupDoesNotCoverEnoughAZs`; validation reports it). Source:
 * Amazon RDS User Guide, "Working with a DB instance in a VPC".
 */
export const DbSubnetGroupSchema = z.object({
  kind: z.literal('dbSubnetGroup'),
  id: DbSubnetGroupIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema,
  subnetIds: z.array(SubnetIdSchema).default([]),
});
export type DbSubnetGroup = z.infer<typeof DbSubnetGroupSchema>;
