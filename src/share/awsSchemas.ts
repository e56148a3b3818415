import { z } from 'zod';
import { NETWORK_AWS_KEYS } from './awsImportNetworks';
import { HA_AWS_KEYS } from './awsSchemasHa';
import { EKS_AWS_KEYS } from './awsImportEks';

/**
 * The parts of `aws ec2 describe-*` output Nimbus reads (AWS CLI v2 JSON).
 * Loose objects: every other field AWS prints is allowed and ignored.
 * Source: Amazon EC2 API Reference, the Describe* actions' response elements.
 */
const Tags = z.array(z.looseObject({ Key: z.string(), Value: z.string() })).optional();

export const AwsVpc = z.looseObject({
  VpcId: z.string(),
  CidrBlock: z.string(),
  CidrBlockAssociationSet: z
    .array(z.looseObject({ CidrBlock: z.string(), CidrBlockState: z.looseObject({ State: z.string() }).optional() }))
    .optional(),
  Tags,
});
export const AwsSubnet = z.looseObject({
  SubnetId: z.string(),
  VpcId: z.string(),
  CidrBlock: z.string(),
  AvailabilityZone: z.string(),
  MapPublicIpOnLaunch: z.boolean().optional(),
  Tags,
});
export const AwsRoute = z.looseObject({
  DestinationCidrBlock: z.string().optional(),
  DestinationIpv6CidrBlock: z.string().optional(),
  DestinationPrefixListId: z.string().optional(),
  GatewayId: z.string().optional(),
  NatGatewayId: z.string().optional(),
  InstanceId: z.string().optional(),
  NetworkInterfaceId: z.string().optional(),
  TransitGatewayId: z.string().optional(),
  VpcPeeringConnectionId: z.string().optional(),
  Origin: z.string().optional(),
  State: z.string().optional(),
});
export const AwsRouteTable = z.looseObject({
  RouteTableId: z.string(),
  VpcId: z.string(),
  Routes: z.array(AwsRoute).default([]),
  Associations: z.array(z.looseObject({ Main: z.boolean().optional(), SubnetId: z.string().optional() })).default([]),
  PropagatingVgws: z.array(z.looseObject({ GatewayId: z.string() })).default([]),
  Tags,
});
export const AwsNaclEntry = z.looseObject({
  RuleNumber: z.number().int(),
  Protocol: z.string(),
  RuleAction: z.enum(['allow', 'deny']),
  Egress: z.boolean(),
  CidrBlock: z.string().optional(),
  Ipv6CidrBlock: z.string().optional(),
  PortRange: z.looseObject({ From: z.number().int(), To: z.number().int() }).optional(),
});
export const AwsNetworkAcl = z.looseObject({
  NetworkAclId: z.string(),
  VpcId: z.string(),
  IsDefault: z.boolean(),
  Entries: z.array(AwsNaclEntry).default([]),
  Associations: z.array(z.looseObject({ SubnetId: z.string() })).default([]),
  Tags,
});
export const AwsIpPermission = z.looseObject({
  IpProtocol: z.string(),
  FromPort: z.number().int().optional(),
  ToPort: z.number().int().optional(),
  IpRanges: z.array(z.looseObject({ CidrIp: z.string(), Description: z.string().optional() })).default([]),
  UserIdGroupPairs: z
    .array(z.looseObject({ GroupId: z.string().optional(), Description: z.string().optional() }))
    .default([]),
  Ipv6Ranges: z.array(z.unknown()).default([]),
  PrefixListIds: z.array(z.looseObject({ PrefixListId: z.string(), Description: z.string().optional() })).default([]),
});
export const AwsSecurityGroup = z.looseObject({
  GroupId: z.string(),
  GroupName: z.string(),
  VpcId: z.string().optional(),
  Description: z.string().optional(),
  IpPermissions: z.array(AwsIpPermission).default([]),
  IpPermissionsEgress: z.array(AwsIpPermission).default([]),
  Tags,
});
export const AwsInstance = z.looseObject({
  InstanceId: z.string(),
  ImageId: z.string().optional(),
  InstanceType: z.string(),
  SubnetId: z.string().optional(),
  PrivateIpAddress: z.string().optional(),
  PublicIpAddress: z.string().optional(),
  State: z.looseObject({ Name: z.string() }),
  SecurityGroups: z.array(z.looseObject({ GroupId: z.string() })).default([]),
  HibernationOptions: z.looseObject({ Configured: z.boolean() }).optional(),
  SourceDestCheck: z.boolean().optional(),
  Tags,
});
export const AwsReservation = z.looseObject({ Instances: z.array(AwsInstance) });
export const AwsInternetGateway = z.looseObject({
  InternetGatewayId: z.string(),
  Attachments: z.array(z.looseObject({ VpcId: z.string(), State: z.string().optional() })).default([]),
  Tags,
});
export const AwsNatGateway = z.looseObject({
  NatGatewayId: z.string(),
  SubnetId: z.string(),
  State: z.string().optional(),
  NatGatewayAddresses: z
    .array(
      z.looseObject({
        AllocationId: z.string().optional(),
        PublicIp: z.string().optional(),
        PrivateIp: z.string().optional(),
        NetworkInterfaceId: z.string().optional(),
      }),
    )
    .default([]),
  Tags,
});
export const AwsAddress = z.looseObject({
  AllocationId: z.string().optional(),
  PublicIp: z.string(),
  InstanceId: z.string().optional(),
  NetworkInterfaceId: z.string().optional(),
  PrivateIpAddress: z.string().optional(),
  Tags,
});
export const AwsVpnGateway = z.looseObject({
  VpnGatewayId: z.string(),
  VpcAttachments: z.array(z.looseObject({ VpcId: z.string(), State: z.string().optional() })).default([]),
  AmazonSideAsn: z.number().optional(),
  Tags,
});
export const AwsCustomerGateway = z.looseObject({
  CustomerGatewayId: z.string(),
  IpAddress: z.string(),
  BgpAsn: z.string().optional(),
  Tags,
});
export const AwsVpnConnection = z.looseObject({
  VpnConnectionId: z.string(),
  VpnGatewayId: z.string().optional(),
  TransitGatewayId: z.string().optional(),
  State: z.string().optional(),
  CustomerGatewayId: z.string(),
  Options: z.looseObject({ StaticRoutesOnly: z.boolean().optional() }).optional(),
  Routes: z.array(z.looseObject({ DestinationCidrBlock: z.string(), State: z.string().optional() })).default([]),
  Tags,
});
export const AwsNetworkInterface = z.looseObject({
  NetworkInterfaceId: z.string(),
  PrivateIpAddress: z.string().optional(),
  SubnetId: z.string().optional(),
  Description: z.string().optional(),
  InterfaceType: z.string().optional(),
  Status: z.string().optional(),
  Attachment: z.looseObject({ InstanceId: z.string().optional(), DeviceIndex: z.number().int().optional() }).optional(),
  /** The interface's public IPv4: `IpOwnerId` "amazon" for an auto-assigned one, an `AllocationId` for an Elastic IP. */
  Association: z
    .looseObject({ PublicIp: z.string(), AllocationId: z.string().optional(), IpOwnerId: z.string().optional() })
    .optional(),
});

/** The top-level keys Nimbus recognises, each with the schema of its items. */
export const AWS_KEYS = {
  Vpcs: AwsVpc,
  Subnets: AwsSubnet,
  RouteTables: AwsRouteTable,
  NetworkAcls: AwsNetworkAcl,
  SecurityGroups: AwsSecurityGroup,
  Reservations: AwsReservation,
  InternetGateways: AwsInternetGateway,
  NatGateways: AwsNatGateway,
  Addresses: AwsAddress,
  VpnGateways: AwsVpnGateway,
  VpnConnections: AwsVpnConnection,
  CustomerGateways: AwsCustomerGateway,
  NetworkInterfaces: AwsNetworkInterface,
  ...NETWORK_AWS_KEYS,
  ...HA_AWS_KEYS,
  ...EKS_AWS_KEYS,
} as const;

export type AwsKey = keyof typeof AWS_KEYS;
export type AwsData = { [K in AwsKey]: z.infer<(typeof AWS_KEYS)[K]>[] };
