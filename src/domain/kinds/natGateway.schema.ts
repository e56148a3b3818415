import { z } from 'zod';
import { ElasticIpIdSchema, NatGatewayIdSchema, SubnetIdSchema } from '../ids.schema';
import { Ipv4TextSchema, NameSchema } from '../common.schema';

export const NatGatewaySchema = z.object({
  kind: z.literal('natGateway'),
  id: NatGatewayIdSchema,
  name: NameSchema,
  subnetId: SubnetIdSchema,
  elasticIpId: ElasticIpIdSchema.nullable(),
  privateIp: Ipv4TextSchema,
});
export type NatGateway = z.infer<typeof NatGatewaySchema>;
