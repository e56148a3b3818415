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
import { formatIpv4, parseCidr } from '../../net';
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
  /** Set when the fix opens an administration port to the internet: it then asks whose addresses may connect. */
  adminSource?: AdminSource;
}

/**
 * Ports people administer instances on. Opening them to 0.0.0.0/0 is what the
 * exposure scan flags (SSH_OPEN_TO_INTERNET, RDP_OPEN_TO_INTERNET), and AWS
 * says to allow them only from your own range: "Authorize inbound traffic for
 * your Amazon EC2 instances" (docs.aws.amazon.com/AWSEC2/latest/UserGuide/authorizing-access-to-an-instance.html)
 * and "Security best practices for your VPC"
 * (docs.aws.amazon.com/vpc/latest/userguide/vpc-security-best-practices.html).
 */
export const ADMIN_PORTS: Readonly<Record<number, string>> = { 22: 'SSH', 3389: 'RDP' };

/** RFC 5737's TEST-NET-3, a range reserved for documentation: a placeholder nobody's traffic comes from. */
export const DEFAULT_ADMIN_CIDR = '203.0.113.0/24';

/** The fix for a given range, and a host in it to ask from afterwards. */
export interface AdminFix {
  ok: true;
  label: string;
  apply: (design: Design) => Design;
  sampleHost: string;
}

/** The administrators' range a fix for an administration port asks for, with the fix built for any range. */
export interface AdminSource {
  service: string;
  defaultCidr: string;
  /** Why not 0.0.0.0/0, said next to the field. */
  reason: string;
  /** The fix from `cidr`, or the reason it is not a CIDR block. */
  withCidr: (cidr: string) => AdminFix | { ok: false; error: string };
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
    const direction = inbound ? 'inbound' : 'outbound';
    const build = (rulePeer: typeof peer) => {
      const peerWords =
        rulePeer.type === 'cidr'
          ? rulePeer.cidr
          : (getResource(design, rulePeer.groupId, 'securityGroup')?.name ?? rulePeer.groupId);
      return {
        label: `Add ${direction} ${what} ${inbound ? 'from' : 'to'} ${peerWords} to ${group.name}`,
        apply: (d: Design) =>
          produce(
            d,
            (draft) =>
              void (draft.resources[group.id] as Draft<SecurityGroup>)[direction].push({
                protocol: query.protocol,
                ports,
                peer: rulePeer,
                description: 'Added by Nimbus reachability fix',
              }),
          ),
      };
    };
    const admin = inbound && peerEndpoint.kind === 'internet' ? adminService(query) : null;
    if (admin) return withAdminSource(admin, (cidr) => build({ type: 'cidr', cidr }));
    return build(peer);
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
    const portWords = rulePorts
      ? rulePorts.from === rulePorts.to
        ? ` ${rulePorts.from}`
        : ` ${rulePorts.from}-${rulePorts.to}`
      : '';
    const build = (cidr: string) => ({
      label: `Add ${direction} rule ${number} to ${acl.name}: allow ${protocolLabel(query.protocol)}${portWords} ${direction === 'inbound' ? 'from' : 'to'} ${cidr}`,
      apply: (d: Design) =>
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
    });
    // The client's side of an administration session, going in or its answer coming back.
    const admin = peerEndpoint === from && from.kind === 'internet' ? adminService(query) : null;
    if (admin) return withAdminSource(admin, build);
    return build(peerCidr(peerEndpoint));
  }
  if (block.code === 'CLIENT_VPN_NOT_AUTHORIZED') return authorizationFix(design, result);
  return null;
}

/** The administration service a question asks about (SSH on TCP 22, RDP on 3389), if any. */
function adminService(query: ReachQuery): string | null {
  if (!hasPorts(query.protocol)) return null;
  return Object.hasOwn(ADMIN_PORTS, query.port) ? ADMIN_PORTS[query.port]! : null;
}

/** A fix that opens `service` to the administrators' range, the documentation range until the user gives theirs. */
function withAdminSource(service: string, build: (cidr: string) => Omit<Fix, 'adminSource'>): Fix {
  return {
    ...build(DEFAULT_ADMIN_CIDR),
    adminSource: {
      service,
      defaultCidr: DEFAULT_ADMIN_CIDR,
      reason:
        `Allow ${service} only from the addresses your administrators connect from, not 0.0.0.0/0: ` +
        `open to the whole internet, the exposure check flags it and AWS's security best practices advise against it. ` +
        `${DEFAULT_ADMIN_CIDR} is a documentation range (RFC 5737); replace it with yours.`,
      withCidr: (text) => {
        const parsed = parseCidr(text);
        if (!parsed.ok) return { ok: false, error: parsed.error };
        if (parsed.value.prefix === 0)
          return { ok: false, error: `0.0.0.0/0 opens ${service} to the whole internet; enter your own range` };
        // A host of the range to ask from afterwards: the internet host Nimbus asks from by default is outside it.
        const { network, prefix } = parsed.value;
        const sampleHost = formatIpv4(prefix >= 31 ? network : network + 1);
        return { ok: true, ...build(parsed.value.text), sampleHost };
      },
    },
  };
}
