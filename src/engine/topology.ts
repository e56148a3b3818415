import { getResource, resourcesOfKind, type Design, type NetworkAcl, type RouteTable, type Subnet, type Vpc } from '../domain';
import { parseCidr, type Cidr } from '../net';

/** Every IPv4 CIDR of the VPC that parses: primary first, then secondaries. */
export function vpcCidrs(vpc: Vpc): Cidr[] {
  return [vpc.cidr, ...vpc.secondaryCidrs].flatMap((text) => {
    const parsed = parseCidr(text);
    return parsed.ok ? [parsed.value] : [];
  });
}

export function mainRouteTable(design: Design, vpcId: string): RouteTable | undefined {
  return resourcesOfKind(design, 'routeTable').find((table) => table.vpcId === vpcId && table.main);
}

/** The table that routes the subnet: its explicit association, else the VPC's main table. */
export function routeTableForSubnet(design: Design, subnet: Subnet): RouteTable | undefined {
  return (
    resourcesOfKind(design, 'routeTable').find((table) => table.subnetIds.includes(subnet.id)) ?? mainRouteTable(design, subnet.vpcId)
  );
}

/** The ACL that guards the subnet: its explicit association, else the VPC's default ACL. */
export function networkAclForSubnet(design: Design, subnet: Subnet): NetworkAcl | undefined {
  const acls = resourcesOfKind(design, 'networkAcl');
  return acls.find((acl) => acl.subnetIds.includes(subnet.id)) ?? acls.find((acl) => acl.vpcId === subnet.vpcId && acl.isDefault);
}

/**
 * A subnet is public when its route table sends 0.0.0.0/0 to an internet gateway
 * attached to its VPC. Source: Amazon VPC User Guide, "Subnet types".
 */
export function hasInternetRoute(design: Design, subnet: Subnet): boolean {
  const table = routeTableForSubnet(design, subnet);
  if (!table) return false;
  return table.routes.some((route) => {
    if (route.destination !== '0.0.0.0/0') return false;
    const gateway = getResource(design, route.target, 'internetGateway');
    return gateway !== undefined && gateway.vpcId === subnet.vpcId;
  });
}

/** Why a route's target can't carry traffic, or null when it can. */
export function blackholeReason(design: Design, table: RouteTable, target: string): string | null {
  if (target === 'local') return null;
  const resource = design.resources[target];
  if (!resource) return `its target ${target} does not exist`;
  switch (resource.kind) {
    case 'internetGateway':
    case 'virtualPrivateGateway':
      if (resource.vpcId === null) return `its target ${resource.name} is not attached to any VPC`;
      if (resource.vpcId !== table.vpcId) return `its target ${resource.name} is attached to another VPC`;
      return null;
    case 'natGateway': {
      const subnet = getResource(design, resource.subnetId, 'subnet');
      if (!subnet) return `its target ${resource.name} has no subnet`;
      if (subnet.vpcId !== table.vpcId) return `its target ${resource.name} is in another VPC`;
      return null;
    }
    case 'ec2Instance': {
      if (resource.state === 'terminated') return `its target ${resource.name} is terminated`;
      const subnet = getResource(design, resource.subnetId, 'subnet');
      if (!subnet || subnet.vpcId !== table.vpcId) return `its target ${resource.name} is not in this VPC`;
      return null;
    }
    default:
      return `${resource.name} (${resource.kind}) can't be a route target`;
  }
}
