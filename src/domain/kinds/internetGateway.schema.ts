import { z } from 'zod';
import { InternetGatewayIdSchema, VpcIdSchema } from '../ids.schema';
import { NameSchema } from '../common.schema';

export const InternetGatewaySchema = z.object({
  kind: z.literal('internetGateway'),
  id: InternetGatewayIdSchema,
  name: NameSchema,
  /** The VPC it is attached to; `null` when detached. */
  vpcId: VpcIdSchema.nullable(),
});
export type InternetGateway = z.infer<typeof InternetGatewaySchema>;
