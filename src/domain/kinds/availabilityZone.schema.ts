import { z } from 'zod';
import { AzIdSchema, RegionIdSchema } from '../ids.schema';
import { NameSchema } from '../common.schema';

export const AvailabilityZoneSchema = z.object({
  kind: z.literal('availabilityZone'),
  id: AzIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
  /** AWS zone name, e.g. `us-east-1a`. */
  zoneName: z.string(),
});
export type AvailabilityZone = z.infer<typeof AvailabilityZoneSchema>;
