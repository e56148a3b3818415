import { requiredRef } from './references';
import type { KindSpec } from './spec';
import { getResource, resourcesOfKind } from '../lookup';
import { created, refusedDrop } from './drop';

export const vpnConnectionKind: KindSpec<'vpnConnection'> = {
  kind: 'vpnConnection',
  idPrefix: 'vpn',
  label: 'a Site-to-Site VPN',
  containers: [null],
  isContainer: false,
  containerOf: () => undefined,
  // A VPN connection joins exactly these two gateways; without either it is gone.
  references: [
    requiredRef('vpnGatewayId', ['virtualPrivateGateway'], 'deleteSelf'),
    requiredRef('customerGatewayId', ['customerGateway'], 'deleteSelf'),
  ],
  // Static routing to the customer gateway's network, from the first attached virtual private gateway.
  create({ design, ids }) {
    const vgw = resourcesOfKind(design, 'virtualPrivateGateway').find((g) => g.vpcId !== null);
    if (!vgw) return refusedDrop('Add a virtual private gateway to a VPC first: the link ends on it.');
    const cgw = resourcesOfKind(design, 'customerGateway')[0];
    if (!cgw)
      return refusedDrop('Add a customer gateway first: a Site-to-Site VPN joins it to the virtual private gateway.');
    const network = getResource(design, cgw.onPremisesNetworkId, 'onPremisesNetwork');
    return created({
      kind: 'vpnConnection',
      id: ids.next('vpnConnection'),
      name: 'Site-to-Site VPN',
      vpnGatewayId: vgw.id,
      customerGatewayId: cgw.id,
      routing: 'static',
      staticRoutes: network?.cidrs ?? [],
    });
  },
  duplicate: { reset: (copy) => copy },
};

export type { VpnConnection } from './vpnConnection.schema';
