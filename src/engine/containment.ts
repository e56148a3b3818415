import { getResource, type Design, type Kind, type Resource } from '../domain';

/**
 * Where each kind is drawn, the way AWS architecture diagrams nest them:
 * Region > VPC > Availability Zone > subnet > instance. `null` means the bare
 * canvas (outside any Region). Source: AWS Architecture Icons, "Groups" guidance.
 */
export const ALLOWED_CONTAINERS: Record<Kind, readonly (Kind | null)[]> = {
  region: [null],
  vpc: ['region'],
  availabilityZone: ['vpc'],
  subnet: ['availabilityZone'],
  ec2Instance: ['subnet'],
  natGateway: ['subnet'],
  internetGateway: ['vpc'],
  virtualPrivateGateway: ['vpc'],
  routeTable: ['vpc'],
  networkAcl: ['vpc'],
  securityGroup: ['vpc'],
  clientVpnEndpoint: ['vpc'],
  elasticIp: ['region'],
  lambdaFunction: ['region'],
  lambdaTrigger: ['region'],
  ecsCluster: ['region'],
  eksCluster: ['region'],
  ecsService: ['ecsCluster'],
  customerGateway: [null],
  onPremisesNetwork: [null],
  vpnConnection: [null],
  directConnectConnection: [null],
  internet: [null],
};

export const CONTAINER_KINDS: ReadonlySet<Kind> = new Set([
  'region',
  'vpc',
  'availabilityZone',
  'subnet',
  'ecsCluster',
]);

const KIND_LABEL: Record<Kind, string> = {
  region: 'a Region',
  vpc: 'a VPC',
  availabilityZone: 'an Availability Zone',
  subnet: 'a subnet',
  ec2Instance: 'an instance',
  natGateway: 'a NAT gateway',
  internetGateway: 'an internet gateway',
  virtualPrivateGateway: 'a virtual private gateway',
  routeTable: 'a route table',
  networkAcl: 'a network ACL',
  securityGroup: 'a security group',
  clientVpnEndpoint: 'a Client VPN endpoint',
  elasticIp: 'an Elastic IP',
  lambdaFunction: 'a Lambda function',
  lambdaTrigger: 'a trigger',
  ecsCluster: 'an ECS cluster',
  eksCluster: 'an EKS cluster',
  ecsService: 'an ECS service',
  customerGateway: 'a customer gateway',
  onPremisesNetwork: 'an on-premises network',
  vpnConnection: 'a Site-to-Site VPN',
  directConnectConnection: 'a Direct Connect link',
  internet: 'the internet',
};

export const kindLabel = (kind: Kind): string => KIND_LABEL[kind];

/** The container a resource is drawn in, derived from the model (and, for zones, the layout). */
export function containerOf(design: Design, resource: Resource): Resource | undefined {
  const find = (id: string | null | undefined) => (id ? design.resources[id] : undefined);
  switch (resource.kind) {
    case 'vpc':
    case 'ecsCluster':
    case 'eksCluster':
    case 'lambdaFunction':
      return find(resource.regionId);
    case 'availabilityZone': {
      const placed = find(design.layout[resource.id]?.parentId);
      return placed?.kind === 'vpc' ? placed : find(resource.regionId);
    }
    case 'subnet': {
      const zone = getResource(design, resource.azId, 'availabilityZone');
      const zoneParent = zone ? find(design.layout[zone.id]?.parentId) : undefined;
      return zone && zoneParent?.id === resource.vpcId ? zone : find(resource.vpcId);
    }
    case 'ec2Instance':
    case 'natGateway':
      return find(resource.subnetId);
    case 'internetGateway':
    case 'virtualPrivateGateway':
      return find(resource.vpcId) ?? find(design.layout[resource.id]?.parentId);
    case 'routeTable':
    case 'networkAcl':
    case 'securityGroup':
    case 'clientVpnEndpoint':
      return find(resource.vpcId);
    case 'ecsService':
      return find(resource.clusterId);
    case 'lambdaTrigger': {
      const fn = getResource(design, resource.functionId, 'lambdaFunction');
      return fn ? find(fn.regionId) : find(design.layout[resource.id]?.parentId);
    }
    case 'elasticIp': {
      const placed = find(design.layout[resource.id]?.parentId);
      if (placed) return placed;
      // An associated address is drawn in the Region of what it is associated with.
      const holder = Object.values(design.resources).find(
        (r) => (r.kind === 'natGateway' || r.kind === 'ec2Instance') && r.elasticIpId === resource.id,
      );
      return holder ? ancestorsOf(design, holder).find((r) => r.kind === 'region') : undefined;
    }
    default:
      return undefined;
  }
}

/** The chain of containers above a resource, nearest first. */
export function ancestorsOf(design: Design, resource: Resource): Resource[] {
  const chain: Resource[] = [];
  for (let parent = containerOf(design, resource); parent && chain.length < 10; parent = containerOf(design, parent))
    chain.push(parent);
  return chain;
}

/** The Region a container sits in (itself when it is one). */
export function regionOf(design: Design, resource: Resource | undefined): Resource | undefined {
  if (!resource) return undefined;
  if (resource.kind === 'region') return resource;
  return ancestorsOf(design, resource).find((r) => r.kind === 'region');
}

export type DropCheck = { ok: true } | { ok: false; reason: string };

/**
 * May a new or moved resource of `kind` go into `container` (undefined: bare canvas)?
 * The reason is short enough to show at the pointer.
 */
export function checkDrop(design: Design, kind: Kind, container: Resource | undefined): DropCheck {
  const allowed = ALLOWED_CONTAINERS[kind];
  const target = container?.kind ?? null;
  if (allowed.includes(target)) {
    if (kind === 'subnet' && container?.kind === 'availabilityZone') {
      const vpc = containerOf(design, container);
      if (vpc?.kind !== 'vpc')
        return { ok: false, reason: 'A subnet belongs to a VPC: put the Availability Zone inside a VPC first.' };
    }
    if (kind === 'availabilityZone' && container?.kind === 'vpc' && !regionOf(design, container)) {
      return { ok: false, reason: 'Put the VPC in a Region before adding Availability Zones.' };
    }
    return { ok: true };
  }
  const where = allowed.map((k) => (k === null ? 'on the open canvas' : `inside ${kindLabel(k)}`)).join(' or ');
  const here = container ? `in ${kindLabel(container.kind)}` : 'on the open canvas';
  return { ok: false, reason: `${capitalise(kindLabel(kind))} can't go ${here}; drop it ${where}.` };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
