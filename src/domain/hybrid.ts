import { z } from 'zod';
import {
  ClientVpnEndpointIdSchema,
  CustomerGatewayIdSchema,
  DirectConnectIdSchema,
  OnPremisesNetworkIdSchema,
  SubnetIdSchema,
  VpcIdSchema,
  VpnConnectionIdSchema,
  VpnGatewayIdSchema,
} from './ids';
import { CidrTextSchema, Ipv4TextSchema, NameSchema } from './common';

export const OnPremisesNetworkSchema = z.object({
  kind: z.literal('onPremisesNetwork'),
  id: OnPremisesNetworkIdSchema,
  name: NameSchema,
  cidrs: z.array(CidrTextSchema),
});

export const CustomerGatewaySchema = z.object({
  kind: z.literal('customerGateway'),
  id: CustomerGatewayIdSchema,
  name: NameSchema,
  /** The public address of the on-premises VPN device. */
  ipAddress: Ipv4TextSchema,
  bgpAsn: z.number().int().positive().default(65000),
  onPremisesNetworkId: OnPremisesNetworkIdSchema.nullable(),
});

export const VpnConnectionSchema = z.object({
  kind: z.literal('vpnConnection'),
  id: VpnConnectionIdSchema,
  name: NameSchema,
  vpnGatewayId: VpnGatewayIdSchema,
  customerGatewayId: CustomerGatewayIdSchema,
  /** Static: the routes below; dynamic: BGP propagates the on-premises CIDRs. */
  routing: z.enum(['static', 'dynamic']),
  staticRoutes: z.array(CidrTextSchema).default([]),
});

export const ClientVpnEndpointSchema = z.object({
  kind: z.literal('clientVpnEndpoint'),
  id: ClientVpnEndpointIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema,
  /** Addresses given to connected users' devices; must not overlap the VPC. */
  clientCidr: CidrTextSchema,
  targetSubnetIds: z.array(SubnetIdSchema).default([]),
  authorizedCidrs: z.array(CidrTextSchema).default([]),
});

export const DirectConnectConnectionSchema = z.object({
  kind: z.literal('directConnectConnection'),
  id: DirectConnectIdSchema,
  name: NameSchema,
  location: z.string(),
  bandwidth: z.enum(['1Gbps', '10Gbps']),
  /** The private virtual interface ends on this virtual private gateway. */
  vpnGatewayId: VpnGatewayIdSchema.nullable(),
  onPremisesNetworkId: OnPremisesNetworkIdSchema.nullable(),
});

export type OnPremisesNetwork = z.infer<typeof OnPremisesNetworkSchema>;
export type CustomerGateway = z.infer<typeof CustomerGatewaySchema>;
export type VpnConnection = z.infer<typeof VpnConnectionSchema>;
export type ClientVpnEndpoint = z.infer<typeof ClientVpnEndpointSchema>;
export type DirectConnectConnection = z.infer<typeof DirectConnectConnectionSchema>;
