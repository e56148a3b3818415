import type { NodeTypes } from '@xyflow/react';
import type { Kind, Resource } from '../../domain';
import { availabilityZoneView } from './availabilityZone';
import { clientVpnEndpointView } from './clientVpnEndpoint';
import { customerGatewayView } from './customerGateway';
import { directConnectConnectionView } from './directConnectConnection';
import { ebsVolumeView } from './ebsVolume';
import { ec2InstanceView } from './ec2Instance';
import { ecsClusterView } from './ecsCluster';
import { ecsServiceView } from './ecsService';
import { eksClusterView } from './eksCluster';
import { eksNodeGroupView } from './eksNodeGroup';
import { elasticIpView } from './elasticIp';
import { internetView } from './internet';
import { internetGatewayView } from './internetGateway';
import { lambdaFunctionView } from './lambdaFunction';
import { lambdaTriggerView } from './lambdaTrigger';
import { natGatewayView } from './natGateway';
import { networkAclView } from './networkAcl';
import { onPremisesNetworkView } from './onPremisesNetwork';
import { regionView } from './region';
import { routeTableView } from './routeTable';
import { securityGroupView } from './securityGroup';
import { subnetView } from './subnet';
import { virtualPrivateGatewayView } from './virtualPrivateGateway';
import { vpcView } from './vpc';
import { vpnConnectionView } from './vpnConnection';
import { vpcPeeringConnectionView } from './vpcPeeringConnection';
import { transitGatewayView } from './transitGateway';
import { transitGatewayAttachmentView } from './transitGatewayAttachment';
import { managedPrefixListView } from './managedPrefixList';
import { vpcEndpointView } from './vpcEndpoint';
import { loadBalancerView } from './loadBalancer';
import { targetGroupView } from './targetGroup';
import { launchTemplateView } from './launchTemplate';
import { autoScalingGroupView } from './autoScalingGroup';
import { dbSubnetGroupView } from './dbSubnetGroup';
import { dbInstanceView } from './dbInstance';
import type { KindView, KindViewRegistry } from './view';

/**
 * Every kind's canvas view, in palette order within each group. Typed as a
 * `KindViewRegistry`, so a kind without a view does not compile.
 */
export const KIND_VIEWS = {
  region: regionView,
  vpc: vpcView,
  availabilityZone: availabilityZoneView,
  subnet: subnetView,
  routeTable: routeTableView,
  internetGateway: internetGatewayView,
  natGateway: natGatewayView,
  elasticIp: elasticIpView,
  networkAcl: networkAclView,
  securityGroup: securityGroupView,
  ec2Instance: ec2InstanceView,
  launchTemplate: launchTemplateView,
  autoScalingGroup: autoScalingGroupView,
  ebsVolume: ebsVolumeView,
  ecsCluster: ecsClusterView,
  ecsService: ecsServiceView,
  eksCluster: eksClusterView,
  eksNodeGroup: eksNodeGroupView,
  lambdaFunction: lambdaFunctionView,
  lambdaTrigger: lambdaTriggerView,
  virtualPrivateGateway: virtualPrivateGatewayView,
  onPremisesNetwork: onPremisesNetworkView,
  customerGateway: customerGatewayView,
  vpnConnection: vpnConnectionView,
  clientVpnEndpoint: clientVpnEndpointView,
  directConnectConnection: directConnectConnectionView,
  vpcPeeringConnection: vpcPeeringConnectionView,
  transitGateway: transitGatewayView,
  transitGatewayAttachment: transitGatewayAttachmentView,
  vpcEndpoint: vpcEndpointView,
  loadBalancer: loadBalancerView,
  targetGroup: targetGroupView,
  dbSubnetGroup: dbSubnetGroupView,
  dbInstance: dbInstanceView,
  managedPrefixList: managedPrefixListView,
  internet: internetView,
} as const satisfies KindViewRegistry;

export const kindView = <K extends Kind>(kind: K): KindView<K> => KIND_VIEWS[kind] as unknown as KindView<K>;
export const viewOf = (resource: Resource): KindView<Kind> => kindView(resource.kind) as KindView<Kind>;

/** React Flow's node types: one component per kind, keyed by kind. */
export const NODE_TYPES = Object.fromEntries(
  Object.entries(KIND_VIEWS).map(([kind, view]) => [kind, view.node]),
) as Record<Kind, NodeTypes[string]>;

/** Each kind's own icon. */
export const kindIcon = (kind: Kind): string => KIND_VIEWS[kind].icon;
