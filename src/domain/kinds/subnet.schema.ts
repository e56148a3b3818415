import { z } from 'zod';
import { AzIdSchema, SubnetIdSchema, VpcIdSchema } from '../ids.schema';
import { CidrTextSchema, NameSchema } from '../common.schema';

export const SubnetSchema = z.object({
  kind: z.literal('subnet'),
  id: SubnetIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema,
  azId: AzIdSchema,
  cidr: CidrTextSchema,
  /** The subnet's "auto-assign public IPv4 address" setting. */
  mapPublicIpOnLaunch: z.boolean().default(false),
});
export type Subnet = z.infer<typeof SubnetSchema>;
