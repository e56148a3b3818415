import { getResource, resourcesOfKind } from '../lookup';
import { listRef, optionalRef, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';
import type { TransitGatewayAttachment } from './transitGatewayAttachment.schema';

export const transitGatewayAttachmentKind: KindSpec<'transitGatewayAttachment'> = {
  kind: 'transitGatewayAttachment',
  idPrefix: 'tgw-attach',
  label: 'a transit gateway attachment',
  containers: [null],
  isContainer: false,
  containerOf: () => undefined,
  references: [
    requiredRef('transitGatewayId', ['transitGateway'], 'deleteSelf'),
    optionalRef('vpcId', ['vpc'], 'deleteSelf'),
    listRef('subnetIds', ['subnet']),
    optionalRef('customerGatewayId', ['customerGateway'], 'deleteSelf'),
    optionalRef('peerTransitGatewayId', ['transitGateway'], 'deleteSelf'),
  ],
  // Attaches the first VPC without an attachment, with one subnet per zone, to the design's first transit gateway.
  create({ design, ids }) {
    const tgw = resourcesOfKind(design, 'transitGateway')[0];
    if (!tgw) return refusedDrop('Add a transit gateway to the Region first.');
    const vpc = resourcesOfKind(design, 'vpc').find(
      (v) =>
        !resourcesOfKind(design, 'transitGatewayAttachment').some(
          (a) => a.transitGatewayId === tgw.id && a.vpcId === v.id,
        ),
    );
    if (!vpc) return refusedDrop(`Every VPC is already attached to ${tgw.name}.`);
    return created(vpcAttachment(design, ids.next('transitGatewayAttachment'), tgw.id, vpc.id, tgw.routeTables[0]?.id));
  },
  duplicate: false,
};

/**
 * A VPC attachment with AWS's defaults: one subnet in each zone the VPC uses
 * (the first of each), associated with and propagating into the default table.
 */
export function vpcAttachment(
  design: Parameters<typeof resourcesOfKind>[0],
  id: string,
  tgwId: string,
  vpcId: string,
  defaultTableId: string | undefined,
): TransitGatewayAttachment {
  const zones = new Set<string>();
  const subnetIds: string[] = [];
  for (const subnet of resourcesOfKind(design, 'subnet')) {
    if (subnet.vpcId !== vpcId || zones.has(subnet.azId)) continue;
    zones.add(subnet.azId);
    subnetIds.push(subnet.id);
  }
  const vpc = getResource(design, vpcId, 'vpc');
  return {
    kind: 'transitGatewayAttachment',
    id: id as TransitGatewayAttachment['id'],
    name: `${vpc?.name ?? vpcId} attachment`,
    transitGatewayId: tgwId as TransitGatewayAttachment['transitGatewayId'],
    type: 'vpc',
    vpcId: vpcId as TransitGatewayAttachment['vpcId'],
    subnetIds: subnetIds as TransitGatewayAttachment['subnetIds'],
    customerGatewayId: null,
    associatedRouteTableId: defaultTableId ?? null,
    propagatedRouteTableIds: defaultTableId ? [defaultTableId] : [],
    state: 'available',
    peerTransitGatewayId: null,
    peerAssociatedRouteTableId: null,
  };
}

export type { TransitGatewayAttachment } from './transitGatewayAttachment.schema';
