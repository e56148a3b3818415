import { z } from 'zod';
import { OnPremisesNetworkIdSchema } from '../ids.schema';
import { CidrTextSchema, NameSchema } from '../common.schema';

export const OnPremisesNetworkSchema = z.object({
  kind: z.literal('onPremisesNetwork'),
  id: OnPremisesNetworkIdSchema,
  name: NameSchema,
  cidrs: z.array(CidrTextSchema),
});
export type OnPremisesNetwork = z.infer<typeof OnPremisesNetworkSchema>;
