import { getResource, type Design, type SgRule } from '../domain';
import type { Endpoint, Hop } from '../engine';

/**
 * Security-group connection tracking (Amazon EC2 User Guide, "Security group
 * connection tracking", docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-connection-tracking.html):
 * a connection a group allowed is tracked, and removing the rule does not
 * interrupt it, only new connections are refused. A TCP or UDP flow is
 * untracked, and stops at once, when the rule that admitted it is for
 * 0.0.0.0/0 (or ::/0), whatever its ports, and the interface's groups have a
 * rule letting all traffic out to 0.0.0.0/0 (the page's example: inbound TCP 80
 * from 0.0.0.0/0 with the default all-outbound rule). ICMP is always tracked,
 * and so is anything through a device AWS lists as automatically tracked; of
 * those Nimbus draws NAT gateways, transit gateways, Network Load Balancers and
 * interface endpoints (AWS also lists egress-only internet gateways, Gateway
 * Load Balancers, Global Accelerator and Network Firewall endpoints).
 */
const fromAnywhere = (rule: SgRule) =>
  rule.peer.type === 'cidr' && (rule.peer.cidr === '0.0.0.0/0' || rule.peer.cidr === '::/0');

const allOut = (rule: SgRule, protocol: string | number) =>
  fromAnywhere(rule) &&
  (rule.protocol === 'all' ||
    (rule.protocol === protocol && (rule.ports === null || (rule.ports.from === 0 && rule.ports.to === 65535))));

function automaticallyTracked(design: Design, id: string): boolean {
  const resource = design.resources[id];
  if (!resource) return false;
  switch (resource.kind) {
    case 'natGateway':
    case 'transitGateway':
    case 'transitGatewayAttachment':
      return true;
    case 'loadBalancer':
      return resource.type === 'network';
    case 'vpcEndpoint':
      return resource.type === 'interface';
    default:
      return false;
  }
}

/**
 * Whether a delivered request's connection is tracked by the destination's security groups.
 * `destination` names the interface the request reached, whose groups together decide; without it
 * only the admitting group is read.
 */
export function isTracked(
  design: Design,
  forward: readonly Hop[],
  protocol: string | number,
  destination?: Endpoint,
): boolean {
  if (protocol !== 'tcp' && protocol !== 'udp') return true;
  if (forward.some((h) => automaticallyTracked(design, h.id))) return true;
  if (destination?.kind === 'interface' && automaticallyTracked(design, destination.ownerId)) return true;
  const admitted = [...forward]
    .reverse()
    .find(
      (h) =>
        h.step === 'filter' && h.decision === 'allow' && h.ruleRef?.kind === 'sg' && h.ruleRef.direction === 'inbound',
    );
  if (!admitted || admitted.ruleRef?.kind !== 'sg') return true;
  const group = getResource(design, admitted.id, 'securityGroup');
  const rule = group?.inbound[admitted.ruleRef.index];
  if (!group || !rule || !fromAnywhere(rule)) return true;
  const groupIds =
    destination?.kind === 'interface' && destination.groupIds.includes(group.id) ? destination.groupIds : [group.id];
  const lettingAllOut = groupIds.some((id) =>
    (getResource(design, id, 'securityGroup')?.outbound ?? []).some((r) => allOut(r, protocol)),
  );
  return !lettingAllOut;
}
