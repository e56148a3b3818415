import { z } from 'zod';
import { AzIdSchema, EbsVolumeIdSchema, InstanceIdSchema } from '../ids.schema';
import { atMost } from '../common';
import { NameSchema } from '../common.schema';
import { EBS_MAX_SIZE_GIB } from './ebsVolume';

export const EbsVolumeTypeSchema = z.enum(['gp3', 'gp2', 'io2', 'st1', 'sc1']);
export type EbsVolumeType = z.infer<typeof EbsVolumeTypeSchema>;

export const EbsVolumeSchema = z.object({
  kind: z.literal('ebsVolume'),
  id: EbsVolumeIdSchema,
  name: NameSchema,
  /** A volume lives in one Availability Zone and attaches only to instances there. */
  availabilityZoneId: AzIdSchema,
  volumeType: EbsVolumeTypeSchema.default('gp3'),
  sizeGiB: z
    .number()
    .int()
    .min(1)
    .max(EBS_MAX_SIZE_GIB, atMost(EBS_MAX_SIZE_GIB, 'the largest EBS volume AWS creates (64 TiB)')),
  attachedInstanceId: InstanceIdSchema.nullable().default(null),
  /**
   * Whether terminating the instance deletes the volume. AWS's default is false
   * for a volume attached after launch (true only for the root volume), so an
   * attached data volume outlives its instance and keeps billing (EC2 User
   * Guide, "Preserve data when an instance is terminated").
   */
  deleteOnTermination: z.boolean().default(false),
});
export type EbsVolume = z.infer<typeof EbsVolumeSchema>;
