import { resourceById } from '../lookup';
import { listRef, requiredRef } from './references';
import type { Reference, KindSpec } from './spec';
import { created, refusedDrop } from './drop';
import type { ClientVpnAuthorizationRule, ClientVpnEndpoint } from './clientVpnEndpoint.schema';

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

export type { ClientVpnAuthorizationRule, ClientVpnRoute, ClientVpnEndpoint } from './clientVpnEndpoint.schema';
