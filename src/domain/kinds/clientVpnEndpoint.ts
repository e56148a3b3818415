import { z } from 'zod';
import { ClientVpnEndpointIdSchema, SecurityGroupIdSchema, SubnetIdSchema, VpcIdSchema } from '../ids';
import { atMost, CidrTextSchema, NameSchema } from '../common';
import {
  CLIENT_VPN_MAX_AUTHORIZATION_RULES,
  CLIENT_VPN_MAX_CONNECTIONS,
  CLIENT_VPN_MAX_ROUTES,
} from '../catalogs/limits';
import { resourceById } from '../lookup';
import { listRef, requiredRef } from './references';
import type { Reference, KindSpec } from './spec';
import { created, refusedDrop } from './drop';

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

/** Every authorization rule, the earlier files' `authorizedCidrs` read as rules for all users. */
export const authorizationRulesOf = (endpoint: ClientVpnEndpoint): ClientVpnAuthorizationRule[] => [
  ...endpoint.authorizationRules,
  ...endpoint.authorizedCidrs.map((destinationCidr) => ({ destinationCidr, accessGroup: null })),
];

/** Routes through a subnet that is gone leave the table, as disassociating a subnet removes its routes in AWS. */
const routeTargets: Reference<ClientVpnEndpoint> = {
  field: 'routes',
  kinds: ['subnet'],
  onDelete: 'remove',
  ids: (endpoint) => endpoint.routes.map((r) => r.targetSubnetId),
  without: (endpoint, gone) =>
    endpoint.routes.some((r) => gone.has(r.targetSubnetId))
      ? { ...endpoint, routes: endpoint.routes.filter((r) => !gone.has(r.targetSubnetId)) }
      : endpoint,
};

export const clientVpnEndpointKind: KindSpec<'clientVpnEndpoint'> = {
  kind: 'clientVpnEndpoint',
  idPrefix: 'cvpn-endpoint',
  label: 'a Client VPN endpoint',
  containers: ['vpc'],
  isContainer: false,
  containerOf: (design, endpoint) => resourceById(design, endpoint.vpcId),
  references: [
    requiredRef('vpcId', ['vpc'], 'deleteSelf'),
    listRef('targetSubnetIds', ['subnet']),
    listRef('securityGroupIds', ['securityGroup']),
    routeTargets,
  ],
  // 100.64.0.0/22 (shared address space) rarely overlaps a VPC or a home network.
  create({ vpc, ids }) {
    if (!vpc) return refusedDrop('Drop the Client VPN endpoint inside a VPC.');
    return created({
      kind: 'clientVpnEndpoint',
      id: ids.next('clientVpnEndpoint'),
      name: 'Client VPN',
      vpcId: vpc.id,
      clientCidr: '100.64.0.0/22',
      targetSubnetIds: [],
      securityGroupIds: [],
      authorizationRules: [],
      authorizedCidrs: [],
      routes: [],
      splitTunnel: false,
      connectedClients: 0,
      userGroup: null,
    });
  },
  duplicate: { reset: (copy) => copy },
};
