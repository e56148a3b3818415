import type { Design, Kind, Resource, ResourceOf } from '../design';
import { availabilityZoneKind } from './availabilityZone';
import { clientVpnEndpointKind } from './clientVpnEndpoint';
import { customerGatewayKind } from './customerGateway';
import { directConnectConnectionKind } from './directConnectConnection';
import { ebsVolumeKind } from './ebsVolume';
import { ec2InstanceKind } from './ec2Instance';
import { ecsClusterKind } from './ecsCluster';
import { ecsServiceKind } from './ecsService';
import { eksClusterKind } from './eksCluster';
import { eksNodeGroupKind } from './eksNodeGroup';
import { elasticIpKind } from './elasticIp';
import { internetKind } from './internet';
import { internetGatewayKind } from './internetGateway';
import { lambdaFunctionKind } from './lambdaFunction';
import { lambdaTriggerKind } from './lambdaTrigger';
import { natGatewayKind } from './natGateway';
import { networkAclKind } from './networkAcl';
import { onPremisesNetworkKind } from './onPremisesNetwork';
import { regionKind } from './region';
import { routeTableKind } from './routeTable';
import { securityGroupKind } from './securityGroup';
import { subnetKind } from './subnet';
import { virtualPrivateGatewayKind } from './virtualPrivateGateway';
import { vpcKind } from './vpc';
import { vpnConnectionKind } from './vpnConnection';
import { vpcPeeringConnectionKind } from './vpcPeeringConnection';
import { transitGatewayKind } from './transitGateway';
import { transitGatewayAttachmentKind } from './transitGatewayAttachment';
import { managedPrefixListKind } from './managedPrefixList';
import { vpcEndpointKind } from './vpcEndpoint';
import { loadBalancerKind } from './loadBalancer';
import { targetGroupKind } from './targetGroup';
import { launchTemplateKind } from './launchTemplate';
import { autoScalingGroupKind } from './autoScalingGroup';
import { dbSubnetGroupKind } from './dbSubnetGroup';
import { dbInstanceKind } from './dbInstance';
import { resourcesOfKind } from '../lookup';
import type { KindRegistry, KindSpec, Reference } from './spec';

/** Every kind's pure spec. Typed as a `KindRegistry`, so a kind without a spec does not compile. */
export const KIND_SPECS = {
  region: regionKind,
  availabilityZone: availabilityZoneKind,
  vpc: vpcKind,
  subnet: subnetKind,
  internetGateway: internetGatewayKind,
  natGateway: natGatewayKind,
  elasticIp: elasticIpKind,
  virtualPrivateGateway: virtualPrivateGatewayKind,
  customerGateway: customerGatewayKind,
  onPremisesNetwork: onPremisesNetworkKind,
  vpnConnection: vpnConnectionKind,
  clientVpnEndpoint: clientVpnEndpointKind,
  directConnectConnection: directConnectConnectionKind,
  routeTable: routeTableKind,
  networkAcl: networkAclKind,
  securityGroup: securityGroupKind,
  ec2Instance: ec2InstanceKind,
  ebsVolume: ebsVolumeKind,
  ecsCluster: ecsClusterKind,
  ecsService: ecsServiceKind,
  eksCluster: eksClusterKind,
  eksNodeGroup: eksNodeGroupKind,
  lambdaFunction: lambdaFunctionKind,
  lambdaTrigger: lambdaTriggerKind,
  internet: internetKind,
  vpcPeeringConnection: vpcPeeringConnectionKind,
  transitGateway: transitGatewayKind,
  transitGatewayAttachment: transitGatewayAttachmentKind,
  managedPrefixList: managedPrefixListKind,
  vpcEndpoint: vpcEndpointKind,
  loadBalancer: loadBalancerKind,
  targetGroup: targetGroupKind,
  launchTemplate: launchTemplateKind,
  autoScalingGroup: autoScalingGroupKind,
  dbSubnetGroup: dbSubnetGroupKind,
  dbInstance: dbInstanceKind,
} as const satisfies KindRegistry;

export const ALL_KINDS = Object.keys(KIND_SPECS) as Kind[];

/** The spec of a kind, typed for that kind. */
export const kindSpec = <K extends Kind>(kind: K): KindSpec<K> => KIND_SPECS[kind] as unknown as KindSpec<K>;

/** The spec that fits a resource, so its functions can be called without a switch. */
export const specOf = <R extends Resource>(resource: R): KindSpec<R['kind']> => kindSpec(resource.kind);

/** The kind in a sentence ("a VPC"). */
export const kindLabel = (kind: Kind): string => KIND_SPECS[kind].label;

export const CONTAINER_KINDS: ReadonlySet<Kind> = new Set(ALL_KINDS.filter((k) => KIND_SPECS[k].isContainer));

/** The one truth for "which kinds can a route send traffic to". */
export const ROUTE_TARGET_KINDS: ReadonlySet<Kind> = new Set(
  ALL_KINDS.filter((k) => (KIND_SPECS[k] as KindSpec<Kind>).routeTarget !== undefined),
);

/** The container a resource is drawn in, from its kind's spec. */
export function containerOf(design: Design, resource: Resource): Resource | undefined {
  return specOf(resource).containerOf(design, resource as never, (other) => containerOf(design, other));
}

/** A resource's references, typed loosely for generic readers (delete, validation, importers). */
export function referencesOf<R extends Resource>(resource: R): readonly Reference<R>[] {
  return specOf(resource).references as unknown as readonly Reference<R>[];
}

/** The kinds a reference may name, with `routeTargets` spelled out. */
export function referenceKinds(reference: { kinds: Reference<never>['kinds'] }): readonly Kind[] {
  return reference.kinds === 'routeTargets' ? [...ROUTE_TARGET_KINDS] : reference.kinds;
}

/** Why a route to `target` goes nowhere, or null when it forwards; the kind's spec decides. */
export function routeBlackholeReason(design: Design, table: ResourceOf<'routeTable'>, target: Resource): string | null {
  const check = (specOf(target) as KindSpec<Kind>).routeTarget;
  if (!check) return `${target.name} (${target.kind}) can't be a route target`;
  return check.blackholeReason(design, table, target as never);
}

/** The resources a route table of this VPC may send traffic to, in registry order. */
export function routeTargetsInVpc(design: Design, vpcId: string): Resource[] {
  const targets: Resource[] = [];
  for (const kind of ROUTE_TARGET_KINDS) {
    const spec = kindSpec(kind) as KindSpec<Kind>;
    const { vpcOf, vpcsOf } = spec.routeTarget!;
    for (const r of resourcesOfKind(design, kind))
      if (vpcsOf ? vpcsOf(design, r as never).includes(vpcId) : vpcOf(design, r as never) === vpcId) targets.push(r);
  }
  return targets;
}
