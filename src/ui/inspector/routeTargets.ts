import { resourcesOfKind, type Design, type RouteTable } from '../../domain';

type RouteTarget = RouteTable['routes'][number]['target'];

export interface RouteTargetOption {
  id: RouteTarget;
  /** The resource's name and what it is, e.g. "igw (internet gateway)". */
  label: string;
}

const inVpc = (design: Design, subnetId: string, vpcId: string) => {
  const subnet = design.resources[subnetId];
  return subnet?.kind === 'subnet' && subnet.vpcId === vpcId;
};

/** What a route in this VPC's tables can point at: its gateways, and instances (for a NAT instance or appliance). */
export function routeTargetOptions(design: Design, vpcId: string): RouteTargetOption[] {
  const targets = [
    ...resourcesOfKind(design, 'internetGateway').filter((g) => g.vpcId === vpcId),
    ...resourcesOfKind(design, 'natGateway').filter((n) => inVpc(design, n.subnetId, vpcId)),
    ...resourcesOfKind(design, 'virtualPrivateGateway').filter((g) => g.vpcId === vpcId),
    ...resourcesOfKind(design, 'ec2Instance').filter((i) => inVpc(design, i.subnetId, vpcId)),
  ];
  return targets.map((t) => ({
    id: t.id as RouteTarget,
    label: `${t.name} (${t.kind === 'ec2Instance' ? 'instance' : t.kind.replace(/([A-Z])/g, ' $1').toLowerCase()})`,
  }));
}
