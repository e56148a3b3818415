import { getResource, resourcesOfKind, type Design } from '../../domain';
import { containsAddress, isReservedAddress, parseCidr, parseIpv4 } from '../../net';

/** Inline checks shared by editors. */
export function privateIpError(
  design: Design,
  instance: { id: string; subnetId: string; privateIp: string },
): string | null {
  const address = parseIpv4(instance.privateIp);
  if (!address.ok) return address.error;
  const subnet = getResource(design, instance.subnetId, 'subnet');
  const block = subnet ? parseCidr(subnet.cidr) : null;
  if (!subnet || !block?.ok) return null;
  if (!containsAddress(block.value, address.value)) return `Not inside ${subnet.name} (${block.value.text}).`;
  if (isReservedAddress(block.value, address.value))
    return 'AWS reserves this address (the first four and the last of a subnet).';
  const twin = [...resourcesOfKind(design, 'ec2Instance'), ...resourcesOfKind(design, 'natGateway')].find(
    (r) => r.id !== instance.id && r.privateIp === instance.privateIp,
  );
  return twin ? `${twin.name} already uses this address.` : null;
}
