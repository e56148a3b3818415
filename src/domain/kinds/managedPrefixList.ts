import { z } from 'zod';
import { PrefixListIdSchema, RegionIdSchema } from '../ids';
import { CidrTextSchema, NameSchema } from '../common';
import { resourceById, resourcesOfKind } from '../lookup';
import { requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';

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

export const managedPrefixListKind: KindSpec<'managedPrefixList'> = {
  kind: 'managedPrefixList',
  idPrefix: 'pl',
  label: 'a prefix list',
  containers: ['region'],
  isContainer: false,
  containerOf: (design, list) => resourceById(design, list.regionId),
  references: [requiredRef('regionId', ['region'], 'keep')],
  create({ design, region, ids }) {
    if (!region) return refusedDrop('Drop the prefix list inside a Region.');
    return created({
      kind: 'managedPrefixList',
      id: ids.next('managedPrefixList'),
      name: `Prefix list ${resourcesOfKind(design, 'managedPrefixList').length + 1}`,
      regionId: region.id,
      prefixListName: '',
      ownedBy: 'customer',
      cidrs: [],
      maxEntries: 10,
    });
  },
  duplicate: { reset: (copy) => ({ ...copy, ownedBy: 'customer' }) },
};
