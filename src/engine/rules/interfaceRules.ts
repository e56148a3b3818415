import { getResource, MAX_SECURITY_GROUPS_PER_INTERFACE, resourcesOfKind, type Design } from '../../domain';
import { finding, type Finding } from '../findings';

interface NetworkInterfaceView {
  ownerId: string;
  ownerName: string;
  subnetIds: readonly string[];
  securityGroupIds: readonly string[];
  /** False when the address rules already say the owner is in no subnet (instances), so it is said once. */
  reportsMissingSubnet: boolean;
}

/** Everything that puts an elastic network interface in a subnet and so carries security groups. */
function interfaces(design: Design): NetworkInterfaceView[] {
  const list: NetworkInterfaceView[] = [];
  for (const instance of resourcesOfKind(design, 'ec2Instance')) {
    if (instance.state === 'terminated') continue;
    list.push({
      ownerId: instance.id,
      ownerName: instance.name,
      subnetIds: [instance.subnetId],
      securityGroupIds: instance.securityGroupIds,
      reportsMissingSubnet: false,
    });
  }
  for (const fn of resourcesOfKind(design, 'lambdaFunction')) {
    if (fn.vpcConfig) list.push({ ownerId: fn.id, ownerName: fn.name, ...fn.vpcConfig, reportsMissingSubnet: true });
  }
  for (const service of resourcesOfKind(design, 'ecsService')) {
    if (service.subnetIds.length > 0)
      list.push({
        ownerId: service.id,
        ownerName: service.name,
        subnetIds: service.subnetIds,
        securityGroupIds: service.securityGroupIds,
        reportsMissingSubnet: true,
      });
  }
  return list;
}

/**
 * Every interface has 1 to 5 security groups of its own VPC.
 * Source: Amazon VPC User Guide, "Security groups" and "Amazon VPC quotas".
 */
export function interfaceRules(design: Design): Finding[] {
  const out: Finding[] = [];
  for (const eni of interfaces(design)) {
    const count = eni.securityGroupIds.length;
    if (count === 0) {
      out.push(
        finding(
          'error',
          'INTERFACE_NO_SECURITY_GROUP',
          eni.ownerId,
          `${eni.ownerName} has no security group; every network interface needs at least one.`,
          'Add a security group (the VPC\u2019s default group will do).',
        ),
      );
    } else if (count > MAX_SECURITY_GROUPS_PER_INTERFACE) {
      out.push(
        finding(
          'error',
          'INTERFACE_TOO_MANY_SECURITY_GROUPS',
          eni.ownerId,
          `${eni.ownerName} has ${count} security groups; an interface can have at most ${MAX_SECURITY_GROUPS_PER_INTERFACE}.`,
        ),
      );
    }
    const vpcIds = new Set(
      eni.subnetIds.map((id) => getResource(design, id, 'subnet')?.vpcId).filter((id) => id !== undefined),
    );
    for (const subnetId of eni.subnetIds) {
      if (eni.reportsMissingSubnet && !getResource(design, subnetId, 'subnet')) {
        out.push(
          finding(
            'error',
            'RESOURCE_SUBNET_MISSING',
            eni.ownerId,
            `${eni.ownerName} uses subnet ${subnetId}, which does not exist.`,
          ),
        );
      }
    }
    for (const groupId of eni.securityGroupIds) {
      const group = getResource(design, groupId, 'securityGroup');
      if (!group) {
        out.push(
          finding(
            'error',
            'SECURITY_GROUP_MISSING',
            eni.ownerId,
            `${eni.ownerName} uses security group ${groupId}, which does not exist.`,
          ),
        );
      } else if (vpcIds.size > 0 && !vpcIds.has(group.vpcId)) {
        out.push(
          finding(
            'error',
            'SECURITY_GROUP_OTHER_VPC',
            eni.ownerId,
            `${eni.ownerName} uses ${group.name}, a security group of another VPC; groups only apply inside their own VPC.`,
          ),
        );
      }
    }
  }
  return out;
}
