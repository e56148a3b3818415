import { getResource, type Design, type Subnet } from '../../domain';
import { finding, type Finding } from '../findings';

/** A route table or network ACL: each is associated with subnets of its own VPC, and a subnet has one of each. */
interface SubnetAssociator {
  id: string;
  name: string;
  vpcId: string;
  subnetIds: readonly string[];
}

/** How a kind of association is worded in its findings. */
interface AssociationWording {
  /** What the owner does for a subnet, as in "can't serve subnet-a". */
  verb: string;
  /** The code and message when a subnet is claimed twice. */
  severalCode: string;
  several: (subnet: Subnet) => string;
}

/**
 * Checks one owner's subnet associations. `claimed` maps a subnet to the owner already associated with it,
 * across all owners of the kind, so a second claim is reported on the subnet.
 */
export function subnetAssociationFindings(
  design: Design,
  owner: SubnetAssociator,
  claimed: Map<string, string>,
  wording: AssociationWording,
  out: Finding[],
): void {
  for (const subnetId of owner.subnetIds) {
    const subnet = getResource(design, subnetId, 'subnet');
    if (!subnet) {
      out.push(
        finding(
          'error',
          'ASSOCIATION_SUBNET_MISSING',
          owner.id,
          `${owner.name} is associated with subnet ${subnetId}, which does not exist.`,
        ),
      );
      continue;
    }
    if (subnet.vpcId !== owner.vpcId) {
      out.push(
        finding(
          'error',
          'ASSOCIATION_OTHER_VPC',
          owner.id,
          `${owner.name} can't ${wording.verb} ${subnet.name}: they are in different VPCs.`,
        ),
      );
    }
    if (claimed.has(subnetId)) out.push(finding('error', wording.severalCode, subnetId, wording.several(subnet)));
    claimed.set(subnetId, owner.id);
  }
}
