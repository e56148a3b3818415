import { RegionSchema } from './region';
import { AvailabilityZoneSchema } from './availabilityZone';
import { VpcSchema } from './vpc';
import { SubnetSchema } from './subnet';
import { InternetGatewaySchema } from './internetGateway';
import { NatGatewaySchema } from './natGateway';
import { ElasticIpSchema } from './elasticIp';
import { VirtualPrivateGatewaySchema } from './virtualPrivateGateway';
import { CustomerGatewaySchema } from './customerGateway';
import { OnPremisesNetworkSchema } from './onPremisesNetwork';
import { VpnConnectionSchema } from './vpnConnection';
import { ClientVpnEndpointSchema } from './clientVpnEndpoint';
import { DirectConnectConnectionSchema } from './directConnectConnection';
import { RouteTableSchema } from './routeTable';
import { NetworkAclSchema } from './networkAcl';
import { SecurityGroupSchema } from './securityGroup';
import { Ec2InstanceSchema } from './ec2Instance';
import { EcsClusterSchema } from './ecsCluster';
import { EcsServiceSchema } from './ecsService';
import { EksClusterSchema } from './eksCluster';
import { EksNodeGroupSchema } from './eksNodeGroup';
import { LambdaFunctionSchema } from './lambdaFunction';
import { LambdaTriggerSchema } from './lambdaTrigger';
import { InternetSchema } from './internet';
import { EbsVolumeSchema } from './ebsVolume';
import { VpcPeeringConnectionSchema } from './vpcPeeringConnection';
import { TransitGatewaySchema } from './transitGateway';
import { TransitGatewayAttachmentSchema } from './transitGatewayAttachment';
import { ManagedPrefixListSchema } from './managedPrefixList';
import { VpcEndpointSchema } from './vpcEndpoint';
import { LoadBalancerSchema } from './loadBalancer';
import { TargetGroupSchema } from './targetGroup';
import { LaunchTemplateSchema } from './launchTemplate';
import { AutoScalingGroupSchema } from './autoScalingGroup';
import { DbSubnetGroupSchema } from './dbSubnetGroup';
import { DbInstanceSchema } from './dbInstance';

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
