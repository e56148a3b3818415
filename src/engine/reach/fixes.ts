import { produce, type Draft } from 'immer';
import {
  getResource,
  hasPorts,
  protocolLabel,
  MAX_NACL_RULES_PER_DIRECTION,
  NACL_MAX_RULE_NUMBER,
  type Design,
  type NetworkAcl,
  type SecurityGroup,
} from '../../domain';
import { formatIpv4 } from '../../net';
import { authorizationFix } from './clientVpn';
import type { Endpoint } from './endpoints';
import type { ReachQuery, ReachResult } from './reachability';

/**
 * A one-click fix for a blocked path, only where the fix is unambiguous: a
 * security group that lacks an allow rule, or an ACL whose `*` rule denies.
 * An explicit deny rule is someone's decision, so no fix is offered for it.
 */
export interface Fix {
  label: string;
  apply: (design: Design) => Design;
}

function peerCidr(endpoint: Endpoint): string {
  if (endpoint.kind === 'internet') return '0.0.0.0/0';
  if (endpoint.kind === 'onPremises') return endpoint.network.cidrs[0] ?? `${formatIpv4(endpoint.address)}/32`;
  return `${formatIpv4(endpoint.privateIp)}/32`;
}

export function suggestFix(design: Design, query: ReachQuery, result: ReachResult): Fix | null {
  const block = result.blockedBy;
  if (!block) return null;
  // The ends as the analysis resolved them.
  const { source: from, destination: to } = result;
  const ports = hasPorts(query.protocol) ? { from: query.port, to: query.port } : null;
  const what = hasPorts(query.protocol)
    ? `${protocolLabel(query.protocol)} ${query.port}`
    : protocolLabel(query.protocol);

  if (block.code === 'ENI_SG_RULES_MISMATCH') {
    const group = getResource(design, block.id, 'securityGroup');
    if (!group) return null;
    const inbound = block.component.endsWith('(inbound)');
    const peerEndpoint = inbound ? from : to;
    // Inside the VPC, name the peer's first group (the AWS way); otherwise its address range.
    const peerGroup = peerEndpoint.kind === 'interface' ? peerEndpoint.groupIds[0] : undefined;
    const peer = peerGroup
      ? { type: 'securityGroup' as const, groupId: peerGroup as SecurityGroup['id'] }
      : { type: 'cidr' as const, cidr: peerCidr(peerEndpoint) };
    const peerWords =
      peer.type === 'cidr' ? peer.cidr : (getResource(design, peer.groupId, 'securityGroup')?.name ?? peer.groupId);
    const direction = inbound ? 'inbound' : 'outbound';
    return {
      label: `Add ${direction} ${what} ${inbound ? 'from' : 'to'} ${peerWords} to ${group.name}`,
      apply: (d) =>
        produce(
          d,
          (draft) =>
            void (draft.resources[group.id] as Draft<SecurityGroup>)[direction].push({
              protocol: query.protocol,
              ports,
              peer,
              description: 'Added by Nimbus reachability fix',
            }),
        ),
    };
  }

  if (block.code === 'SUBNET_ACL_RESTRICTION') {
    const acl = getResource(design, block.id, 'networkAcl');
    const hop = (block.direction === 'forward' ? result.forward : result.return).at(-1);
    if (!acl || !hop?.rule?.endsWith('rule * (deny all)')) return null;
    const direction = block.component.endsWith('(inbound)') ? 'inbound' : 'outbound';
    if (acl[direction].length + 1 >= MAX_NACL_RULES_PER_DIRECTION) return null;
    const number = Math.min(
      NACL_MAX_RULE_NUMBER,
      Math.ceil((Math.max(0, ...acl[direction].map((r) => r.ruleNumber)) + 1) / 10) * 10 || 100,
    );
    const isReturn = block.direction === 'return';
    // A response goes to the client's ephemeral ports; AWS suggests allowing 1024-65535.
    const rulePorts = !hasPorts(query.protocol) ? null : isReturn ? { from: 1024, to: 65535 } : ports;
    const peerEndpoint = (direction === 'inbound') === !isReturn ? from : to;
    const cidr = peerCidr(peerEndpoint);
    const portWords = rulePorts
      ? rulePorts.from === rulePorts.to
        ? ` ${rulePorts.from}`
        : ` ${rulePorts.from}-${rulePorts.to}`
      : '';
    return {
      label: `Add ${direction} rule ${number} to ${acl.name}: allow ${protocolLabel(query.protocol)}${portWords} ${direction === 'inbound' ? 'from' : 'to'} ${cidr}`,
      apply: (d) =>
        produce(
          d,
          (draft) =>
            void (draft.resources[acl.id] as Draft<NetworkAcl>)[direction].push({
              ruleNumber: number,
              protocol: query.protocol,
              ports: rulePorts,
              cidr,
              action: 'allow',
            }),
        ),
    };
  }
  if (block.code === 'CLIENT_VPN_NOT_AUTHORIZED') return authorizationFix(design, result);
  return null;
}
