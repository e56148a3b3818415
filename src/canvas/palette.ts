import type { NewResourceSpec } from '../engine';
import { ICONS, KIND_ICON } from './icons';

/** The palette, grouped the way the course teaches. */
export interface PaletteItem {
  id: string;
  label: string;
  spec: NewResourceSpec;
  icon: string;
  hint: string;
}

export interface PaletteGroup {
  name: string;
  items: PaletteItem[];
}

const item = (
  id: string,
  label: string,
  spec: NewResourceSpec,
  hint: string,
  icon = KIND_ICON[spec.kind],
): PaletteItem => ({ id, label, spec, icon, hint });

export const PALETTE: readonly PaletteGroup[] = [
  {
    name: 'Networking',
    items: [
      item('region', 'Region', { kind: 'region' }, 'Drop on the canvas'),
      item('vpc', 'VPC', { kind: 'vpc' }, 'Drop in a Region'),
      item('az', 'Availability Zone', { kind: 'availabilityZone' }, 'Drop in a VPC'),
      item('subnet', 'Subnet', { kind: 'subnet' }, 'Drop in an Availability Zone'),
      item('route-table', 'Route table', { kind: 'routeTable' }, 'Drop in a VPC'),
      item('igw', 'Internet gateway', { kind: 'internetGateway' }, 'Drop in a VPC'),
      item('nat', 'NAT gateway', { kind: 'natGateway' }, 'Drop in a public subnet'),
      item('eip', 'Elastic IP', { kind: 'elasticIp' }, 'Drop in a Region'),
    ],
  },
  {
    name: 'Security',
    items: [
      item('nacl', 'Network ACL', { kind: 'networkAcl' }, 'Drop in a VPC'),
      item('sg', 'Security group', { kind: 'securityGroup' }, 'Drop in a VPC'),
    ],
  },
  { name: 'Compute', items: [item('ec2', 'EC2 instance', { kind: 'ec2Instance' }, 'Drop in a subnet')] },
  {
    name: 'Containers',
    items: [
      item('ecs-cluster', 'ECS cluster', { kind: 'ecsCluster' }, 'Drop in a Region'),
      item('ecs-service', 'ECS service (EC2)', { kind: 'ecsService', variant: 'ec2' }, 'Drop in an ECS cluster'),
      item(
        'fargate',
        'Fargate service',
        { kind: 'ecsService', variant: 'fargate' },
        'Drop in an ECS cluster',
        ICONS.fargate,
      ),
      item('eks', 'EKS cluster', { kind: 'eksCluster', variant: 'nodeGroup' }, 'Drop in a Region'),
    ],
  },
  {
    name: 'Serverless',
    items: [
      item('lambda', 'Lambda function', { kind: 'lambdaFunction' }, 'Drop in a Region'),
      item(
        'api-gateway',
        'API Gateway trigger',
        { kind: 'lambdaTrigger', variant: 'apiGateway' },
        'Drop in a Region with a function',
        ICONS.apiGateway,
      ),
      item(
        'sqs',
        'SQS trigger',
        { kind: 'lambdaTrigger', variant: 'sqs' },
        'Drop in a Region with a function',
        ICONS.sqs,
      ),
      item(
        's3',
        'S3 event trigger',
        { kind: 'lambdaTrigger', variant: 's3' },
        'Drop in a Region with a function',
        ICONS.s3,
      ),
      item(
        'schedule',
        'EventBridge schedule',
        { kind: 'lambdaTrigger', variant: 'eventBridgeSchedule' },
        'Drop in a Region with a function',
        ICONS.eventBridge,
      ),
    ],
  },
  {
    name: 'Hybrid',
    items: [
      item('vgw', 'Virtual private gateway', { kind: 'virtualPrivateGateway' }, 'Drop in a VPC'),
      item('onprem', 'On-premises network', { kind: 'onPremisesNetwork' }, 'Drop on the canvas'),
      item('cgw', 'Customer gateway', { kind: 'customerGateway' }, 'Drop on the canvas'),
      item('vpn', 'Site-to-Site VPN', { kind: 'vpnConnection' }, 'Needs a VGW and a customer gateway'),
      item('client-vpn', 'Client VPN endpoint', { kind: 'clientVpnEndpoint' }, 'Drop in a VPC'),
      item('dx', 'Direct Connect', { kind: 'directConnectConnection' }, 'Needs a VGW'),
    ],
  },
  { name: 'Actors', items: [item('internet', 'Internet (users)', { kind: 'internet' }, 'Drop on the canvas')] },
];

export const PALETTE_MIME = 'application/x-nimbus-palette';

export function searchPalette(query: string): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...PALETTE];
  return PALETTE.map((group) => ({
    ...group,
    items: group.items.filter((i) =>
      words.every((w) => `${i.label} ${group.name} ${i.hint}`.toLowerCase().includes(w)),
    ),
  })).filter((group) => group.items.length > 0);
}
