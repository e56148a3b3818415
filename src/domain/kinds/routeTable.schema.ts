import { z } from 'zod';
import { ResourceIdSchema, RouteTableIdSchema, SubnetIdSchema, VpcIdSchema, VpnGatewayIdSchema } from '../ids.schema';
import { atMost } from '../common';
import { CidrTextSchema, NameSchema } from '../common.schema';
import { MAX_ROUTES_PER_TABLE_RAISED } from '../catalogs/limits';

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
