import { z } from 'zod';
import { OnPremisesNetworkIdSchema } from '../ids';
import { CidrTextSchema, NameSchema } from '../common';
import type { KindSpec } from './spec';

export const OnPremisesNetworkSchema = z.object({
  kind: z.literal('onPremisesNetwork'),
  id: OnPremisesNetworkIdSchema,
  name: NameSchema,
  cidrs: z.array(CidrTextSchema),
});
export type OnPremisesNetwork = z.infer<typeof OnPremisesNetworkSchema>;

export const onPremisesNetworkKind: KindSpec<'onPremisesNetwork'> = {
  kind: 'onPremisesNetwork',
  idPrefix: 'onprem',
  label: 'an on-premises network',
  containers: [null],
  isContainer: false,
  containerOf: () => undefined,
  references: [],
  duplicate: { reset: (copy) => copy },
};
