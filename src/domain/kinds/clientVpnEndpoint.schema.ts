import { z } from 'zod';
import { ClientVpnEndpointIdSchema, SecurityGroupIdSchema, SubnetIdSchema, VpcIdSchema } from '../ids.schema';
import { atMost } from '../common';
import { CidrTextSchema, NameSchema } from '../common.schema';
import {
  CLIENT_VPN_MAX_AUTHORIZATION_RULES,
  CLIENT_VPN_MAX_CONNECTIONS,
  CLIENT_VPN_MAX_ROUTES,
} from '../catalogs/limits';

/** An identity-provider group name (Active Directory or SAML), as AWS's `AccessGroupId` takes it. */
const AccessGroupSchema = z.string().trim().min(1, 'must name a group').max(255, 'must be at most 255 characters');

/**
 * Who may reach a destination network: every user, or the members of one
 * group. AWS Client VPN Administrator Guide, "Authorization rules".
 */
export const ClientVpnAuthorizationRuleSchema = z.object({
  destinationCidr: CidrTextSchema,
  /** null: every authenticated user; else only members of this group. */
  accessGroup: AccessGroupSchema.nullable().default(null),
});
export type ClientVpnAuthorizationRule = z.infer<typeof ClientVpnAuthorizationRuleSchema>;

/**
 * A route of the endpoint's own route table, through one associated subnet.
 * The route for the VPC's CIDR that AWS adds with each association is not
 * stored: Nimbus derives it from the associations (`clientVpnRoutes`,
 * engine), as AWS keeps it for as long as the association lasts.
 */
export const ClientVpnRouteSchema = z.object({
  destinationCidr: CidrTextSchema,
  targetSubnetId: SubnetIdSchema,
});
export type ClientVpnRoute = z.infer<typeof ClientVpnRouteSchema>;

export const ClientVpnEndpointSchema = z.object({
  kind: z.literal('clientVpnEndpoint'),
  id: ClientVpnEndpointIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema,
  /** Addresses given to connected users' devices; /12 to /22, must not overlap the VPC. */
  clientCidr: CidrTextSchema,
  /** Target-network associations: subnets of the VPC, at most one per Availability Zone, each billed per hour. */
  targetSubnetIds: z.array(SubnetIdSchema).default([]),
  /** Applied to the associations' network interfaces; empty means the VPC's default group, as AWS applies it. */
  securityGroupIds: z.array(SecurityGroupIdSchema).default([]),
  authorizationRules: z
    .array(ClientVpnAuthorizationRuleSchema)
    .max(CLIENT_VPN_MAX_AUTHORIZATION_RULES, atMost(CLIENT_VPN_MAX_AUTHORIZATION_RULES, 'Client VPN quota'))
    .default([]),
  /** Earlier files' destinations for every user; read as authorization rules for all users (`authorizationRulesOf`). */
  authorizedCidrs: z.array(CidrTextSchema).default([]),
  routes: z
    .array(ClientVpnRouteSchema)
    .max(CLIENT_VPN_MAX_ROUTES, atMost(CLIENT_VPN_MAX_ROUTES, 'Client VPN quota "Routes per endpoint"'))
    .default([]),
  /** Off (AWS's default): every address the device sends to goes through the VPN. On: only the endpoint's routes do. */
  splitTunnel: z.boolean().default(false),
  /** Connected clients, each billed per connection-hour while the endpoint runs. */
  connectedClients: z
    .number()
    .int()
    .min(0)
    .max(CLIENT_VPN_MAX_CONNECTIONS, atMost(CLIENT_VPN_MAX_CONNECTIONS, 'connections: Nimbus\u2019s bound'))
    .default(0),
  /** The group the user Nimbus simulates belongs to (null: in no group), for group authorization rules. */
  userGroup: AccessGroupSchema.nullable().default(null),
});
export type ClientVpnEndpoint = z.infer<typeof ClientVpnEndpointSchema>;
