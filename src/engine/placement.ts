import {
  createAvailabilityZone,
  createElasticIp,
  createInstance,
  createInternetGateway,
  createNatGateway,
  createNetworkAcl,
  createRegion,
  createRouteTable,
  createSecurityGroup,
  createSubnet,
  createVpc,
  findRegion,
  getResource,
  newVpcResources,
  REGIONS,
  resourcesOfKind,
  sameId,
  type Design,
  type IdSource,
  type Kind,
  type LambdaTrigger,
  type Resource,
} from '../domain';
import { containerOf, checkDrop, regionOf } from './containment';
import { proposePrivateIp, proposeSubnetCidr, proposeVpcCidr } from './proposals';

/** What a palette item makes: a kind, and for some kinds a variant (Fargate service, SQS trigger…). */
export interface NewResourceSpec {
  kind: Kind;
  variant?: 'fargate' | 'ec2' | LambdaTrigger['source'] | 'nodeGroup' | 'fargateProfile';
}

export type Placement = { ok: true; resources: Resource[]; primaryId: string } | { ok: false; reason: string };

const refuse = (reason: string): Placement => ({ ok: false, reason });

/** Public addresses from the documentation ranges (RFC 5737), so they never look like someone's real host. */
function nextPublicIp(design: Design): string {
  const used = new Set([
    ...resourcesOfKind(design, 'elasticIp').map((e) => e.publicIp),
    ...resourcesOfKind(design, 'customerGateway').map((c) => c.ipAddress),
  ]);
  for (const prefix of ['203.0.113.', '198.51.100.']) {
    for (let n = 10; n < 255; n++) if (!used.has(prefix + n)) return prefix + n;
  }
  return '192.0.2.10';
}

/**
 * The resources a drop creates, with AWS's defaults and proposed addresses, or
 * the reason it can't be made there. Pure: the caller commits the result.
 */
export function createForDrop(
  design: Design,
  spec: NewResourceSpec,
  container: Resource | undefined,
  ids: IdSource,
): Placement {
  const check = checkDrop(design, spec.kind, container);
  if (!check.ok) return check;
  const one = (resource: Resource): Placement => ({ ok: true, resources: [resource], primaryId: resource.id });
  const region = regionOf(design, container);
  const vpc = container?.kind === 'vpc' ? container : undefined;

  switch (spec.kind) {
    case 'region': {
      const used = new Set(resourcesOfKind(design, 'region').map((r) => r.code));
      const info = REGIONS.find((r) => !used.has(r.code)) ?? REGIONS[0]!;
      return one(createRegion(ids, info.code, info.name));
    }
    case 'vpc': {
      if (region?.kind !== 'region') return refuse('Drop the VPC inside a Region.');
      const created = createVpc(
        ids,
        region.id,
        proposeVpcCidr(design),
        `VPC ${resourcesOfKind(design, 'vpc').length + 1}`,
      );
      return { ok: true, resources: newVpcResources(created), primaryId: created.vpc.id };
    }
    case 'availabilityZone': {
      if (region?.kind !== 'region' || !vpc) return refuse('Drop the Availability Zone inside a VPC.');
      const zones = findRegion(region.code)?.zones ?? [`${region.code}a`, `${region.code}b`, `${region.code}c`];
      const inVpc = new Set(
        resourcesOfKind(design, 'availabilityZone')
          .filter((z) => sameId(design.layout[z.id]?.parentId, vpc.id))
          .map((z) => z.zoneName),
      );
      const zoneName = zones.find((z) => !inVpc.has(z));
      if (!zoneName) return refuse(`${vpc.name} already spans every zone of ${region.code}.`);
      return one(createAvailabilityZone(ids, region.id, zoneName));
    }
    case 'subnet': {
      const subnetVpc = container ? containerOf(design, container) : undefined;
      if (container?.kind !== 'availabilityZone' || subnetVpc?.kind !== 'vpc')
        return refuse('Drop the subnet inside an Availability Zone of a VPC.');
      const block = proposeSubnetCidr(design, subnetVpc);
      if (!block) return refuse(`${subnetVpc.name} has no free block left for a subnet (/28 at the smallest).`);
      const count = resourcesOfKind(design, 'subnet').filter((s) => s.vpcId === subnetVpc.id).length;
      return one(createSubnet(ids, subnetVpc.id, container.id, block, `Subnet ${count + 1}`));
    }
    case 'ec2Instance':
    case 'natGateway': {
      if (container?.kind !== 'subnet') return refuse('Drop it inside a subnet.');
      const address = proposePrivateIp(design, container);
      if (!address) return refuse(`${container.name} has no free address (or its CIDR is not valid).`);
      if (spec.kind === 'natGateway') {
        const eip = createElasticIp(ids, nextPublicIp(design), 'NAT gateway address');
        const nat = createNatGateway(ids, container.id, eip.id, address);
        return { ok: true, resources: [nat, eip], primaryId: nat.id };
      }
      const group = resourcesOfKind(design, 'securityGroup').find((g) => g.vpcId === container.vpcId && g.isDefault);
      const count = resourcesOfKind(design, 'ec2Instance').length;
      return one(
        createInstance(ids, {
          subnet: container,
          privateIp: address,
          securityGroupIds: group ? [group.id] : [],
          name: `Instance ${count + 1}`,
        }),
      );
    }
    case 'internetGateway':
    case 'virtualPrivateGateway': {
      if (!vpc) return refuse('Drop the gateway inside a VPC.');
      const attached = resourcesOfKind(design, spec.kind).some((g) => g.vpcId === vpc.id);
      if (attached)
        return refuse(
          `${vpc.name} already has ${spec.kind === 'internetGateway' ? 'an internet' : 'a virtual private'} gateway; a VPC takes one.`,
        );
      if (spec.kind === 'internetGateway') return one(createInternetGateway(ids, vpc.id));
      return one({
        kind: 'virtualPrivateGateway',
        id: ids.next('virtualPrivateGateway'),
        name: 'Virtual private gateway',
        vpcId: vpc.id,
        amazonSideAsn: 64512,
      });
    }
    case 'routeTable':
      return vpc ? one(createRouteTable(ids, vpc)) : refuse('Drop the route table inside a VPC.');
    case 'networkAcl':
      return vpc ? one(createNetworkAcl(ids, vpc.id)) : refuse('Drop the network ACL inside a VPC.');
    case 'securityGroup':
      return vpc
        ? one(createSecurityGroup(ids, vpc.id, `sg-${resourcesOfKind(design, 'securityGroup').length + 1}`))
        : refuse('Drop the security group inside a VPC.');
    case 'clientVpnEndpoint':
      if (!vpc) return refuse('Drop the Client VPN endpoint inside a VPC.');
      return one({
        kind: 'clientVpnEndpoint',
        id: ids.next('clientVpnEndpoint'),
        name: 'Client VPN',
        vpcId: vpc.id,
        clientCidr: '100.64.0.0/22',
        targetSubnetIds: [],
        authorizedCidrs: [],
      });
    case 'elasticIp':
      return one(createElasticIp(ids, nextPublicIp(design)));
    case 'lambdaFunction':
      if (region?.kind !== 'region') return refuse('Drop the function inside a Region.');
      return one({
        kind: 'lambdaFunction',
        id: ids.next('lambdaFunction'),
        name: `function-${resourcesOfKind(design, 'lambdaFunction').length + 1}`,
        regionId: region.id,
        runtime: 'nodejs22.x',
        architecture: 'x86_64',
        memoryMb: 512,
        timeoutSeconds: 30,
        averageDurationMs: 200,
        reservedConcurrency: null,
        provisionedConcurrency: 0,
        vpcConfig: null,
      });
    case 'lambdaTrigger': {
      const fn = resourcesOfKind(design, 'lambdaFunction').find((f) => f.regionId === region?.id);
      if (!fn) return refuse('Add a Lambda function to this Region first: a trigger invokes one.');
      const source =
        spec.variant === 'sqs' || spec.variant === 's3' || spec.variant === 'eventBridgeSchedule'
          ? spec.variant
          : 'apiGateway';
      const names = {
        apiGateway: 'API Gateway',
        sqs: 'SQS queue',
        s3: 'S3 event',
        eventBridgeSchedule: 'Schedule',
      } as const;
      return one({
        kind: 'lambdaTrigger',
        id: ids.next('lambdaTrigger'),
        name: names[source],
        functionId: fn.id,
        source,
        eventsPerSecond: source === 'eventBridgeSchedule' ? 1 : 10,
        load: source === 'eventBridgeSchedule' ? { shape: 'schedule', everySeconds: 60 } : { shape: 'constant' },
      });
    }
    case 'ecsCluster':
      if (region?.kind !== 'region') return refuse('Drop the cluster inside a Region.');
      return one({ kind: 'ecsCluster', id: ids.next('ecsCluster'), name: 'ECS cluster', regionId: region.id });
    case 'ecsService': {
      if (container?.kind !== 'ecsCluster') return refuse('Drop the service inside an ECS cluster.');
      const fargate = spec.variant !== 'ec2';
      return one({
        kind: 'ecsService',
        id: ids.next('ecsService'),
        name: fargate ? 'Fargate service' : 'ECS service',
        clusterId: container.id,
        launchType: fargate ? 'FARGATE' : 'EC2',
        taskCpu: 256,
        taskMemory: 512,
        desiredCount: 2,
        subnetIds: [],
        securityGroupIds: [],
        requestsPerSecond: 0,
        load: { shape: 'constant' },
        scaling: null,
      });
    }
    case 'eksCluster':
      if (region?.kind !== 'region') return refuse('Drop the cluster inside a Region.');
      return one({
        kind: 'eksCluster',
        id: ids.next('eksCluster'),
        name: 'EKS cluster',
        regionId: region.id,
        kubernetesVersion: '1.33',
        subnetIds: [],
        compute:
          spec.variant === 'fargateProfile'
            ? { type: 'fargateProfile', namespaces: ['default'] }
            : { type: 'nodeGroup', instanceType: 't3.medium', minSize: 1, desiredSize: 2, maxSize: 4 },
      });
    case 'onPremisesNetwork':
      return one({
        kind: 'onPremisesNetwork',
        id: ids.next('onPremisesNetwork'),
        name: 'Corporate data center',
        cidrs: ['192.168.0.0/16'],
      });
    case 'customerGateway': {
      const networks = resourcesOfKind(design, 'onPremisesNetwork');
      return one({
        kind: 'customerGateway',
        id: ids.next('customerGateway'),
        name: 'Customer gateway',
        ipAddress: nextPublicIp(design),
        bgpAsn: 65000,
        onPremisesNetworkId: networks.length === 1 ? networks[0]!.id : null,
      });
    }
    case 'vpnConnection':
    case 'directConnectConnection': {
      const vgw = resourcesOfKind(design, 'virtualPrivateGateway').find((g) => g.vpcId !== null);
      if (!vgw) return refuse('Add a virtual private gateway to a VPC first: the link ends on it.');
      if (spec.kind === 'directConnectConnection') {
        const network = resourcesOfKind(design, 'onPremisesNetwork')[0];
        return one({
          kind: 'directConnectConnection',
          id: ids.next('directConnectConnection'),
          name: 'Direct Connect',
          location: 'Equinix DC2',
          bandwidth: '1Gbps',
          vpnGatewayId: vgw.id,
          onPremisesNetworkId: network?.id ?? null,
        });
      }
      const cgw = resourcesOfKind(design, 'customerGateway')[0];
      if (!cgw)
        return refuse('Add a customer gateway first: a Site-to-Site VPN joins it to the virtual private gateway.');
      const network = getResource(design, cgw.onPremisesNetworkId, 'onPremisesNetwork');
      return one({
        kind: 'vpnConnection',
        id: ids.next('vpnConnection'),
        name: 'Site-to-Site VPN',
        vpnGatewayId: vgw.id,
        customerGatewayId: cgw.id,
        routing: 'static',
        staticRoutes: network?.cidrs ?? [],
      });
    }
    case 'internet':
      if (resourcesOfKind(design, 'internet').length > 0) return refuse('The internet is already on the canvas.');
      return one({ kind: 'internet', id: ids.next('internet'), name: 'Internet' });
  }
}
