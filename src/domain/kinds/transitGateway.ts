import { z } from 'zod';
import { RegionIdSchema, TransitGatewayIdSchema } from '../ids';
import { CidrTextSchema, NameSchema } from '../common';
import { getResource, resourceById, resourcesOfKind } from '../lookup';
import { listIn, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';

/**
 * A static route of a transit gateway route table: to an attachment, or a
 * blackhole (`attachmentId: null`) that drops what it matches.
 * Source: Amazon VPC Transit Gateways, "Transit gateway route tables".
 */
export const TgwRouteSchema = z.object({
  destination: CidrTextSchema,
  attachmentId: z.string().nullable(),
});
export type TgwRoute = z.infer<typeof TgwRouteSchema>;

/** A transit gateway route table; attachments say which table they are associated with and propagate into. */
export const TgwRouteTableSchema = z.object({
  id: z.string().min(1),
  name: NameSchema,
  // "Static routes per transit gateway": 10,000 (Amazon VPC Transit Gateways, "Quotas for your transit gateways").
  routes: z.array(TgwRouteSchema).max(10_000).default([]),
});
export type TgwRouteTable = z.infer<typeof TgwRouteTableSchema>;

export const TransitGatewaySchema = z.object({
  kind: z.literal('transitGateway'),
  id: TransitGatewayIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
  /** AWS's default private ASN for the Amazon side (EC2 API `TransitGatewayRequestOptions`). */
  amazonSideAsn: z.number().int().positive().default(64512),
  // The quota is 20 route tables per gateway (validated); the schema's bound only keeps a file readable.
  routeTables: z.array(TgwRouteTableSchema).max(1000).default([]),
});
export type TransitGateway = z.infer<typeof TransitGatewaySchema>;

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
