import { findAmi } from '../catalogs/amis';
import { findInstanceType } from '../catalogs/instanceTypes';
import { getResource, resourceById } from '../lookup';
import { listRef, optionalRef, reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { createInstance } from '../factories';
import { resourcesOfKind } from '../lookup';
import { created, refusedDrop } from './drop';
import type { InstanceState, Ec2Instance } from './ec2Instance.schema';

/**
 * The range Nimbus draws auto-assigned public IPv4 addresses from: an EC2
 * prefix AWS publishes in https://ip-ranges.amazonaws.com/ip-ranges.json
 * (`{"ip_prefix": "18.216.0.0/14", "region": "us-east-2", "service": "EC2"}`;
 * the file is described in the Amazon VPC User Guide, "AWS IP address
 * ranges"). Nimbus simplifies: every Region draws from this one prefix.
 */
export const AUTO_ASSIGNED_PUBLIC_RANGE = { cidr: '18.216.0.0/14', base: (18 << 24) | (216 << 16), size: 1 << 18 };

/**
 * The `generation`-th auto-assigned public IPv4 of an instance: a hash of its
 * id into `AUTO_ASSIGNED_PUBLIC_RANGE`, so the same design always gets the same
 * addresses (generation 0 when it is drawn, migrated or launched; each start
 * after a stop takes the next generation: AWS gives a new address on start).
 * Addresses ending in .0 or .255 are skipped.
 */
export function autoAssignedPublicIpv4(instanceId: string, generation = 0): string {
  let hash = 0x811c9dc5;
  const text = generation === 0 ? instanceId : `${instanceId}#${generation}`;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  let offset = (hash >>> 0) % AUTO_ASSIGNED_PUBLIC_RANGE.size;
  if ((offset & 0xff) === 0 || (offset & 0xff) === 0xff) offset ^= 0x01;
  const value = (AUTO_ASSIGNED_PUBLIC_RANGE.base + offset) >>> 0;
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}

/** Whether an instance in this state holds its auto-assigned public IPv4 (released on stop and on termination). */
export const holdsPublicIpv4 = (state: InstanceState): boolean => state !== 'stopped' && state !== 'terminated';

/**
 * The auto-assigned public IPv4 of an instance without an Elastic IP: the
 * recorded one, else the one Nimbus draws for it; null when it gets none. A
 * stopped instance keeps the answer, so an analysis can say it is stopped.
 */
export function autoPublicIpv4Of(instance: Ec2Instance): string | null {
  if (!instance.publicIp || instance.elasticIpId !== null) return null;
  return instance.publicIpAddress ?? autoAssignedPublicIpv4(instance.id);
}

/**
 * Why AWS refuses to launch this instance, in its words, or null: an AMI whose
 * architecture doesn't match the instance type's (RunInstances
 * `InvalidParameterValue`, word for word). Windows on a Graviton type is that
 * same case (Windows AMIs are x86_64 only; AWS Graviton Getting Started,
 * "Operating systems"), so AWS's text is the message and Nimbus's advice
 * goes in `hint`.
 */
export function launchRefusal(
  instance: Pick<Ec2Instance, 'amiId' | 'instanceType'>,
): { code: string; message: string; hint?: string } | null {
  const type = findInstanceType(instance.instanceType);
  const ami = findAmi(instance.amiId);
  if (!type || !ami || type.architecture === ami.architecture) return null;
  const message = `The architecture '${type.architecture}' of the specified instance type does not match the architecture '${ami.architecture}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.`;
  return ami.platform === 'windows' && type.architecture === 'arm64'
    ? {
        code: 'InvalidParameterValue',
        message,
        hint: `Windows runs on x86_64 only, and ${type.name} is a Graviton (arm64) type: choose an x86_64 type such as t3 or m7i.`,
      }
    : { code: 'InvalidParameterValue', message };
}

export const ec2InstanceKind: KindSpec<'ec2Instance'> = {
  kind: 'ec2Instance',
  idPrefix: 'i',
  label: 'an instance',
  containers: ['subnet'],
  isContainer: false,
  containerOf: (design, instance) => resourceById(design, instance.subnetId),
  references: [
    reportedAs('RESOURCE_SUBNET_MISSING', requiredRef('subnetId', ['subnet'], 'deleteSelf')),
    reportedAs('ELASTIC_IP_MISSING', optionalRef('elasticIpId', ['elasticIp'])),
    reportedAs('SECURITY_GROUP_MISSING', listRef('securityGroupIds', ['securityGroup'])),
  ],
  // A route may name an instance (a NAT instance or appliance); it forwards while it exists in the table's VPC.
  routeTarget: {
    vpcOf: (design, instance) => getResource(design, instance.subnetId, 'subnet')?.vpcId ?? null,
    blackholeReason(design, table, instance) {
      if (instance.state === 'terminated') return `its target ${instance.name} is terminated`;
      const subnet = getResource(design, instance.subnetId, 'subnet');
      if (!subnet || subnet.vpcId !== table.vpcId) return `its target ${instance.name} is not in this VPC`;
      return null;
    },
  },
  // The subnet's first free address, in the VPC's default security group.
  create({ design, container, ids, proposePrivateIp }) {
    if (container?.kind !== 'subnet') return refusedDrop('Drop it inside a subnet.');
    const address = proposePrivateIp(container);
    if (!address) return refusedDrop(`${container.name} has no free address (or its CIDR is not valid).`);
    const group = resourcesOfKind(design, 'securityGroup').find((g) => g.vpcId === container.vpcId && g.isDefault);
    const count = resourcesOfKind(design, 'ec2Instance').length;
    return created(
      createInstance(ids, {
        subnet: container,
        privateIp: address,
        securityGroupIds: group ? [group.id] : [],
        name: `Instance ${count + 1}`,
      }),
    );
  },
  duplicate: {
    // A copy is a new launch: its own auto-assigned address (drawn from its id), no Elastic IP.
    reset: (copy) => ({ ...copy, elasticIpId: null, publicIpAddress: null }),
    needsAddress: true,
  },
};

export type { InstanceState, Ec2Instance } from './ec2Instance.schema';
