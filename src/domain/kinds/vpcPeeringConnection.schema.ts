import { z } from 'zod';
import { VpcIdSchema, VpcPeeringConnectionIdSchema } from '../ids.schema';
import { NameSchema } from '../common.schema';

/**
 * The states a peering connection shows (EC2 API `VpcPeeringConnectionStateReason.code`).
 * Nimbus forwards only over an `active` one; the others are kept as AWS lists them.
 * Source: Amazon VPC Peering Guide, "VPC peering connection lifecycle".
 */
export const PeeringStatusSchema = z.enum([
  'pending-acceptance',
  'provisioning',
  'active',
  'failed',
  'rejected',
  'expired',
]);
export type PeeringStatus = z.infer<typeof PeeringStatusSchema>;

export const VpcPeeringConnectionSchema = z.object({
  kind: z.literal('vpcPeeringConnection'),
  id: VpcPeeringConnectionIdSchema,
  name: NameSchema,
  /** The VPC that asked for the connection and the one that accepts it; same or another Region of the account. */
  requesterVpcId: VpcIdSchema,
  accepterVpcId: VpcIdSchema,
  status: PeeringStatusSchema.default('active'),
});
export type VpcPeeringConnection = z.infer<typeof VpcPeeringConnectionSchema>;
