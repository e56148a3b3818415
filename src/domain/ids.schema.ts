import { z } from 'zod';

/**
 * Branded ids: a SubnetId can't be passed where a VpcId is expected.
 * Ids are opaque strings; `newId` makes readable ones (`subnet-3f9a1c`).
 */
const idOf = <B extends string>() => z.string().min(1, 'must not be empty').brand<B>();

export const RegionIdSchema = idOf<'RegionId'>();
export const AzIdSchema = idOf<'AzId'>();
export const VpcIdSchema = idOf<'VpcId'>();
export const SubnetIdSchema = idOf<'SubnetId'>();
export const InternetGatewayIdSchema = idOf<'InternetGatewayId'>();
export const NatGatewayIdSchema = idOf<'NatGatewayId'>();
export const ElasticIpIdSchema = idOf<'ElasticIpId'>();
export const VpnGatewayIdSchema = idOf<'VpnGatewayId'>();
export const CustomerGatewayIdSchema = idOf<'CustomerGatewayId'>();
export const OnPremisesNetworkIdSchema = idOf<'OnPremisesNetworkId'>();
export const VpnConnectionIdSchema = idOf<'VpnConnectionId'>();
export const ClientVpnEndpointIdSchema = idOf<'ClientVpnEndpointId'>();
export const DirectConnectIdSchema = idOf<'DirectConnectId'>();
export const RouteTableIdSchema = idOf<'RouteTableId'>();
export const NetworkAclIdSchema = idOf<'NetworkAclId'>();
export const SecurityGroupIdSchema = idOf<'SecurityGroupId'>();
export const InstanceIdSchema = idOf<'InstanceId'>();
export const EcsClusterIdSchema = idOf<'EcsClusterId'>();
export const EcsServiceIdSchema = idOf<'EcsServiceId'>();
export const EksClusterIdSchema = idOf<'EksClusterId'>();
export const EksNodeGroupIdSchema = idOf<'EksNodeGroupId'>();
export const LambdaFunctionIdSchema = idOf<'LambdaFunctionId'>();
export const LambdaTriggerIdSchema = idOf<'LambdaTriggerId'>();
export const InternetIdSchema = idOf<'InternetId'>();
export const EbsVolumeIdSchema = idOf<'EbsVolumeId'>();
export const VpcPeeringConnectionIdSchema = idOf<'VpcPeeringConnectionId'>();
export const TransitGatewayIdSchema = idOf<'TransitGatewayId'>();
export const TransitGatewayAttachmentIdSchema = idOf<'TransitGatewayAttachmentId'>();
export const VpcEndpointIdSchema = idOf<'VpcEndpointId'>();
export const PrefixListIdSchema = idOf<'PrefixListId'>();
export const LoadBalancerIdSchema = idOf<'LoadBalancerId'>();
export const TargetGroupIdSchema = idOf<'TargetGroupId'>();
export const LaunchTemplateIdSchema = idOf<'LaunchTemplateId'>();
export const AutoScalingGroupIdSchema = idOf<'AutoScalingGroupId'>();
export const DbSubnetGroupIdSchema = idOf<'DbSubnetGroupId'>();
export const DbInstanceIdSchema = idOf<'DbInstanceId'>();
/** Any resource's id, for places that accept several kinds (route targets, layout parents). */
export const ResourceIdSchema = idOf<'ResourceId'>();

export type RegionId = z.infer<typeof RegionIdSchema>;
export type AzId = z.infer<typeof AzIdSchema>;
export type VpcId = z.infer<typeof VpcIdSchema>;
export type SubnetId = z.infer<typeof SubnetIdSchema>;
export type InternetGatewayId = z.infer<typeof InternetGatewayIdSchema>;
export type NatGatewayId = z.infer<typeof NatGatewayIdSchema>;
export type ElasticIpId = z.infer<typeof ElasticIpIdSchema>;
export type VpnGatewayId = z.infer<typeof VpnGatewayIdSchema>;
export type CustomerGatewayId = z.infer<typeof CustomerGatewayIdSchema>;
export type OnPremisesNetworkId = z.infer<typeof OnPremisesNetworkIdSchema>;
export type VpnConnectionId = z.infer<typeof VpnConnectionIdSchema>;
export type ClientVpnEndpointId = z.infer<typeof ClientVpnEndpointIdSchema>;
export type DirectConnectId = z.infer<typeof DirectConnectIdSchema>;
export type RouteTableId = z.infer<typeof RouteTableIdSchema>;
export type NetworkAclId = z.infer<typeof NetworkAclIdSchema>;
export type SecurityGroupId = z.infer<typeof SecurityGroupIdSchema>;
export type InstanceId = z.infer<typeof InstanceIdSchema>;
export type EcsClusterId = z.infer<typeof EcsClusterIdSchema>;
export type EcsServiceId = z.infer<typeof EcsServiceIdSchema>;
export type EksClusterId = z.infer<typeof EksClusterIdSchema>;
export type EksNodeGroupId = z.infer<typeof EksNodeGroupIdSchema>;
export type LambdaFunctionId = z.infer<typeof LambdaFunctionIdSchema>;
export type LambdaTriggerId = z.infer<typeof LambdaTriggerIdSchema>;
export type InternetId = z.infer<typeof InternetIdSchema>;
export type EbsVolumeId = z.infer<typeof EbsVolumeIdSchema>;
export type VpcPeeringConnectionId = z.infer<typeof VpcPeeringConnectionIdSchema>;
export type TransitGatewayId = z.infer<typeof TransitGatewayIdSchema>;
export type TransitGatewayAttachmentId = z.infer<typeof TransitGatewayAttachmentIdSchema>;
export type VpcEndpointId = z.infer<typeof VpcEndpointIdSchema>;
export type PrefixListId = z.infer<typeof PrefixListIdSchema>;
export type LoadBalancerId = z.infer<typeof LoadBalancerIdSchema>;
export type TargetGroupId = z.infer<typeof TargetGroupIdSchema>;
export type LaunchTemplateId = z.infer<typeof LaunchTemplateIdSchema>;
export type AutoScalingGroupId = z.infer<typeof AutoScalingGroupIdSchema>;
export type DbSubnetGroupId = z.infer<typeof DbSubnetGroupIdSchema>;
export type DbInstanceId = z.infer<typeof DbInstanceIdSchema>;
export type ResourceId = z.infer<typeof ResourceIdSchema>;
