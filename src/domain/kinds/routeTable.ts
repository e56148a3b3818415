import { resourceById } from '../lookup';
import { listIn, listRef, reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { createRouteTable } from '../factories';
import { created, refusedDrop } from './drop';
import type { RouteTable } from './routeTable.schema';

export const routeTableKind: KindSpec<'routeTable'> = {
  kind: 'routeTable',
  idPrefix: 'rtb',
  label: 'a route table',
  containers: ['vpc'],
  isContainer: false,
  containerOf: (design, table) => resourceById(design, table.vpcId),
  references: [
    reportedAs('ROUTE_TABLE_VPC_MISSING', requiredRef('vpcId', ['vpc'], 'deleteSelf')),
    reportedAs('ASSOCIATION_SUBNET_MISSING', listRef('subnetIds', ['subnet'])),
    listRef('propagatingGatewayIds', ['virtualPrivateGateway']),
    // AWS keeps a route whose target is deleted, as a blackhole; so does Nimbus.
    {
      ...listIn<RouteTable>(
        'routes.target',
        'routeTargets',
        (t) => t.routes.map((r) => r.target).filter((target) => target !== 'local'),
        (t) => t,
      ),
      onDelete: 'keep',
      missingCode: 'ROUTE_BLACKHOLE',
    },
  ],
  create: ({ vpc, ids }) =>
    vpc ? created(createRouteTable(ids, vpc)) : refusedDrop('Drop the route table inside a VPC.'),
  duplicate: { reset: (copy) => ({ ...copy, subnetIds: [], main: false }) },
};

export type { RouteTarget, Route, RouteTable } from './routeTable.schema';
