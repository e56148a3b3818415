import { z } from 'zod';
import { RegionIdSchema, VpcIdSchema } from '../ids.schema';
import { CidrTextSchema, NameSchema } from '../common.schema';

export const VpcSchema = z.object({
  kind: z.literal('vpc'),
  id: VpcIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
  cidr: CidrTextSchema,
  secondaryCidrs: z.array(CidrTextSchema).default([]),
});
export type Vpc = z.infer<typeof VpcSchema>;
