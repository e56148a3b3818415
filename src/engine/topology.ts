import {
  getResource,
  resourceById,
  routeBlackholeReason,
  resourcesOfKind,
  type Design,
  type NetworkAcl,
  type RouteTable,
  type Subnet,
  type Vpc,
} from '../domain';
import { parseCidr, type Cidr } from '../net';

/** Every IPv4 CIDR of the VPC that parses: primary first, then secondaries. */
export function vpcCidrs(vpc: Vpc): Cidr[] {
  return [vpc.cidr, ...vpc.secondaryCidrs].flatMap((text) => {
    const parsed = parseCidr(text);
    return parsed.ok ? [parsed.value] : [];
  });
}

interface Associations {
  tableBySubnet: Map<string, RouteTable>;
  mainTableByVpc: Map<string, RouteTable>;
  aclBySubnet: Map<string, NetworkAcl>;
  defaultAclByVpc: Map<string, NetworkAcl>;
}

/** Association lookups, built once per (immutable) resources object. */
const associationCache = new WeakMap<Design['resources'], Associations>();

function associations(design: Design): Associations {
  let found = associationCache.get(design.resources);
  if (!found) {
    found = { tableBySubnet: new Map(), mainTableByVpc: new Map(), aclBySubnet: new Map(), defaultAclByVpc: new Map() };
    for (const table of resourcesOfKind(design, 'routeTable')) {
      if (table.main && !found.mainTableByVpc.has(table.vpcId)) found.mainTableByVpc.set(table.vpcId, table);
      for (const id of table.subnetIds) if (!found.tableBySubnet.has(id)) found.tableBySubnet.set(id, table);
    }
    for (const acl of resourcesOfKind(design, 'networkAcl')) {
      if (acl.isDefault && !found.defaultAclByVpc.has(acl.vpcId)) found.defaultAclByVpc.set(acl.vpcId, acl);
      for (const id of acl.subnetIds) if (!found.aclBySubnet.has(id)) found.aclBySubnet.set(id, acl);
    }
    associationCache.set(design.resources, found);
  }
  return found;
}

export function mainRouteTable(design: Design, vpcId: string): RouteTable | undefined {
  return associations(design).mainTableByVpc.get(vpcId);
}

/** The table that routes the subnet: its explicit association, else the VPC's main table. */
export function routeTableForSubnet(design: Design, subnet: Subnet): RouteTable | undefined {
  return associations(design).tableBySubnet.get(subnet.id) ?? mainRouteTable(design, subnet.vpcId);
}

/** The ACL that guards the subnet: its explicit association, else the VPC's default ACL. */
export function networkAclForSubnet(design: Design, subnet: Subnet): NetworkAcl | undefined {
  const found = associations(design);
  return found.aclBySubnet.get(subnet.id) ?? found.defaultAclByVpc.get(subnet.vpcId);
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
  const resource = resourceById(design, target);
  if (!resource) return `its target ${target} does not exist`;
  return routeBlackholeReason(design, table, resource);
}
