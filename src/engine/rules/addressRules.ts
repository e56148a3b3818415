import { getResource, resourcesOfKind, type Design } from '../../domain';
import { containsAddress, isReservedAddress, parseCidr, parseIpv4 } from '../../net';
import { finding, type Finding } from '../findings';

/** Resources that hold a private address in a subnet. */
function addressHolders(design: Design): Array<{ id: string; name: string; subnetId: string; privateIp: string }> {
  return [
    ...resourcesOfKind(design, 'ec2Instance').filter((instance) => instance.state !== 'terminated'),
    ...resourcesOfKind(design, 'natGateway'),
  ];
}

export function addressRules(design: Design): Finding[] {
  const out: Finding[] = [];
  const owners = new Map<string, { id: string; name: string }>();
  for (const holder of addressHolders(design)) {
    const subnet = getResource(design, holder.subnetId, 'subnet');
    if (!subnet) {
      out.push(
        finding(
          'error',
          'RESOURCE_SUBNET_MISSING',
          holder.id,
          `${holder.name} is in no subnet; it must be placed in one.`,
          'Drag it into a subnet.',
        ),
      );
      continue;
    }
    const address = parseIpv4(holder.privateIp);
    if (!address.ok) {
      out.push(
        finding(
          'error',
          'PRIVATE_IP_INVALID',
          holder.id,
          `${holder.name}: the private IP is not valid: ${address.error}.`,
        ),
      );
      continue;
    }
    const block = parseCidr(subnet.cidr);
    if (block.ok) {
      if (!containsAddress(block.value, address.value)) {
        out.push(
          finding(
            'error',
            'PRIVATE_IP_OUTSIDE_SUBNET',
            holder.id,
            `${holder.name}: ${holder.privateIp} is not inside its subnet ${subnet.name} (${block.value.text}).`,
            'Pick an address from the subnet, or let Nimbus assign one.',
          ),
        );
      } else if (isReservedAddress(block.value, address.value)) {
        out.push(
          finding(
            'error',
            'PRIVATE_IP_RESERVED',
            holder.id,
            `${holder.name}: ${holder.privateIp} is one of the 5 addresses AWS reserves in ${block.value.text} (the first four and the last), so no instance can use it.`,
            'Use an address from the fifth to the second-to-last.',
          ),
        );
      }
    }
    const key = `${subnet.vpcId}/${address.value}`;
    const owner = owners.get(key);
    if (owner) {
      out.push(
        finding(
          'error',
          'PRIVATE_IP_DUPLICATE',
          holder.id,
          `${holder.name} and ${owner.name} both use ${holder.privateIp}; each private address belongs to one interface.`,
        ),
      );
    } else {
      owners.set(key, holder);
    }
  }
  return out;
}
