import { z } from 'zod';
import {
  CustomerGatewayIdSchema,
  SubnetIdSchema,
  TransitGatewayAttachmentIdSchema,
  TransitGatewayIdSchema,
  VpcIdSchema,
} from '../ids.schema';
import { NameSchema } from '../common.schema';

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
