import type { ResourceId } from './ids.schema';

/** Widens a kind-specific id to the general one (every id is a resource id). */
export const asResourceId = (id: string): ResourceId => id as ResourceId;

/** Compares ids of different brands (a layout parent with a VPC id, say). */
export const sameId = (a: string | null | undefined, b: string | null | undefined): boolean => a != null && a === b;

export type {
  RegionId,
  AzId,
  VpcId,
  SubnetId,
  InternetGatewayId,
  NatGatewayId,
  ElasticIpId,
  VpnGatewayId,
  CustomerGatewayId,
  OnPremisesNetworkId,
  VpnConnectionId,
  ClientVpnEndpointId,
  DirectConnectId,
  RouteTableId,
  NetworkAclId,
  SecurityGroupId,
  InstanceId,
  EcsClusterId,
  EcsServiceId,
  EksClusterId,
  EksNodeGroupId,
  LambdaFunctionId,
  LambdaTriggerId,
  InternetId,
  EbsVolumeId,
  VpcPeeringConnectionId,
  TransitGatewayId,
  TransitGatewayAttachmentId,
  VpcEndpointId,
  PrefixListId,
  LoadBalancerId,
  TargetGroupId,
  LaunchTemplateId,
  AutoScalingGroupId,
  DbSubnetGroupId,
  DbInstanceId,
  ResourceId,
} from './ids.schema';
