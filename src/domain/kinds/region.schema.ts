import { z } from 'zod';
import { RegionIdSchema } from '../ids.schema';
import { NameSchema } from '../common.schema';

export const RegionSchema = z.object({
  kind: z.literal('region'),
  id: RegionIdSchema,
  name: NameSchema,
  /** AWS Region code, e.g. `us-east-1`. */
  code: z.string(),
});
export type Region = z.infer<typeof RegionSchema>;
