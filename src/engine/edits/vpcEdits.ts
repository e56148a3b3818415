import type { Design, Resource, RouteTable } from '../../domain';

function mapResources(design: Design, change: (r: Resource) => Resource): Design {
  const resources: Design['resources'] = {};
  let changed = false;
  for (const [id, r] of Object.entries(design.resources)) {
    const next = change(r);
    changed ||= next !== r;
    resources[id] = next;
  }
  return changed ? { ...design, resources } : design;
}

/** Changes a VPC's CIDRs and keeps every route table's `local` routes in step, as AWS does. */
export function setVpcCidrs(design: Design, vpcId: string, primary: string, secondaries: readonly string[]): Design {
  const vpc = design.resources[vpcId];
  if (vpc?.kind !== 'vpc') return design;
  const before = [vpc.cidr, ...vpc.secondaryCidrs];
  const after = [primary, ...secondaries];
  return mapResources(design, (r) => {
    if (r.id === vpcId) return { ...vpc, cidr: primary, secondaryCidrs: [...secondaries] };
    if (r.kind !== 'routeTable' || r.vpcId !== vpcId) return r;
    const others = r.routes.filter((route) => !(route.target === 'local' && before.includes(route.destination)));
    const local: RouteTable['routes'] = after.map((destination) => ({ destination, target: 'local' }));
    return { ...r, routes: [...local, ...others] };
  });
}

/** Makes a table the VPC's main route table; subnets without an association follow it. */
export function setMainRouteTable(design: Design, tableId: string): Design {
  const table = design.resources[tableId];
  if (table?.kind !== 'routeTable') return design;
  return mapResources(design, (r) =>
    r.kind === 'routeTable' && r.vpcId === table.vpcId && r.main !== (r.id === tableId)
      ? { ...r, main: r.id === tableId }
      : r,
  );
}
