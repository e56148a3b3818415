import type { AutoScalingGroup, Ec2Instance, LaunchTemplate, Subnet } from '../domain';

/** Capacity as AWS holds it: desired inside [min, max] (validation reports a design that is not). */
export function clampedCapacity(minSize: number, desired: number, maxSize: number) {
  const max = Math.max(minSize, maxSize);
  return { minSize, maxSize: max, desired: Math.min(max, Math.max(minSize, desired)) };
}

/** A deterministic instance id: `i-` and 17 hex digits from the group's id and the launch's number. */
export function groupInstanceId(groupId: string, launch: number): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < groupId.length; i++) hash = Math.imul(hash ^ groupId.charCodeAt(i), 0x01000193) >>> 0;
  return `i-0${hash.toString(16).padStart(8, '0')}${launch.toString(16).padStart(8, '0')}`;
}

/**
 * The instance a group launches, as an ordinary `ec2Instance`: AMI, type,
 * security groups, public IP and Name from the launch template (the Name
 * numbered by launch), in the given subnet and address, tagged with its group.
 */
export function groupInstance(
  group: AutoScalingGroup,
  template: LaunchTemplate,
  at: { id: string; launch: number; subnet: Subnet; privateIp: string },
): Ec2Instance {
  return {
    kind: 'ec2Instance',
    id: at.id as Ec2Instance['id'],
    name: `${template.instanceName}-${at.launch}`,
    subnetId: at.subnet.id,
    amiId: template.amiId,
    instanceType: template.instanceType,
    privateIp: at.privateIp,
    publicIp: template.associatePublicIp,
    publicIpAddress: null,
    elasticIpId: null,
    securityGroupIds: [...template.securityGroupIds],
    hibernationEnabled: false,
    terminationProtection: false,
    // EC2 launches it (pending, then running) whatever this says; `running` is what the design reads once it
    // runs, so planning over the live states finds nothing to change and keeps its lookup caches.
    state: 'running',
    autoScalingGroupId: group.id,
  };
}
