import { getResource, MAX_ROUTES_PER_TABLE, resourcesOfKind, type Design } from '../../domain';
import { parseCidr } from '../../net';
import { finding, type Finding } from '../findings';
import { blackholeReason, vpcCidrs } from '../topology';
import { subnetAssociationFindings } from './subnetAssociations';

export function routeRules(design: Design): Finding[] {
  const out: Finding[] = [];
  const tables = resourcesOfKind(design, 'routeTable');
  for (const vpc of resourcesOfKind(design, 'vpc')) {
    const mains = tables.filter((table) => table.vpcId === vpc.id && table.main);
    if (mains.length === 0) {
      out.push(
        finding(
          'error',
          'VPC_NO_MAIN_ROUTE_TABLE',
          vpc.id,
          `${vpc.name} has no main route table; subnets without their own table would have no routes.`,
          'Mark one of its route tables as main.',
        ),
      );
    } else if (mains.length > 1) {
      out.push(
        finding(
          'error',
          'VPC_SEVERAL_MAIN_ROUTE_TABLES',
          vpc.id,
          `${vpc.name} has ${mains.length} main route tables; a VPC has exactly one.`,
        ),
      );
    }
  }
  const associatedTo = new Map<string, string>();
  for (const table of tables) {
    const vpc = getResource(design, table.vpcId, 'vpc');
    if (!vpc) {
      out.push(
        finding(
          'error',
          'ROUTE_TABLE_VPC_MISSING',
          table.id,
          `${table.name} belongs to VPC ${table.vpcId}, which does not exist.`,
        ),
      );
      continue;
    }
    for (const block of vpcCidrs(vpc)) {
      if (!table.routes.some((route) => route.target === 'local' && route.destination === block.text)) {
        out.push(
          finding(
            'error',
            'ROUTE_LOCAL_MISSING',
            table.id,
            `${table.name} lacks the local route for ${block.text}; every table routes its VPC's CIDRs locally and it can't be removed.`,
            `Add ${block.text} → local.`,
          ),
        );
      }
    }
    const seen = new Set<string>();
    for (const route of table.routes) {
      // A managed prefix list is a destination too (Amazon VPC User Guide, "Managed prefix lists").
      if (route.destination.startsWith('pl-') && getResource(design, route.destination, 'managedPrefixList')) {
        if (seen.has(route.destination))
          out.push(
            finding(
              'error',
              'ROUTE_DUPLICATE',
              table.id,
              `${table.name} has two routes for ${route.destination}; a table holds one route per destination.`,
            ),
          );
        seen.add(route.destination);
        continue;
      }
      const destination = parseCidr(route.destination);
      if (!destination.ok) {
        out.push(
          finding(
            'error',
            'ROUTE_DESTINATION_INVALID',
            table.id,
            `${table.name}: the route destination "${route.destination}" is not valid: ${destination.error}.`,
          ),
        );
        continue;
      }
      if (seen.has(destination.value.text)) {
        out.push(
          finding(
            'error',
            'ROUTE_DUPLICATE',
            table.id,
            `${table.name} has two routes for ${destination.value.text}; a table holds one route per destination.`,
          ),
        );
      }
      seen.add(destination.value.text);
      const reason = blackholeReason(design, table, route.target);
      if (reason) {
        out.push(
          finding(
            'warning',
            'ROUTE_BLACKHOLE',
            table.id,
            `${table.name}: the route to ${destination.value.text} is a blackhole because ${reason}; traffic it matches is dropped.`,
            'Point the route at an attached gateway, or delete it.',
          ),
        );
      }
    }
    const ownRoutes = table.routes.filter((route) => route.target !== 'local').length;
    if (ownRoutes > MAX_ROUTES_PER_TABLE) {
      out.push(
        finding(
          'error',
          'ROUTE_QUOTA',
          table.id,
          `${table.name} has ${ownRoutes} routes; the default quota is ${MAX_ROUTES_PER_TABLE} per table.`,
        ),
      );
    }
    subnetAssociationFindings(
      design,
      table,
      associatedTo,
      {
        verb: 'serve',
        severalCode: 'SUBNET_SEVERAL_ROUTE_TABLES',
        several: (subnet) => `${subnet.name} is associated with two route tables; a subnet has exactly one at a time.`,
      },
      out,
    );
  }
  return out;
}
