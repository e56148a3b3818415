import { layoutParent, resourceById } from '../lookup';
import { requiredRef } from './references';
import type { KindSpec } from './spec';
import { findRegion } from '../catalogs/regions';
import { createAvailabilityZone } from '../factories';
import { resourcesOfKind } from '../lookup';
import { sameId } from '../ids';
import { created, refusedDrop } from './drop';

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
  // The next zone of the Region that this VPC does not span yet.
  create({ design, region, vpc, ids }) {
    if (!region || !vpc) return refusedDrop('Drop the Availability Zone inside a VPC.');
    const zones = findRegion(region.code)?.zones ?? [`${region.code}a`, `${region.code}b`, `${region.code}c`];
    const inVpc = new Set(
      resourcesOfKind(design, 'availabilityZone')
        .filter((z) => sameId(design.layout[z.id]?.parentId, vpc.id))
        .map((z) => z.zoneName),
    );
    const zoneName = zones.find((z) => !inVpc.has(z));
    if (!zoneName) return refusedDrop(`${vpc.name} already spans every zone of ${region.code}.`);
    return created(createAvailabilityZone(ids, region.id, zoneName));
  },
  duplicate: false,
};

export type { AvailabilityZone } from './availabilityZone.schema';
