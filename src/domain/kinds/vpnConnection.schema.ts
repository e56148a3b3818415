import { z } from 'zod';
import { CustomerGatewayIdSchema, VpnConnectionIdSchema, VpnGatewayIdSchema } from '../ids.schema';
import { CidrTextSchema, NameSchema } from '../common.schema';

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
