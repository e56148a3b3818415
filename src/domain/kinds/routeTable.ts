import { z } from 'zod';
import { ResourceIdSchema, RouteTableIdSchema, SubnetIdSchema, VpcIdSchema, VpnGatewayIdSchema } from '../ids';
import { atMost, CidrTextSchema, NameSchema } from '../common';
import { MAX_ROUTES_PER_TABLE_RAISED } from '../catalogs/limits';
import { resourceById } from '../lookup';
import { listIn, listRef, reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { createRouteTable } from '../factories';
import { created, refusedDrop } from './drop';

/** `local`, or the id of the gateway/interface the route sends traffic to. */
export const RouteTargetSchema = z.union([z.literal('local'), ResourceIdSchema]);

export const RouteSchema = z.object({
  destination: CidrTextSchema,
  target: RouteTargetSchema,
});

export const RouteTableSchema = z.object({
  kind: z.literal('routeTable'),
  id: RouteTableIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema,
  main: z.boolean(),
  routes: z
    .array(RouteSchema)
    .max(
      MAX_ROUTES_PER_TABLE_RAISED,
      atMost(MAX_ROUTES_PER_TABLE_RAISED, 'routes: Amazon VPC quota "Routes per route table" at its maximum'),
    ),
  /** Explicit subnet associations; other subnets of the VPC use the main table. */
  subnetIds: z.array(SubnetIdSchema).default([]),
  /** Virtual private gateways whose routes propagate into this table. */
  propagatingGatewayIds: z.array(VpnGatewayIdSchema).default([]),
});
export type RouteTarget = z.infer<typeof RouteTargetSchema>;
export type Route = z.infer<typeof RouteSchema>;
export type RouteTable = z.infer<typeof RouteTableSchema>;

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
