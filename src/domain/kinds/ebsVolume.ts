import { resourceById } from '../lookup';
import { optionalRef, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';
import { resourcesOfKind } from '../lookup';
import type { EbsVolumeType } from './ebsVolume.schema';

/** EC2 API `CreateVolume`: 1 to 65,536 GiB for gp3, gp2, io1 and io2; st1 and sc1 start at 125 GiB. */
export const EBS_MAX_SIZE_GIB = 65_536;
/** EC2 API `CreateVolume`: HDD volumes (st1, sc1) start at 125 GiB, io2 at 4, the others at 1. */
export const EBS_MIN_SIZE_GIB: Readonly<Record<EbsVolumeType, number>> = { gp3: 1, gp2: 1, io2: 4, st1: 125, sc1: 125 };

export const ebsVolumeKind: KindSpec<'ebsVolume'> = {
  kind: 'ebsVolume',
  idPrefix: 'vol',
  label: 'an EBS volume',
  containers: ['availabilityZone'],
  isContainer: false,
  containerOf: (design, volume) => resourceById(design, volume.availabilityZoneId),
  references: [
    requiredRef('availabilityZoneId', ['availabilityZone'], 'deleteSelf'),
    // Deleting an instance from the design leaves its data volume, detached, as terminating it would.
    optionalRef('attachedInstanceId', ['ec2Instance'], 'clear'),
  ],
  // A 20 GiB gp3 volume, detached, in the zone it is dropped in.
  create({ design, container, ids }) {
    if (container?.kind !== 'availabilityZone') return refusedDrop('Drop the volume inside an Availability Zone.');
    const count = resourcesOfKind(design, 'ebsVolume').length;
    return created({
      kind: 'ebsVolume',
      id: ids.next('ebsVolume'),
      name: `Volume ${count + 1}`,
      availabilityZoneId: container.id,
      volumeType: 'gp3',
      sizeGiB: 20,
      attachedInstanceId: null,
      deleteOnTermination: false,
    });
  },
  duplicate: { reset: (copy) => ({ ...copy, attachedInstanceId: null }) },
};

export type { EbsVolumeType, EbsVolume } from './ebsVolume.schema';
