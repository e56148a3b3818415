import { getResource, type Design, type SgRule } from '../domain';
import type { Hop } from '../engine';

/**
 * Security-group connection tracking (Amazon EC2 User Guide, "Security group
 * connection tracking"): a connection a group allowed is tracked, and removing
 * the rule does not interrupt it, only new connections are refused; a flow is
 * untracked, and stops at once, when the rule that allowed it admits all
 * traffic of its protocol from anywhere (0.0.0.0/0, all ports) and the group
 * lets all traffic of it out to anywhere, unless it is tracked anyway: ICMP
 * always is, and so is anything through a NAT gateway or a transit gateway.
 */
const allOpen = (rule: SgRule, protocol: string | number) =>
  rule.peer.type === 'cidr' &&
  rule.peer.cidr === '0.0.0.0/0' &&
  (rule.protocol === 'all' ||
    (rule.protocol === protocol && (rule.ports === null || (rule.ports.from === 0 && rule.ports.to === 65535))));

/** Whether a delivered request's connection is tracked by the destination's security group. */
export function isTracked(design: Design, forward: readonly Hop[], protocol: string | number): boolean {
  if (protocol !== 'tcp' && protocol !== 'udp') return true;
  if (forward.some((h) => getResource(design, h.id, 'natGateway') || getResource(design, h.id, 'transitGateway')))
    return true;
  const admitted = [...forward]
    .reverse()
    .find(
      (h) =>
        h.step === 'filter' && h.decision === 'allow' && h.ruleRef?.kind === 'sg' && h.ruleRef.direction === 'inbound',
    );
  if (!admitted || admitted.ruleRef?.kind !== 'sg') return true;
  const group = getResource(design, admitted.id, 'securityGroup');
  const rule = group?.inbound[admitted.ruleRef.index];
  if (!group || !rule) return true;
  return !(allOpen(rule, protocol) && group.outbound.some((r) => allOpen(r, protocol)));
}
