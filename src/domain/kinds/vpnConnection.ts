import { z } from 'zod';
import { CustomerGatewayIdSchema, VpnConnectionIdSchema, VpnGatewayIdSchema } from '../ids';
import { CidrTextSchema, NameSchema } from '../common';
import { requiredRef } from './references';
import type { KindSpec } from './spec';

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
export type VpnConnection = z.infer<typeof VpnConnectionSchema>;

export const vpnConnectionKind: KindSpec<'vpnConnection'> = {
  kind: 'vpnConnection',
  idPrefix: 'vpn',
  label: 'a Site-to-Site VPN',
  containers: [null],
  isContainer: false,
  containerOf: () => undefined,
  // A VPN connection joins exactly these two gateways; without either it is gone.
  references: [
    requiredRef('vpnGatewayId', ['virtualPrivateGateway'], 'deleteSelf'),
    requiredRef('customerGatewayId', ['customerGateway'], 'deleteSelf'),
  ],
  duplicate: { reset: (copy) => copy },
};
