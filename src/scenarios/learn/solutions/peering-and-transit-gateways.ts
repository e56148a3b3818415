import { produce } from 'immer';
import {
  asResourceId,
  type Design,
  type TransitGateway,
  type TransitGatewayAttachment,
  type TransitGatewayAttachmentId,
  type TransitGatewayId,
} from '../../../domain';
import { addResource, draftOf } from './edit';

const HUB_TABLE = 'tgw-rtb-hub';

/**
 * A transit gateway joins the App and Data VPCs: both attach with their one subnet, associate with and propagate
 * into the gateway's table, and each VPC sends the other's range to the gateway instead of a peering.
 */
export const solvePeeringAndTransitGateways = (start: Design): Design =>
  produce(start, (d) => {
    const hub = addResource<TransitGateway>(d, {
      kind: 'transitGateway',
      id: 'tgw-hub' as TransitGatewayId,
      name: 'Hub',
      regionId: draftOf(d, 'region-1', 'region').id,
      amazonSideAsn: 64512,
      routeTables: [{ id: HUB_TABLE, name: 'Hub route table', routes: [] }],
    });
    const attach = (vpcId: string, subnetId: string) =>
      addResource<TransitGatewayAttachment>(d, {
        kind: 'transitGatewayAttachment',
        id: `tgw-attach-${vpcId}` as TransitGatewayAttachmentId,
        name: `${draftOf(d, vpcId, 'vpc').name} attachment`,
        transitGatewayId: hub.id,
        type: 'vpc',
        vpcId: draftOf(d, vpcId, 'vpc').id,
        subnetIds: [draftOf(d, subnetId, 'subnet').id],
        customerGatewayId: null,
        associatedRouteTableId: HUB_TABLE,
        propagatedRouteTableIds: [HUB_TABLE],
        state: 'available',
        peerTransitGatewayId: null,
        peerAssociatedRouteTableId: null,
      });
    attach('vpc-a', 'subnet-app');
    attach('vpc-c', 'subnet-data');
    const sendToHub = (tableId: string, destination: string) => {
      const route = draftOf(d, tableId, 'routeTable').routes.find((r) => r.destination === destination);
      if (!route) throw new Error(`solution expects a route to ${destination} in ${tableId}`);
      route.target = asResourceId(hub.id);
    };
    sendToHub('rtb-a', '10.2.0.0/16');
    sendToHub('rtb-c', '10.0.0.0/16');
  });
