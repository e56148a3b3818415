import { getResource, resourcesOfKind, SUBNET_PREFIX_RANGE, type Design, type Subnet } from '../../domain';
import { containsCidr, formatIpv4, lastAddress, overlaps, parseCidr, type Cidr } from '../../net';
import { finding, type Finding } from '../findings';
import { vpcCidrs } from '../topology';

export function subnetRules(design: Design): Finding[] {
  const out: Finding[] = [];
  const placed: Array<{ subnet: Subnet; block: Cidr }> = [];
  for (const subnet of resourcesOfKind(design, 'subnet')) {
    const vpc = getResource(design, subnet.vpcId, 'vpc');
    if (!vpc) {
      out.push(
        finding(
          'error',
          'SUBNET_VPC_MISSING',
          subnet.id,
          `${subnet.name} belongs to VPC ${subnet.vpcId}, which does not exist.`,
          'Put the subnet in a VPC.',
        ),
      );
    }
    const az = getResource(design, subnet.azId, 'availabilityZone');
    if (!az) {
      out.push(
        finding(
          'error',
          'SUBNET_AZ_MISSING',
          subnet.id,
          `${subnet.name} is in no Availability Zone; every subnet lives in exactly one.`,
          'Place the subnet inside an Availability Zone.',
        ),
      );
    } else if (vpc && az.regionId !== vpc.regionId) {
      out.push(
        finding(
          'error',
          'SUBNET_AZ_OTHER_REGION',
          subnet.id,
          `${subnet.name} is in ${az.zoneName}, which is not in the VPC's Region; a VPC spans the zones of one Region only.`,
        ),
      );
    }
    const parsed = parseCidr(subnet.cidr);
    if (!parsed.ok) {
      out.push(
        finding('error', 'SUBNET_CIDR_INVALID', subnet.id, `${subnet.name}: the CIDR is not valid: ${parsed.error}.`),
      );
      continue;
    }
    const block = parsed.value;
    if (block.prefix < SUBNET_PREFIX_RANGE.min || block.prefix > SUBNET_PREFIX_RANGE.max) {
      out.push(
        finding(
          'error',
          'SUBNET_CIDR_PREFIX',
          subnet.id,
          `${subnet.name}: ${block.text} is a /${block.prefix}; a subnet must be between /${SUBNET_PREFIX_RANGE.min} and /${SUBNET_PREFIX_RANGE.max}.`,
        ),
      );
    }
    if (vpc) {
      const ranges = vpcCidrs(vpc);
      if (ranges.length > 0 && !ranges.some((range) => containsCidr(range, block))) {
        out.push(
          finding(
            'error',
            'SUBNET_OUTSIDE_VPC',
            subnet.id,
            `${subnet.name}: ${block.text} is not inside ${vpc.name} (${ranges.map((r) => r.text).join(', ')}); a subnet's block must come from one of its VPC's CIDRs.`,
          ),
        );
      }
    }
    placed.push({ subnet, block });
  }
  overlapFindings(placed, out);
  return out;
}

/** Sweep over subnets sorted by address: each is compared only with the ones that start inside it. */
function overlapFindings(placed: Array<{ subnet: Subnet; block: Cidr }>, out: Finding[]): void {
  const sorted = [...placed].sort((a, b) => a.block.network - b.block.network || a.block.prefix - b.block.prefix);
  for (let i = 0; i < sorted.length; i++) {
    const first = sorted[i]!;
    const end = lastAddress(first.block);
    for (let j = i + 1; j < sorted.length && sorted[j]!.block.network <= end; j++) {
      const second = sorted[j]!;
      if (second.subnet.vpcId !== first.subnet.vpcId || !overlaps(first.block, second.block)) continue;
      // Name the later one in the design first: that is usually the one just edited.
      const [edited, other] = placed.indexOf(first) > placed.indexOf(second) ? [first, second] : [second, first];
      const to = Math.min(end, lastAddress(second.block));
      const message = `${edited.subnet.name} (${edited.block.text}) overlaps ${other.subnet.name} (${other.block.text}) at ${formatIpv4(second.block.network)}–${formatIpv4(to)}; subnets of one VPC can't share addresses.`;
      for (const { subnet } of [edited, other])
        out.push(
          finding('error', 'SUBNET_OVERLAP', subnet.id, message, 'Give one of them a block that does not overlap.'),
        );
    }
  }
}
