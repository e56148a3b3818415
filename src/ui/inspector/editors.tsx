import type { Design, Kind, ResourceOf } from '../../domain';
import { EcsServiceEditor, InstanceEditor } from './computeEditors';
import { LambdaEditor, TriggerEditor } from './serverlessEditors';
import { EbsVolumeEditor } from './storageEditors';
import { EksClusterEditor, EksNodeGroupEditor } from './eksEditors';
import {
  GatewayEditor,
  NatGatewayEditor,
  NetworkAclEditor,
  RouteTableEditor,
  SecurityGroupEditor,
  SubnetEditor,
  VpcEditor,
} from './networkEditors';
import { LoadBalancerEditor } from './balancingEditors';
import { TargetGroupEditor } from './targetGroupEditor';
import { AutoScalingGroupEditor, LaunchTemplateEditor } from './scalingEditors';
import { DbInstanceEditor, DbSubnetGroupEditor } from './databaseEditors';
import { ClientVpnEditor } from './clientVpnEditor';
import { PeeringEditor, TransitGatewayAttachmentEditor, TransitGatewayEditor } from './networkJoinEditors';

export type EditorProps<R> = { resource: R; design: Design };

/** Each kind's editor takes that kind's resource, so an editor can't be listed under the wrong kind. */
type EditorRegistry = { readonly [K in Kind]: ((props: EditorProps<ResourceOf<K>>) => React.ReactNode) | null };

/**
 * The inspector's editor for each kind; `null` for kinds that show their name
 * and links only. The UI half of the kind registry (the rest is in
 * `canvas/kinds/`): it lives here because the inspector sits above the canvas.
 * Typed as a record of every kind, so a new kind must say what it shows.
 */
export const KIND_EDITORS = {
  region: null,
  availabilityZone: null,
  vpc: VpcEditor,
  subnet: SubnetEditor,
  internetGateway: GatewayEditor,
  natGateway: NatGatewayEditor,
  elasticIp: null,
  virtualPrivateGateway: GatewayEditor,
  customerGateway: null,
  onPremisesNetwork: null,
  vpnConnection: null,
  clientVpnEndpoint: ClientVpnEditor,
  directConnectConnection: null,
  routeTable: RouteTableEditor,
  networkAcl: NetworkAclEditor,
  securityGroup: SecurityGroupEditor,
  ec2Instance: InstanceEditor,
  ebsVolume: EbsVolumeEditor,
  ecsCluster: null,
  ecsService: EcsServiceEditor,
  eksCluster: EksClusterEditor,
  eksNodeGroup: EksNodeGroupEditor,
  lambdaFunction: LambdaEditor,
  lambdaTrigger: TriggerEditor,
  vpcPeeringConnection: PeeringEditor,
  transitGateway: TransitGatewayEditor,
  transitGatewayAttachment: TransitGatewayAttachmentEditor,
  managedPrefixList: null,
  vpcEndpoint: null,
  loadBalancer: LoadBalancerEditor,
  targetGroup: TargetGroupEditor,
  launchTemplate: LaunchTemplateEditor,
  autoScalingGroup: AutoScalingGroupEditor,
  dbSubnetGroup: DbSubnetGroupEditor,
  dbInstance: DbInstanceEditor,
  internet: null,
} as const satisfies EditorRegistry;
