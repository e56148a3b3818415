import { getResource, resourcesOfKind, type Design } from '../../domain';
import { containsAddress, isReservedAddress, parseCidr, parseIpv4 } from '../../net';
import { finding, type Finding } from '../findings';

type AddressHolder = { id: string; name: string; subnetId: string; privateIp: string };

/**
 * Resources that hold a private address in a subnet. A DB instance (and its
 * standby) and a load balancer's nodes count once their subnet exists; a
 * missing one is the generic reference rule's to report.
 */
export function addressHolders(design: Design): AddressHolder[] {
  const placed: AddressHolder[] = [];
  for (const db of resourcesOfKind(design, 'dbInstance')) {
    placed.push(db);
    if (db.standbySubnetId && db.standbyPrivateIp)
      placed.push({
        id: db.id,
        name: `${db.name} (standby)`,
        subnetId: db.standbySubnetId,
        privateIp: db.standbyPrivateIp,
      });
  }
  for (const lb of resourcesOfKind(design, 'loadBalancer'))
    for (const m of lb.subnetMappings)
      if (m.privateIp)
        placed.push({ id: lb.id, name: `${lb.name}'s node`, subnetId: m.subnetId, privateIp: m.privateIp });
  return [
    ...resourcesOfKind(design, 'ec2Instance').filter((instance) => instance.state !== 'terminated'),
    ...resourcesOfKind(design, 'natGateway'),
    ...placed.filter((holder) => getResource(design, holder.subnetId, 'subnet')),
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
