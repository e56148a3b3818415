import { z } from 'zod';
import {
  CustomerGatewayIdSchema,
  SubnetIdSchema,
  TransitGatewayAttachmentIdSchema,
  TransitGatewayIdSchema,
  VpcIdSchema,
} from '../ids';
import { NameSchema } from '../common';
import { getResource, resourcesOfKind } from '../lookup';
import { listRef, optionalRef, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';

/** Attachment states Nimbus keeps (EC2 API `TransitGatewayAttachmentState`); only `available` forwards. */
export const TgwAttachmentStateSchema = z.enum([
  'available',
  'pending',
  'pendingAcceptance',
  'modifying',
  'failed',
  'rejected',
]);

export const TransitGatewayAttachmentSchema = z.object({
  kind: z.literal('transitGatewayAttachment'),
  id: TransitGatewayAttachmentIdSchema,
  name: NameSchema,
  transitGatewayId: TransitGatewayIdSchema,
  /**
   * A VPC attachment (one subnet per Availability Zone), a Site-to-Site VPN attachment to a customer
   * gateway, or a peering attachment to another transit gateway (same or another Region; static routes only).
   */
  type: z.enum(['vpc', 'vpn', 'peering']),
  vpcId: VpcIdSchema.nullable().default(null),
  /** At most one subnet per Availability Zone; only subnets in those zones can use the transit gateway. */
  subnetIds: z.array(SubnetIdSchema).default([]),
  customerGatewayId: CustomerGatewayIdSchema.nullable().default(null),
  /** The transit gateway route table that routes packets arriving from this attachment (ids of `routeTables`). */
  associatedRouteTableId: z.string().nullable().default(null),
  /** The tables this attachment installs its routes in (a VPC's CIDRs, a VPN's on-premises CIDRs). */
  propagatedRouteTableIds: z.array(z.string()).default([]),
  state: TgwAttachmentStateSchema.default('available'),
  /** Peering attachments: the other gateway, and the table the attachment is associated with there. */
  peerTransitGatewayId: TransitGatewayIdSchema.nullable().default(null),
  peerAssociatedRouteTableId: z.string().nullable().default(null),
});
export type TransitGatewayAttachment = z.infer<typeof TransitGatewayAttachmentSchema>;

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
