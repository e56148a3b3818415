import { z } from 'zod';
import { VpcIdSchema, VpnGatewayIdSchema } from '../ids.schema';
import { NameSchema } from '../common.schema';

export const VirtualPrivateGatewaySchema = z.object({
  kind: z.literal('virtualPrivateGateway'),
  id: VpnGatewayIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema.nullable(),
  amazonSideAsn: z.number().int().positive().default(64512),
});
export type VirtualPrivateGateway = z.infer<typeof VirtualPrivateGatewaySchema>;
