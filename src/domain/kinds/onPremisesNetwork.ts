import { z } from 'zod';
import { OnPremisesNetworkIdSchema } from '../ids';
import { CidrTextSchema, NameSchema } from '../common';
import type { KindSpec } from './spec';
import { created } from './drop';

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
  create: ({ ids }) =>
    created({
      kind: 'onPremisesNetwork',
      id: ids.next('onPremisesNetwork'),
      name: 'Corporate data center',
      cidrs: ['192.168.0.0/16'],
    }),
  duplicate: { reset: (copy) => copy },
};
