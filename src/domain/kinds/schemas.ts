import { RegionSchema } from './region.schema';
import { AvailabilityZoneSchema } from './availabilityZone.schema';
import { VpcSchema } from './vpc.schema';
import { SubnetSchema } from './subnet.schema';
import { InternetGatewaySchema } from './internetGateway.schema';
import { NatGatewaySchema } from './natGateway.schema';
import { ElasticIpSchema } from './elasticIp.schema';
import { VirtualPrivateGatewaySchema } from './virtualPrivateGateway.schema';
import { CustomerGatewaySchema } from './customerGateway.schema';
import { OnPremisesNetworkSchema } from './onPremisesNetwork.schema';
import { VpnConnectionSchema } from './vpnConnection.schema';
import { ClientVpnEndpointSchema } from './clientVpnEndpoint.schema';
import { DirectConnectConnectionSchema } from './directConnectConnection.schema';
import { RouteTableSchema } from './routeTable.schema';
import { NetworkAclSchema } from './networkAcl.schema';
import { SecurityGroupSchema } from './securityGroup.schema';
import { Ec2InstanceSchema } from './ec2Instance.schema';
import { EcsClusterSchema } from './ecsCluster.schema';
import { EcsServiceSchema } from './ecsService.schema';
import { EksClusterSchema } from './eksCluster.schema';
import { EksNodeGroupSchema } from './eksNodeGroup.schema';
import { LambdaFunctionSchema } from './lambdaFunction.schema';
import { LambdaTriggerSchema } from './lambdaTrigger.schema';
import { InternetSchema } from './internet.schema';
import { EbsVolumeSchema } from './ebsVolume.schema';
import { VpcPeeringConnectionSchema } from './vpcPeeringConnection.schema';
import { TransitGatewaySchema } from './transitGateway.schema';
import { TransitGatewayAttachmentSchema } from './transitGatewayAttachment.schema';
import { ManagedPrefixListSchema } from './managedPrefixList.schema';
import { VpcEndpointSchema } from './vpcEndpoint.schema';
import { LoadBalancerSchema } from './loadBalancer.schema';
import { TargetGroupSchema } from './targetGroup.schema';
import { LaunchTemplateSchema } from './launchTemplate.schema';
import { AutoScalingGroupSchema } from './autoScalingGroup.schema';
import { DbSubnetGroupSchema } from './dbSubnetGroup.schema';
import { DbInstanceSchema } from './dbInstance.schema';

/**
 * The schema of every resource kind, one line each. The `Kind` type is read
 * from this list, and both kind registries must then name every kind.
 */
export const RESOURCE_SCHEMAS = [
  RegionSchema,
  AvailabilityZoneSchema,
  VpcSchema,
  SubnetSchema,
  InternetGatewaySchema,
  NatGatewaySchema,
  ElasticIpSchema,
  VirtualPrivateGatewaySchema,
  CustomerGatewaySchema,
  OnPremisesNetworkSchema,
  VpnConnectionSchema,
  ClientVpnEndpointSchema,
  DirectConnectConnectionSchema,
  RouteTableSchema,
  NetworkAclSchema,
  SecurityGroupSchema,
  Ec2InstanceSchema,
  EbsVolumeSchema,
  EcsClusterSchema,
  EcsServiceSchema,
  EksClusterSchema,
  EksNodeGroupSchema,
  LambdaFunctionSchema,
  LambdaTriggerSchema,
  InternetSchema,
  VpcPeeringConnectionSchema,
  TransitGatewaySchema,
  TransitGatewayAttachmentSchema,
  ManagedPrefixListSchema,
  VpcEndpointSchema,
  LoadBalancerSchema,
  TargetGroupSchema,
  LaunchTemplateSchema,
  AutoScalingGroupSchema,
  DbSubnetGroupSchema,
  DbInstanceSchema,
] as const;
