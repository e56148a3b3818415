import {
  getResource,
  MAX_NACL_RULES_PER_DIRECTION,
  MAX_SG_RULES_PER_DIRECTION,
  MAX_SG_RULES_PER_DIRECTION_RAISED,
  NACL_MAX_RULE_NUMBER,
  NACL_MIN_RULE_NUMBER,
  resourcesOfKind,
  type Design,
  type NaclRule,
  type PortRange,
  type Protocol,
  type SgRule,
} from '../../domain';
import { parseCidr } from '../../net';
import { finding, type Finding } from '../findings';
import { subnetAssociationFindings } from './subnetAssociations';

type Direction = 'inbound' | 'outbound';

function portProblem(protocol: Protocol, ports: PortRange): string | null {
  if ((protocol === 'tcp' || protocol === 'udp') && ports === null)
    return `a ${protocol.toUpperCase()} rule needs a port range`;
  if (ports && ports.from > ports.to) return `the port range ${ports.from}-${ports.to} runs backwards`;
  return null;
}

function naclDirection(
  aclId: string,
  aclName: string,
  direction: Direction,
  rules: readonly NaclRule[],
  out: Finding[],
): void {
  const numbers = new Set<number>();
  for (const rule of rules) {
    const label = `${aclName} ${direction} rule ${rule.ruleNumber}`;
    if (rule.ruleNumber < NACL_MIN_RULE_NUMBER || rule.ruleNumber > NACL_MAX_RULE_NUMBER) {
      out.push(
        finding(
          'error',
          'NACL_RULE_NUMBER_RANGE',
          aclId,
          `${label}: rule numbers run from ${NACL_MIN_RULE_NUMBER} to ${NACL_MAX_RULE_NUMBER} (the final * rule is AWS's own).`,
        ),
      );
    }
    if (numbers.has(rule.ruleNumber)) {
      out.push(
        finding(
          'error',
          'NACL_RULE_NUMBER_DUPLICATE',
          aclId,
          `${aclName} has two ${direction} rules numbered ${rule.ruleNumber}; each number is used once per direction.`,
          'Renumber one of them (leave gaps of 10 or 100 to insert rules later).',
        ),
      );
    }
    numbers.add(rule.ruleNumber);
    const cidr = parseCidr(rule.cidr);
    if (!cidr.ok) out.push(finding('error', 'NACL_RULE_CIDR_INVALID', aclId, `${label}: ${cidr.error}.`));
    const ports = portProblem(rule.protocol, rule.ports);
    if (ports) out.push(finding('error', 'RULE_PORTS_INVALID', aclId, `${label}: ${ports}.`));
  }
  // The `*` rule counts towards the quota (aws-semantics: "Network ACLs").
  if (rules.length + 1 > MAX_NACL_RULES_PER_DIRECTION) {
    out.push(
      finding(
        'error',
        'NACL_RULE_QUOTA',
        aclId,
        `${aclName} has ${rules.length} ${direction} rules plus the * rule; the default quota is ${MAX_NACL_RULES_PER_DIRECTION} per direction, * included.`,
      ),
    );
  }
}

function sgDirection(
  design: Design,
  groupId: string,
  groupName: string,
  vpcId: string,
  direction: Direction,
  rules: readonly SgRule[],
  out: Finding[],
): void {
  rules.forEach((rule, index) => {
    const label = `${groupName} ${direction} rule ${index + 1}`;
    if (rule.peer.type === 'cidr') {
      const cidr = parseCidr(rule.peer.cidr);
      if (!cidr.ok) out.push(finding('error', 'SG_RULE_CIDR_INVALID', groupId, `${label}: ${cidr.error}.`));
    } else if (rule.peer.type === 'prefixList') {
      if (!getResource(design, rule.peer.prefixListId, 'managedPrefixList'))
        out.push(
          finding(
            'error',
            'SG_RULE_PREFIX_LIST_MISSING',
            groupId,
            `${label} refers to prefix list ${rule.peer.prefixListId}, which does not exist.`,
          ),
        );
    } else {
      const peer = getResource(design, rule.peer.groupId, 'securityGroup');
      if (!peer)
        out.push(
          finding(
            'error',
            'SG_RULE_GROUP_MISSING',
            groupId,
            `${label} refers to security group ${rule.peer.groupId}, which does not exist.`,
          ),
        );
      else if (peer.vpcId !== vpcId)
        out.push(
          finding(
            'error',
            'SG_RULE_GROUP_OTHER_VPC',
            groupId,
            `${label} refers to ${peer.name} in another VPC; without peering, a group can only name groups of its own VPC.`,
          ),
        );
    }
    const ports = portProblem(rule.protocol, rule.ports);
    if (ports) out.push(finding('error', 'RULE_PORTS_INVALID', groupId, `${label}: ${ports}.`));
  });
  if (rules.length > MAX_SG_RULES_PER_DIRECTION_RAISED) {
    out.push(
      finding(
        'error',
        'SG_RULE_QUOTA',
        groupId,
        `${groupName} has ${rules.length.toLocaleString('en-US')} ${direction} rules; AWS allows at most ${MAX_SG_RULES_PER_DIRECTION_RAISED.toLocaleString('en-US')} per direction even with the quota raised (Amazon VPC quotas, "Inbound or outbound rules per security group"), so it would refuse this group. Merge rules into ranges or split the group.`,
      ),
    );
  } else if (rules.length > MAX_SG_RULES_PER_DIRECTION) {
    out.push(
      finding(
        'error',
        'SG_RULE_QUOTA',
        groupId,
        `${groupName} has ${rules.length} ${direction} rules; the default quota is ${MAX_SG_RULES_PER_DIRECTION} per direction.`,
      ),
    );
  }
}

export function ruleListRules(design: Design): Finding[] {
  const out: Finding[] = [];
  const aclOf = new Map<string, string>();
  const acls = resourcesOfKind(design, 'networkAcl');
  for (const vpc of resourcesOfKind(design, 'vpc')) {
    const defaults = acls.filter((acl) => acl.vpcId === vpc.id && acl.isDefault).length;
    if (defaults !== 1) {
      out.push(
        finding(
          'error',
          'VPC_DEFAULT_NACL_COUNT',
          vpc.id,
          `${vpc.name} has ${defaults} default network ACLs; a VPC has exactly one, which guards every subnet without its own ACL.`,
        ),
      );
    }
  }
  for (const acl of acls) {
    naclDirection(acl.id, acl.name, 'inbound', acl.inbound, out);
    naclDirection(acl.id, acl.name, 'outbound', acl.outbound, out);
    subnetAssociationFindings(
      design,
      acl,
      aclOf,
      {
        verb: 'guard',
        severalCode: 'SUBNET_SEVERAL_NACLS',
        several: (subnet) => `${subnet.name} is associated with two network ACLs; a subnet has exactly one.`,
      },
      out,
    );
  }
  for (const group of resourcesOfKind(design, 'securityGroup')) {
    sgDirection(design, group.id, group.name, group.vpcId, 'inbound', group.inbound, out);
    sgDirection(design, group.id, group.name, group.vpcId, 'outbound', group.outbound, out);
  }
  return out;
}
