import { z } from 'zod';
import { ElasticIpIdSchema } from '../ids.schema';
import { Ipv4TextSchema, NameSchema } from '../common.schema';

export const ElasticIpSchema = z.object({
  kind: z.literal('elasticIp'),
  id: ElasticIpIdSchema,
  name: NameSchema,
  publicIp: Ipv4TextSchema,
});
export type ElasticIp = z.infer<typeof ElasticIpSchema>;
