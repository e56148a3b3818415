import { optionalRef } from './references';
import type { KindSpec } from './spec';
import { resourcesOfKind } from '../lookup';
import { created } from './drop';

export const customerGatewayKind: KindSpec<'customerGateway'> = {
  kind: 'customerGateway',
  idPrefix: 'cgw',
  label: 'a customer gateway',
  containers: [null],
  isContainer: false,
  containerOf: () => undefined,
  references: [optionalRef('onPremisesNetworkId', ['onPremisesNetwork'])],
  // Joined to the on-premises network when the design has exactly one.
  create({ design, ids, nextPublicIp }) {
    const networks = resourcesOfKind(design, 'onPremisesNetwork');
    return created({
      kind: 'customerGateway',
      id: ids.next('customerGateway'),
      name: 'Customer gateway',
      ipAddress: nextPublicIp(),
      bgpAsn: 65000,
      onPremisesNetworkId: networks.length === 1 ? networks[0]!.id : null,
    });
  },
  duplicate: { reset: (copy) => copy },
};

export type { CustomerGateway } from './customerGateway.schema';
