import {
  resourcesOfKind,
  VPC_MAX_IPV4_CIDRS,
  VPC_MAX_PREFIX,
  VPC_MIN_PREFIX,
  type Design,
  type Vpc,
} from '../../domain';
import { cidr, containsCidr, isRecommendedPrivateRange, overlaps, parseCidr, type Cidr } from '../../net';
import { finding, type Finding } from '../findings';

/**
 * Ranges a secondary CIDR may not come from unless the primary is in the same one.
 * Source: Amazon VPC User Guide, "VPC CIDR blocks" > "IPv4 CIDR block association restrictions".
 */
const ASSOCIATION_FAMILIES: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '198.19.0.0/16'].map(
  cidr,
);

function checkOneCidr(vpc: Vpc, text: string, label: string, out: Finding[]): Cidr | null {
  const parsed = parseCidr(text);
  if (!parsed.ok) {
    out.push(
      finding('error', 'VPC_CIDR_INVALID', vpc.id, `${vpc.name}: the ${label} CIDR is not valid: ${parsed.error}.`),
    );
    return null;
  }
  const block = parsed.value;
  if (block.prefix < VPC_MIN_PREFIX || block.prefix > VPC_MAX_PREFIX) {
    out.push(
      finding(
        'error',
        'VPC_CIDR_PREFIX',
        vpc.id,
        `${vpc.name}: the ${label} CIDR ${block.text} is a /${block.prefix}; a VPC block must be between /${VPC_MIN_PREFIX} (65,536 addresses) and /${VPC_MAX_PREFIX} (16 addresses).`,
        block.prefix < VPC_MIN_PREFIX ? 'Use a /16 or smaller block.' : 'Use a /28 or larger block.',
      ),
    );
  }
  if (!isRecommendedPrivateRange(block)) {
    out.push(
      finding(
        'warning',
        'VPC_CIDR_PUBLIC_RANGE',
        vpc.id,
        `${vpc.name}: ${block.text} is a publicly routable range; AWS recommends 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10, and addresses in it can't reach the real owners of that range.`,
      ),
    );
  }
  return block;
}

export function vpcRules(design: Design): Finding[] {
  const out: Finding[] = [];
  for (const vpc of resourcesOfKind(design, 'vpc')) {
    const primary = checkOneCidr(vpc, vpc.cidr, 'primary', out);
    const count = 1 + vpc.secondaryCidrs.length;
    if (count > VPC_MAX_IPV4_CIDRS) {
      out.push(
        finding(
          'error',
          'VPC_TOO_MANY_CIDRS',
          vpc.id,
          `${vpc.name} has ${count} IPv4 CIDR blocks; a VPC can have at most ${VPC_MAX_IPV4_CIDRS} (one primary and four secondary) by default.`,
        ),
      );
    }
    const accepted: Cidr[] = primary ? [primary] : [];
    const primaryFamily = primary ? ASSOCIATION_FAMILIES.find((family) => containsCidr(family, primary)) : undefined;
    for (const text of vpc.secondaryCidrs) {
      const block = checkOneCidr(vpc, text, 'secondary', out);
      if (!block) continue;
      const clash = accepted.find((other) => overlaps(other, block));
      if (clash) {
        out.push(
          finding(
            'error',
            'VPC_SECONDARY_CIDR_OVERLAP',
            vpc.id,
            `${vpc.name}: the secondary CIDR ${block.text} overlaps ${clash.text}, already in this VPC.`,
          ),
        );
        continue;
      }
      const restricted = ASSOCIATION_FAMILIES.find((family) => family !== primaryFamily && containsCidr(family, block));
      if (primary && restricted) {
        out.push(
          finding(
            'error',
            'VPC_SECONDARY_CIDR_RESTRICTED',
            vpc.id,
            `${vpc.name}: AWS won't add ${block.text} to a VPC whose primary CIDR is ${primary.text}: a secondary block from ${restricted.text} needs a primary in the same range.`,
            `Pick a secondary block from ${primaryFamily ? primaryFamily.text + ' or ' : ''}100.64.0.0/10.`,
          ),
        );
      }
      accepted.push(block);
    }
  }
  return out;
}
