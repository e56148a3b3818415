import { z } from 'zod';
import {
  PrefixListIdSchema,
  RouteTableIdSchema,
  SecurityGroupIdSchema,
  SubnetIdSchema,
  VpcEndpointIdSchema,
  VpcIdSchema,
} from '../ids.schema';
import { Ipv4TextSchema, NameSchema } from '../common.schema';

/**
 * A VPC endpoint (`vpce-`). A gateway endpoint (S3 or DynamoDB only, no charge)
 * puts a route to the service's prefix list in each of its route tables,
 * target the endpoint; it serves only its own VPC (not peered VPCs, VPN, Direct
 * Connect or a transit gateway). An interface endpoint has an interface (a
 * private address) in each of its subnets, at most one per zone, with
 * security groups. Sources: AWS PrivateLink, "Gateway endpoints" and
 * "Access an AWS service using an interface VPC endpoint"; EC2 API `CreateVpcEndpoint`.
 */
export const VpcEndpointSchema = z.object({
  kind: z.literal('vpcEndpoint'),
  id: VpcEndpointIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema,
  type: z.enum(['gateway', 'interface']),
  /** e.g. `com.amazonaws.us-east-1.s3`. */
  serviceName: z.string(),
  /** Gateway endpoints: the service's prefix list, the destination of the routes it adds. */
  prefixListId: PrefixListIdSchema.nullable().default(null),
  routeTableIds: z.array(RouteTableIdSchema).default([]),
  /** Interface endpoints: one subnet per zone, an address in each, and the groups on those interfaces. */
  subnetIds: z.array(SubnetIdSchema).default([]),
  privateIps: z.array(Ipv4TextSchema).default([]),
  securityGroupIds: z.array(SecurityGroupIdSchema).default([]),
});
export type VpcEndpoint = z.infer<typeof VpcEndpointSchema>;
