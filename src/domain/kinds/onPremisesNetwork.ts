import type { KindSpec } from './spec';
import { created } from './drop';

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

export type { OnPremisesNetwork } from './onPremisesNetwork.schema';
