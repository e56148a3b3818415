import type { Design, Resource } from '../../domain';
import { EcsServiceEditor, InstanceEditor, LambdaEditor, TriggerEditor } from './computeEditors';
import {
  GatewayEditor,
  NatGatewayEditor,
  NetworkAclEditor,
  RouteTableEditor,
  SecurityGroupEditor,
  SubnetEditor,
  VpcEditor,
} from './networkEditors';

export type EditorProps<R> = { resource: R; design: Design };

/** The editor for each kind; kinds without one show their name and links only. */
export const KIND_EDITORS: Partial<Record<Resource['kind'], (props: EditorProps<never>) => React.ReactNode>> = {
  vpc: VpcEditor,
  subnet: SubnetEditor,
  ec2Instance: InstanceEditor,
  routeTable: RouteTableEditor,
  networkAcl: NetworkAclEditor,
  securityGroup: SecurityGroupEditor,
  internetGateway: GatewayEditor,
  virtualPrivateGateway: GatewayEditor,
  natGateway: NatGatewayEditor,
  lambdaFunction: LambdaEditor,
  lambdaTrigger: TriggerEditor,
  ecsService: EcsServiceEditor,
};
