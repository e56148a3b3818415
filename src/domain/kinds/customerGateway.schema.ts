import { z } from 'zod';
import { CustomerGatewayIdSchema, OnPremisesNetworkIdSchema } from '../ids.schema';
import { Ipv4TextSchema, NameSchema } from '../common.schema';

export const CustomerGatewaySchema = z.object({
  kind: z.literal('customerGateway'),
  id: CustomerGatewayIdSchema,
  name: NameSchema,
  /** The public address of the on-premises VPN device. */
  ipAddress: Ipv4TextSchema,
  bgpAsn: z.number().int().positive().default(65000),
  onPremisesNetworkId: OnPremisesNetworkIdSchema.nullable(),
});
export type CustomerGateway = z.infer<typeof CustomerGatewaySchema>;
