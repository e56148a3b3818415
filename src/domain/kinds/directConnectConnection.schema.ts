import { z } from 'zod';
import { DirectConnectIdSchema, OnPremisesNetworkIdSchema, VpnGatewayIdSchema } from '../ids.schema';
import { NameSchema } from '../common.schema';

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
export type DirectConnectConnection = z.infer<typeof DirectConnectConnectionSchema>;
