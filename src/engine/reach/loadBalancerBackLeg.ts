import { preservesClientIp, type Design, type LoadBalancer, type TargetGroup } from '../../domain';
import type { RegisteredTarget } from '../designIndex';
import { sourceSeenAt, type PathContext, type PathOptions } from './context';
import { endpointLabel, resolveEndpoint, type Endpoint, type Interface } from './endpoints';
import type { LoadBalancerNode } from './loadBalancerNodes';
import type { ReachQuery } from './reachability';

/** A load balancer node's leg to a target: what it reaches, where it starts, and its packet. */

/** The target as an end of a path: an instance, or what holds a registered address. */
export function targetEndpoint(design: Design, target: RegisteredTarget, options: PathOptions): Endpoint | string {
  if (target.type === 'lambda') return 'a Lambda function target is invoked, not reached on the network';
  const resolved = resolveEndpoint(
    design,
    target.type === 'instance' ? { kind: 'resource', id: target.id } : { kind: 'address', address: target.id },
    options,
  );
  if (!resolved.ok) return resolved.error;
  return resolved.endpoint.kind === 'interface'
    ? { ...resolved.endpoint, addressed: 'private' }
    : `${target.id} is not an address in the target group's VPC`;
}

/** Whether the second leg carries the client's address: an NLB whose group preserves it (never an ALB). */
export const keepsClient = (lb: LoadBalancer, group: TargetGroup) => lb.type === 'network' && preservesClientIp(group);

/**
 * Where the second leg starts: an ALB's node, from its private address and
 * with its groups; an NLB's node carrying the client's address as the node
 * received it when the group preserves it (its groups, if it has any, still
 * filter and can be named by the target's rules), else from the node's own
 * private address.
 */
export function backLegSource(
  lb: LoadBalancer,
  group: TargetGroup,
  node: LoadBalancerNode,
  src: Endpoint,
  front: PathContext,
): Interface {
  const eni: Interface = { ...node.eni, addressed: 'private' };
  if (!keepsClient(lb, group)) return eni;
  return {
    ...eni,
    name: `${endpointLabel(src)} through ${node.eni.name}`,
    privateIp: sourceSeenAt(front),
  };
}

/**
 * The second leg's packet: to the target group's port. A node's own
 * connection (an ALB's, an NLB's without client IP preservation) starts from
 * an ephemeral port in 1024-65535; Nimbus checks the reply at 1024, the
 * lowest, so an ACL that opens only part of that range shows (AWS recommends
 * opening all of it). An NLB that keeps the client's address keeps its port.
 */
export function backLegPacket(lb: LoadBalancer, group: TargetGroup, query: ReachQuery, front: PathContext) {
  return {
    protocol: query.protocol,
    port: group.port,
    sourcePort: keepsClient(lb, group) ? front.response.port : 1024,
  };
}
