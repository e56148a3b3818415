import { getResource, resourceById, resourcesOfKind } from '../lookup';
import { listIn, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';
import type { TransitGateway } from './transitGateway.schema';

/** The VPCs a transit gateway has VPC attachments for. */
export function attachedVpcIds(design: Parameters<typeof resourcesOfKind>[0], tgwId: string): string[] {
  return resourcesOfKind(design, 'transitGatewayAttachment')
    .filter((a) => a.transitGatewayId === tgwId && a.type === 'vpc' && a.vpcId)
    .map((a) => a.vpcId!);
}

export const transitGatewayKind: KindSpec<'transitGateway'> = {
  kind: 'transitGateway',
  idPrefix: 'tgw',
  label: 'a transit gateway',
  containers: ['region'],
  isContainer: false,
  containerOf: (design, tgw) => resourceById(design, tgw.regionId),
  references: [
    requiredRef('regionId', ['region'], 'keep'),
    // A static route to a deleted attachment stays, as a route AWS shows as blackhole.
    {
      ...listIn<TransitGateway>(
        'routeTables.routes.attachmentId',
        ['transitGatewayAttachment'],
        (t) => t.routeTables.flatMap((table) => table.routes.flatMap((r) => (r.attachmentId ? [r.attachmentId] : []))),
        (t) => t,
      ),
      onDelete: 'keep',
    },
  ],
  routeTarget: {
    vpcOf: (design, tgw) => attachedVpcIds(design, tgw.id)[0] ?? null,
    vpcsOf: (design, tgw) => attachedVpcIds(design, tgw.id),
    // The VPC's own subnet routes may name the gateway only once the VPC is attached to it.
    // Source: Amazon VPC Transit Gateways, "Transit gateway VPC attachments".
    blackholeReason(design, table, tgw) {
      const attachment = resourcesOfKind(design, 'transitGatewayAttachment').find(
        (a) => a.transitGatewayId === tgw.id && a.type === 'vpc' && a.vpcId === table.vpcId,
      );
      if (!attachment) return `its target ${tgw.name} has no attachment to this VPC`;
      if (attachment.state !== 'available') return `the attachment of ${tgw.name} to this VPC is ${attachment.state}`;
      if (!getResource(design, tgw.regionId, 'region')) return `its target ${tgw.name} is in no Region`;
      return null;
    },
  },
  // AWS's defaults: one default route table that every attachment associates with and propagates into.
  create({ design, region, ids }) {
    if (!region) return refusedDrop('Drop the transit gateway inside a Region.');
    const id = ids.next<TransitGateway['id']>('transitGateway');
    const count = resourcesOfKind(design, 'transitGateway').length;
    return created({
      kind: 'transitGateway',
      id,
      name: `Transit gateway ${count + 1}`,
      regionId: region.id,
      amazonSideAsn: 64512,
      routeTables: [{ id: `tgw-rtb-${id.replace(/^tgw-/, '')}`, name: 'Default route table', routes: [] }],
    });
  },
  duplicate: false,
};

export type { TgwRoute, TgwRouteTable, TransitGateway } from './transitGateway.schema';
