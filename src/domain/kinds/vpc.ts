import { z } from 'zod';
import { RegionIdSchema, VpcIdSchema } from '../ids';
import { CidrTextSchema, NameSchema } from '../common';
import { resourceById } from '../lookup';
import { requiredRef } from './references';
import type { KindSpec } from './spec';

export const VpcSchema = z.object({
  kind: z.literal('vpc'),
  id: VpcIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
  cidr: CidrTextSchema,
  secondaryCidrs: z.array(CidrTextSchema).default([]),
});
export type Vpc = z.infer<typeof VpcSchema>;

export const vpcKind: KindSpec<'vpc'> = {
  kind: 'vpc',
  idPrefix: 'vpc',
  label: 'a VPC',
  containers: ['region'],
  isContainer: true,
  containerOf: (design, vpc) => resourceById(design, vpc.regionId),
  references: [requiredRef('regionId', ['region'], 'keep')],
  duplicate: false,
};
