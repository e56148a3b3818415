import { balancesAcrossZones, type Design, type LoadBalancer, type TargetGroup } from '../../domain';
import { targetsOf, type RegisteredTarget } from '../designIndex';
import type { PathOptions } from './context';
import { resolveEndpoint, type Interface } from './endpoints';
import { loadBalancerNodes } from './loadBalancerNodes';
import { walkBetween } from './walk';

/** What stops a health check on the network: AWS's reason code, the resource that decides, and why in words. */
export interface HealthCheckBlock {
  code: string;
  resourceId: string | null;
  text: string;
}

/**
 * The port a reply to a check leaves for: a node's connection starts from an
 * ephemeral port in 1024-65535; Nimbus checks the lowest, so an ACL that
 * opens only part of the range shows (ELB User Guide, "Network ACLs" for
 * load balancers: allow 1024-65535 back to the nodes).
 */
const CHECK_SOURCE_PORT = 1024;

const cache = new WeakMap<Design['resources'], Map<string, HealthCheckBlock | null>>();

/**
 * Why the load balancer's health check of one target (an instance id or an
 * IP address of the group) fails on the network: the target's security group
 * or subnet ACL refuses the load balancer's nodes on the check's port, a
 * route sends the reply elsewhere. Null when the check gets through; the
 * target's own state (stopped, impaired) is the simulation's to judge.
 *
 * Every node in service checks the target (with cross-zone load balancing
 * off, an NLB's node in the target's zone only), from its private address
 * and through the load balancer's groups (outbound only: an NLB's inbound
 * rules do not apply to its checks). Nimbus calls the target unhealthy when
 * any checking node's check is blocked (AWS tracks each node's view; the
 * console shows the target unhealthy then too). A blocked check times out:
 * `Target.Timeout`. Sources: ELB User Guide, "Health checks for Application
 * Load Balancer target groups" (reason codes), NLB guide, "Security groups"
 * ("Health checks are subject to outbound rules only").
 */
export function healthCheckBlock(
  design: Design,
  loadBalancer: LoadBalancer,
  group: TargetGroup,
  targetId: string,
  options: PathOptions = {},
): HealthCheckBlock | null {
  const check = group.healthCheck;
  if (!check.enabled || group.targetType === 'lambda') return null;
  const key = `${loadBalancer.id}|${group.id}|${targetId}|${options.zonesDown?.join(',') ?? ''}|${options.outOfService?.join(',') ?? ''}`;
  let byKey = cache.get(design.resources);
  if (!byKey) {
    byKey = new Map();
    cache.set(design.resources, byKey);
  }
  if (byKey.has(key)) return byKey.get(key)!;
  const verdict = checkVerdict(design, loadBalancer, group, targetId, options);
  if (byKey.size > 20_000) byKey.clear();
  byKey.set(key, verdict);
  return verdict;
}

function checkVerdict(
  design: Design,
  lb: LoadBalancer,
  group: TargetGroup,
  targetId: string,
  options: PathOptions,
): HealthCheckBlock | null {
  const target: RegisteredTarget | undefined = targetsOf(design, group).find((t) => t.id === targetId);
  const resolved = resolveEndpoint(
    design,
    target?.type === 'ip' || (!target && group.targetType === 'ip')
      ? { kind: 'address', address: targetId }
      : { kind: 'resource', id: targetId },
  );
  if (!resolved.ok || resolved.endpoint.kind !== 'interface')
    return {
      code: 'Target.Timeout',
      resourceId: targetId,
      text: `${targetId} is not an interface in ${lb.name}'s VPC, so the health check reaches nothing.`,
    };
  const dst: Interface = { ...resolved.endpoint, addressed: 'private' };
  const inService = loadBalancerNodes(design, lb, options).filter((n) => !n.eni.outage);
  const checking = balancesAcrossZones(lb) ? inService : inService.filter((n) => n.zoneId === dst.subnet.azId);
  if (checking.length === 0)
    return {
      code: 'Target.NotInUse',
      resourceId: lb.id,
      text: `${lb.name} has no node in service that checks ${dst.name}: its zone is not enabled (or is down)${balancesAcrossZones(lb) ? '' : ', and cross-zone load balancing is off'}.`,
    };
  const check = group.healthCheck;
  const port = check.port === 'traffic-port' ? group.port : check.port;
  for (const node of checking) {
    const walked = walkBetween(
      design,
      { ...node.eni, addressed: 'private' },
      // The target's EC2 state is the simulation's to judge; a zone down or an impairment the options lay over counts.
      { ...dst, state: null },
      { protocol: 'tcp', port, sourcePort: CHECK_SOURCE_PORT },
      options,
    );
    if (!walked.ok) return { code: 'Target.Timeout', resourceId: targetId, text: walked.error };
    const { forward, back } = walked.ctx;
    const leg = forward.blocked ? forward : back.blocked ? back : null;
    if (!leg?.blocked) continue;
    const hop = leg.hops.at(-1);
    return {
      code: 'Target.Timeout',
      resourceId: leg.blocked.id,
      text: `The health check from ${node.eni.name} to ${dst.name} on port ${port} is blocked ${leg === back ? 'on the way back ' : ''}at ${leg.blocked.component} (${leg.blocked.code}): ${hop?.explanation ?? ''}`,
    };
  }
  return null;
}
