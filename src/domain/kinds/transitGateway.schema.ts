import { z } from 'zod';
import { RegionIdSchema, TransitGatewayIdSchema } from '../ids.schema';
import { CidrTextSchema, NameSchema } from '../common.schema';

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
