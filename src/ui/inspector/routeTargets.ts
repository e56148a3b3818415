import { kindLabel, routeTargetsInVpc, type Design, type RouteTable } from '../../domain';

type RouteTarget = RouteTable['routes'][number]['target'];

export interface RouteTargetOption {
  id: RouteTarget;
  /** The resource's name and what it is, e.g. "igw (internet gateway)". */
  label: string;
}

/**
 * What a route in this VPC's tables can point at: every route-target kind of
 * the registry that forwards for this VPC (gateways, and instances for a NAT
 * instance or appliance).
 */
export function routeTargetOptions(design: Design, vpcId: string): RouteTargetOption[] {
  return routeTargetsInVpc(design, vpcId).map((t) => ({
    id: t.id as RouteTarget,
    label: `${t.name} (${kindLabel(t.kind).replace(/^(an?|the) /, '')})`,
  }));
}
