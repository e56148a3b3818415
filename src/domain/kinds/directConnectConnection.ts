import { optionalRef } from './references';
import type { KindSpec } from './spec';
import { resourcesOfKind } from '../lookup';
import { created, refusedDrop } from './drop';

export const directConnectConnectionKind: KindSpec<'directConnectConnection'> = {
  kind: 'directConnectConnection',
  idPrefix: 'dxcon',
  label: 'a Direct Connect link',
  containers: [null],
  isContainer: false,
  containerOf: () => undefined,
  references: [
    optionalRef('vpnGatewayId', ['virtualPrivateGateway']),
    optionalRef('onPremisesNetworkId', ['onPremisesNetwork']),
  ],
  // A 1 Gbps dedicated connection whose private virtual interface ends on the first attached virtual private gateway.
  create({ design, ids }) {
    const vgw = resourcesOfKind(design, 'virtualPrivateGateway').find((g) => g.vpcId !== null);
    if (!vgw) return refusedDrop('Add a virtual private gateway to a VPC first: the link ends on it.');
    const network = resourcesOfKind(design, 'onPremisesNetwork')[0];
    return created({
      kind: 'directConnectConnection',
      id: ids.next('directConnectConnection'),
      name: 'Direct Connect',
      location: 'Equinix DC2',
      bandwidth: '1Gbps',
      vpnGatewayId: vgw.id,
      onPremisesNetworkId: network?.id ?? null,
    });
  },
  duplicate: { reset: (copy) => copy },
};

export type { DirectConnectConnection } from './directConnectConnection.schema';
