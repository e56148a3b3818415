import type { NodeTypes } from '@xyflow/react';
import type { Kind } from '../../domain';
import { ICONS, KIND_ICON, TRIGGER_ICON } from '../icons';
import { ContainerFrame } from './ContainerFrame';
import { ResourceCard } from './ResourceCard';
import type { ResourceNodeProps } from './parts';

/** One node component per resource kind; they share the frame and card visuals. */
const RegionNode = (p: ResourceNodeProps) => (
  <ContainerFrame
    {...p}
    connectable={false}
    frame={{
      border: 'border-teal-600/70 bg-teal-50/30 dark:bg-teal-950/20',
      header: 'text-teal-900 dark:text-teal-100',
      icon: ICONS.region,
      dashed: true,
    }}
  />
);
const VpcNode = (p: ResourceNodeProps) => (
  <ContainerFrame
    {...p}
    connectable
    frame={{
      border: 'border-violet-600/80 bg-violet-50/30 dark:bg-violet-950/20',
      header: 'text-violet-900 dark:text-violet-100',
      icon: ICONS.vpc,
    }}
  />
);
const ZoneNode = (p: ResourceNodeProps) => (
  <ContainerFrame
    {...p}
    connectable={false}
    frame={{
      border: 'border-sky-500/80 bg-transparent',
      header: 'text-sky-900 dark:text-sky-100',
      icon: ICONS.zone,
      dashed: true,
    }}
  />
);
function SubnetNode(p: ResourceNodeProps) {
  const isPublic = p.data.facts.badges[0]?.tone === 'public';
  return (
    <ContainerFrame
      {...p}
      connectable
      frame={
        isPublic
          ? {
              border: 'border-emerald-600/80 bg-emerald-50/60 dark:bg-emerald-950/30',
              header: 'bg-emerald-600/10 text-emerald-900 dark:text-emerald-100',
              icon: ICONS.publicSubnet,
            }
          : {
              border: 'border-sky-600/80 bg-sky-50/60 dark:bg-sky-950/30',
              header: 'bg-sky-600/10 text-sky-900 dark:text-sky-100',
              icon: ICONS.privateSubnet,
            }
      }
    />
  );
}
const EcsClusterNode = (p: ResourceNodeProps) => (
  <ContainerFrame
    {...p}
    connectable={false}
    frame={{
      border: 'border-orange-500/80 bg-orange-50/40 dark:bg-orange-950/20',
      header: 'text-orange-900 dark:text-orange-100',
      icon: ICONS.ecs,
    }}
  />
);

const card = (icon: string, accent: string) => (p: ResourceNodeProps) => (
  <ResourceCard {...p} icon={icon} accent={accent} />
);
const COMPUTE = 'border-l-orange-500';
const NETWORK = 'border-l-violet-500';
const SECURITY = 'border-l-red-500';
const HYBRID = 'border-l-slate-500';

function TriggerNode(p: ResourceNodeProps) {
  const resource = p.data.resource;
  const icon = resource.kind === 'lambdaTrigger' ? TRIGGER_ICON[resource.source] : KIND_ICON.lambdaTrigger;
  return <ResourceCard {...p} icon={icon} accent="border-l-pink-500" />;
}
function EcsServiceNode(p: ResourceNodeProps) {
  const resource = p.data.resource;
  const fargate = resource.kind === 'ecsService' && resource.launchType === 'FARGATE';
  return <ResourceCard {...p} icon={fargate ? ICONS.fargate : ICONS.ecsService} accent={COMPUTE} />;
}

export const NODE_TYPES: Record<Kind, NodeTypes[string]> = {
  region: RegionNode,
  vpc: VpcNode,
  availabilityZone: ZoneNode,
  subnet: SubnetNode,
  ecsCluster: EcsClusterNode,
  ec2Instance: card(KIND_ICON.ec2Instance, COMPUTE),
  natGateway: card(KIND_ICON.natGateway, NETWORK),
  internetGateway: card(KIND_ICON.internetGateway, NETWORK),
  virtualPrivateGateway: card(KIND_ICON.virtualPrivateGateway, HYBRID),
  routeTable: card(KIND_ICON.routeTable, NETWORK),
  networkAcl: card(KIND_ICON.networkAcl, SECURITY),
  securityGroup: card(KIND_ICON.securityGroup, SECURITY),
  clientVpnEndpoint: card(KIND_ICON.clientVpnEndpoint, HYBRID),
  elasticIp: card(KIND_ICON.elasticIp, NETWORK),
  lambdaFunction: card(KIND_ICON.lambdaFunction, 'border-l-orange-500'),
  lambdaTrigger: TriggerNode,
  ecsService: EcsServiceNode,
  eksCluster: card(KIND_ICON.eksCluster, COMPUTE),
  customerGateway: card(KIND_ICON.customerGateway, HYBRID),
  onPremisesNetwork: card(KIND_ICON.onPremisesNetwork, HYBRID),
  vpnConnection: card(KIND_ICON.vpnConnection, HYBRID),
  directConnectConnection: card(KIND_ICON.directConnectConnection, HYBRID),
  internet: card(KIND_ICON.internet, 'border-l-slate-400'),
};
