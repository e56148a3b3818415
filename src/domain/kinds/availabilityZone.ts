import { z } from 'zod';
import { AzIdSchema, RegionIdSchema } from '../ids';
import { NameSchema } from '../common';
import { layoutParent, resourceById } from '../lookup';
import { requiredRef } from './references';
import type { KindSpec } from './spec';

export const AvailabilityZoneSchema = z.object({
  kind: z.literal('availabilityZone'),
  id: AzIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
  /** AWS zone name, e.g. `us-east-1a`. */
  zoneName: z.string(),
});
export type AvailabilityZone = z.infer<typeof AvailabilityZoneSchema>;

export const availabilityZoneKind: KindSpec<'availabilityZone'> = {
  kind: 'availabilityZone',
  idPrefix: 'az',
  label: 'an Availability Zone',
  containers: ['vpc'],
  isContainer: true,
  // A zone is drawn in the VPC the layout puts it in (AWS diagrams repeat the zone per VPC), else in its Region.
  containerOf(design, zone) {
    const placed = layoutParent(design, zone.id);
    return placed?.kind === 'vpc' ? placed : resourceById(design, zone.regionId);
  },
  references: [requiredRef('regionId', ['region'], 'keep')],
  duplicate: false,
};
