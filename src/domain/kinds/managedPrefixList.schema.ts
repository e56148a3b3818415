import { z } from 'zod';
import { PrefixListIdSchema, RegionIdSchema } from '../ids.schema';
import { CidrTextSchema, NameSchema } from '../common.schema';

/**
 * A managed prefix list (`pl-`): a named set of CIDRs of one Region, used as a
 * route destination and (in AWS) as a security-group source. AWS-managed lists
 * name a service's ranges (S3, DynamoDB); customer-managed ones have a maximum
 * number of entries fixed at creation (at most 1,000).
 * Source: Amazon VPC User Guide, "Managed prefix lists".
 */
export const ManagedPrefixListSchema = z.object({
  kind: z.literal('managedPrefixList'),
  id: PrefixListIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
  /** AWS's name, e.g. `com.amazonaws.us-east-1.s3`. */
  prefixListName: z.string().default(''),
  ownedBy: z.enum(['aws', 'customer']).default('customer'),
  cidrs: z.array(CidrTextSchema).max(1000).default([]),
  maxEntries: z.number().int().min(1).max(1000).default(10),
});
export type ManagedPrefixList = z.infer<typeof ManagedPrefixListSchema>;
