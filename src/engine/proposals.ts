import { resourcesOfKind, type Design, type Subnet, type Vpc } from '../domain';
import { allocatePrivateIp, cidr, formatIpv4, nextFreeBlock, overlaps, parseCidr, parseIpv4, type Cidr } from '../net';
import { vpcCidrs } from './topology';
import { addressHolders } from './rules/addressRules';

/** Proposals for new resources: the first free block or address, so a drop gives a valid design. */

/** A /16 in 10.0.0.0/8 that no other VPC of the design uses (10.0.0.0/16, 10.1.0.0/16, …). */
export function proposeVpcCidr(design: Design): string {
  const taken = resourcesOfKind(design, 'vpc').flatMap(vpcCidrs);
  return (nextFreeBlock([cidr('10.0.0.0/8')], taken, 16) ?? cidr('172.16.0.0/16')).text;
}

/** The first free /24 of the VPC, else the largest smaller block that fits (down to /28). */
export function proposeSubnetCidr(design: Design, vpc: Vpc, excludeSubnetId?: string): string | null {
  const taken = resourcesOfKind(design, 'subnet')
    .filter((s) => s.vpcId === vpc.id && s.id !== excludeSubnetId)
    .flatMap((s) => {
      const parsed = parseCidr(s.cidr);
      return parsed.ok ? [parsed.value] : [];
    });
  const ranges = vpcCidrs(vpc);
  const preferred = Math.max(24, ...ranges.map((r) => r.prefix));
  for (let prefix = preferred; prefix <= 28; prefix++) {
    const block = nextFreeBlock(ranges, taken, prefix);
    if (block) return block.text;
  }
  return null;
}

/** Addresses already held in the subnet's VPC (instances, NAT gateways, DB instances, load balancer nodes). */
function takenAddresses(design: Design, except?: string): Set<number> {
  const taken = new Set<number>();
  for (const holder of [...resourcesOfKind(design, 'ec2Instance'), ...addressHolders(design)]) {
    if (holder.id === except) continue;
    const parsed = parseIpv4(holder.privateIp);
    if (parsed.ok) taken.add(parsed.value);
  }
  return taken;
}

/** The lowest free usable address of the subnet, or null when the subnet is full or its CIDR is invalid. */
export function proposePrivateIp(design: Design, subnet: Subnet, exceptHolderId?: string): string | null {
  const block = parseCidr(subnet.cidr);
  if (!block.ok) return null;
  const address = allocatePrivateIp(block.value, takenAddresses(design, exceptHolderId));
  return address === null ? null : formatIpv4(address);
}

/** Whether a CIDR typed for a subnet clashes with a sibling; used for inline checks in the inspector. */
export function subnetCidrClash(design: Design, subnet: Subnet, block: Cidr): Subnet | undefined {
  return resourcesOfKind(design, 'subnet').find((other) => {
    if (other.id === subnet.id || other.vpcId !== subnet.vpcId) return false;
    const parsed = parseCidr(other.cidr);
    return parsed.ok && overlaps(parsed.value, block);
  });
}
