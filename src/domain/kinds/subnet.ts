import { getResource, layoutParent, resourceById } from '../lookup';
import { reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { createSubnet } from '../factories';
import { resourcesOfKind } from '../lookup';
import { created, refusedDrop } from './drop';

export const subnetKind: KindSpec<'subnet'> = {
  kind: 'subnet',
  idPrefix: 'subnet',
  label: 'a subnet',
  containers: ['availabilityZone'],
  isContainer: true,
  // In its zone when that zone is drawn in the subnet's own VPC; otherwise straight in the VPC.
  containerOf(design, subnet) {
    const zone = getResource(design, subnet.azId, 'availabilityZone');
    return zone && layoutParent(design, zone.id)?.id === subnet.vpcId ? zone : resourceById(design, subnet.vpcId);
  },
  references: [
    reportedAs('SUBNET_VPC_MISSING', requiredRef('vpcId', ['vpc'], 'deleteSelf')),
    reportedAs('SUBNET_AZ_MISSING', requiredRef('azId', ['availabilityZone'], 'keep')),
  ],
  // The next free block of the zone's VPC.
  create({ design, container, ids, proposeSubnetCidr }) {
    const vpc = container?.kind === 'availabilityZone' ? layoutParent(design, container.id) : undefined;
    if (container?.kind !== 'availabilityZone' || vpc?.kind !== 'vpc')
      return refusedDrop('Drop the subnet inside an Availability Zone of a VPC.');
    const block = proposeSubnetCidr(vpc);
    if (!block) return refusedDrop(`${vpc.name} has no free block left for a subnet (/28 at the smallest).`);
    const count = resourcesOfKind(design, 'subnet').filter((s) => s.vpcId === vpc.id).length;
    return created(createSubnet(ids, vpc.id, container.id, block, `Subnet ${count + 1}`));
  },
  duplicate: false,
};

export type { Subnet } from './subnet.schema';
