import { z } from 'zod';
import { EcsClusterIdSchema, RegionIdSchema } from '../ids.schema';
import { NameSchema } from '../common.schema';

export const EcsClusterSchema = z.object({
  kind: z.literal('ecsCluster'),
  id: EcsClusterIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
});
export type EcsCluster = z.infer<typeof EcsClusterSchema>;
