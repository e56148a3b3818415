import { z } from 'zod';
import {
  AzIdSchema,
  ElasticIpIdSchema,
  InternetGatewayIdSchema,
  NatGatewayIdSchema,
  NetworkAclIdSchema,
  RegionIdSchema,
  ResourceIdSchema,
  RouteTableIdSchema,
  SecurityGroupIdSchema,
  SubnetIdSchema,
  VpcIdSchema,
  VpnGatewayIdSchema,
} from './ids';
import { CidrTextSchema, Ipv4TextSchema, NameSchema, PortRangeSchema, ProtocolSchema } from './common';

export const RegionSchema = z.object({
  kind: z.literal('region'),
  id: RegionIdSchema,
  name: NameSchema,
  /** AWS Region code, e.g. `us-east-1`. */
  code: z.string(),
});

export const AvailabilityZoneSchema = z.object({
  kind: z.literal('availabilityZone'),
  id: AzIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
  /** AWS zone name, e.g. `us-east-1a`. */
  zoneName: z.string(),
});

export const VpcSchema = z.object({
  kind: z.literal('vpc'),
  id: VpcIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
  cidr: CidrTextSchema,
  secondaryCidrs: z.array(CidrTextSchema).default([]),
});

export const SubnetSchema = z.object({
  kind: z.literal('subnet'),
  id: SubnetIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema,
  azId: AzIdSchema,
  cidr: CidrTextSchema,
  /** The subnet's "auto-assign public IPv4 address" setting. */
  mapPublicIpOnLaunch: z.boolean().default(false),
});

export const InternetGatewaySchema = z.object({
  kind: z.literal('internetGateway'),
  id: InternetGatewayIdSchema,
  name: NameSchema,
  /** The VPC it is attached to; `null` when detached. */
  vpcId: VpcIdSchema.nullable(),
});

export const ElasticIpSchema = z.object({
  kind: z.literal('elasticIp'),
  id: ElasticIpIdSchema,
  name: NameSchema,
  publicIp: Ipv4TextSchema,
});

export const NatGatewaySchema = z.object({
  kind: z.literal('natGateway'),
  id: NatGatewayIdSchema,
  name: NameSchema,
  subnetId: SubnetIdSchema,
  elasticIpId: ElasticIpIdSchema.nullable(),
  privateIp: Ipv4TextSchema,
});

export const VirtualPrivateGatewaySchema = z.object({
  kind: z.literal('virtualPrivateGateway'),
  id: VpnGatewayIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema.nullable(),
  amazonSideAsn: z.number().int().positive().default(64512),
});

/** `local`, or the id of the gateway/interface the route sends traffic to. */
export const RouteTargetSchema = z.union([z.literal('local'), ResourceIdSchema]);

export const RouteSchema = z.object({
  destination: CidrTextSchema,
  target: RouteTargetSchema,
});

export const RouteTableSchema = z.object({
  kind: z.literal('routeTable'),
  id: RouteTableIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema,
  main: z.boolean(),
  routes: z.array(RouteSchema),
  /** Explicit subnet associations; other subnets of the VPC use the main table. */
  subnetIds: z.array(SubnetIdSchema).default([]),
  /** Virtual private gateways whose routes propagate into this table. */
  propagatingGatewayIds: z.array(VpnGatewayIdSchema).default([]),
});

export const NaclRuleSchema = z.object({
  ruleNumber: z.number().int(),
  protocol: ProtocolSchema,
  ports: PortRangeSchema,
  cidr: CidrTextSchema,
  action: z.enum(['allow', 'deny']),
});

export const NetworkAclSchema = z.object({
  kind: z.literal('networkAcl'),
  id: NetworkAclIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema,
  isDefault: z.boolean(),
  /** User rules only; the final `*` deny rule is implicit. */
  inbound: z.array(NaclRuleSchema),
  outbound: z.array(NaclRuleSchema),
  /** Explicit associations; other subnets of the VPC use the default ACL. */
  subnetIds: z.array(SubnetIdSchema).default([]),
});

export const SgPeerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cidr'), cidr: CidrTextSchema }),
  z.object({ type: z.literal('securityGroup'), groupId: SecurityGroupIdSchema }),
]);

export const SgRuleSchema = z.object({
  protocol: ProtocolSchema,
  ports: PortRangeSchema,
  /** Source for inbound rules, destination for outbound rules. */
  peer: SgPeerSchema,
  description: z.string().default(''),
});

export const SecurityGroupSchema = z.object({
  kind: z.literal('securityGroup'),
  id: SecurityGroupIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema,
  isDefault: z.boolean(),
  description: z.string().default(''),
  inbound: z.array(SgRuleSchema),
  outbound: z.array(SgRuleSchema),
});

export type Region = z.infer<typeof RegionSchema>;
export type AvailabilityZone = z.infer<typeof AvailabilityZoneSchema>;
export type Vpc = z.infer<typeof VpcSchema>;
export type Subnet = z.infer<typeof SubnetSchema>;
export type InternetGateway = z.infer<typeof InternetGatewaySchema>;
export type ElasticIp = z.infer<typeof ElasticIpSchema>;
export type NatGateway = z.infer<typeof NatGatewaySchema>;
export type VirtualPrivateGateway = z.infer<typeof VirtualPrivateGatewaySchema>;
export type RouteTarget = z.infer<typeof RouteTargetSchema>;
export type Route = z.infer<typeof RouteSchema>;
export type RouteTable = z.infer<typeof RouteTableSchema>;
export type NaclRule = z.infer<typeof NaclRuleSchema>;
export type NetworkAcl = z.infer<typeof NetworkAclSchema>;
export type SgPeer = z.infer<typeof SgPeerSchema>;
export type SgRule = z.infer<typeof SgRuleSchema>;
export type SecurityGroup = z.infer<typeof SecurityGroupSchema>;
