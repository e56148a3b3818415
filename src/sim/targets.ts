import {
  getResource,
  listenerTargetGroups,
  resourcesOfKind,
  type Design,
  type LoadBalancer,
  type TargetGroup,
} from '../domain';
import { targetsOf } from '../engine';
import { containsAddress, parseCidr, parseIpv4 } from '../net/cidr';

/**
 * Who is registered in a target group now: the engine's `targetsOf` (by hand,
 * by address, and the instances of every Auto Scaling group that names it)
 * less instances shutting down or terminated, which deregister.
 */
export function registeredTargets(
  design: Design,
  group: TargetGroup,
  stateOf: (instanceId: string) => string | undefined,
): string[] {
  return targetsOf(design, group)
    .map((t) => t.id)
    .filter((id) => {
      const state = stateOf(id);
      return state !== 'shutting-down' && state !== 'terminated';
    });
}

/** The load balancer whose listeners forward to the group (ELB allows one per target group), if any. */
export function loadBalancerOf(design: Design, group: TargetGroup): LoadBalancer | undefined {
  return resourcesOfKind(design, 'loadBalancer').find((lb) =>
    listenerTargetGroups(design, lb).some((g) => g.id === group.id),
  );
}

/** The zone (availability zone resource id) a target sits in: its instance's subnet's, or the subnet holding its address. */
export function targetZone(design: Design, group: TargetGroup, targetId: string): string | null {
  const instance = getResource(design, targetId, 'ec2Instance');
  if (instance) return getResource(design, instance.subnetId, 'subnet')?.azId ?? null;
  const address = parseIpv4(targetId);
  if (!address.ok) return null;
  for (const subnet of resourcesOfKind(design, 'subnet')) {
    if (subnet.vpcId !== group.vpcId) continue;
    const block = parseCidr(subnet.cidr);
    if (block.ok && containsAddress(block.value, address.value)) return subnet.azId;
  }
  return null;
}

/** The zones a load balancer has nodes in. */
export function loadBalancerZones(design: Design, lb: LoadBalancer): Set<string> {
  const zones = new Set<string>();
  for (const mapping of lb.subnetMappings) {
    const subnet = getResource(design, mapping.subnetId, 'subnet');
    if (subnet) zones.add(subnet.azId);
  }
  return zones;
}
