import {
  createElasticIp,
  createNatGateway,
  createRouteTable,
  createSecurityGroup,
  DesignBuilder,
  vpcAttachment,
  type Design,
  type TransitGateway,
  type SecurityGroup,
  type SgRule,
} from '../domain';
import { highlyAvailableWebApp, singleZoneWebApp } from './haTemplates';
import { TEMPLATE_INFO, type TemplateId, type TemplateInfo } from './templateInfo';

/**
 * Starting points from the course, each a complete design with no errors.
 * Opening one adds it to the library as a new design.
 */
export interface Template extends TemplateInfo {
  build: () => Design;
}

const tcp = (port: number, cidr: string, description: string): SgRule => ({
  protocol: 'tcp',
  ports: { from: port, to: port },
  peer: { type: 'cidr', cidr },
  description,
});
const fromGroup = (port: number, group: SecurityGroup, description: string): SgRule => ({
  protocol: 'tcp',
  ports: { from: port, to: port },
  peer: { type: 'securityGroup', groupId: group.id },
  description,
});

function singleWebServer(): Design {
  const b = new DesignBuilder('Single public web server');
  const region = b.region('us-east-1');
  const vpc = b.vpc(region, '10.0.0.0/16', 'Web VPC');
  const zone = b.zone(region, 'us-east-1a', vpc);
  const igw = b.internetGateway(vpc);
  const subnet = b.subnet(vpc, zone, '10.0.1.0/24', 'Public subnet', { public: true });
  const routes = b.add(createRouteTable(b.ids, vpc.vpc, 'Public routes'));
  b.route(routes, '0.0.0.0/0', igw.id);
  routes.subnetIds.push(subnet.id);
  const web = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'web', 'HTTP and HTTPS from anywhere'));
  web.inbound.push(tcp(80, '0.0.0.0/0', 'HTTP'), tcp(443, '0.0.0.0/0', 'HTTPS'));
  const server = b.instance(subnet, '10.0.1.10', [web.id], 'Web server');
  b.add({ kind: 'internet', id: b.ids.next('internet'), name: 'Internet' });
  b.flow('internet', server.id, { name: 'Internet users → Web server :443', port: 443, ratePerSecond: 50 });
  return b.build();
}

function twoTier(): Design {
  const b = new DesignBuilder('Two AZs: public web tier, private app tier');
  const region = b.region('us-east-1');
  const vpc = b.vpc(region, '10.0.0.0/16', 'Production VPC');
  const igw = b.internetGateway(vpc);
  const publicRoutes = b.add(createRouteTable(b.ids, vpc.vpc, 'Public routes'));
  b.route(publicRoutes, '0.0.0.0/0', igw.id);
  const web = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'web', 'HTTPS from anywhere'));
  web.inbound.push(tcp(443, '0.0.0.0/0', 'HTTPS'), tcp(80, '0.0.0.0/0', 'HTTP'));
  const app = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'app', 'Port 8080 from the web tier'));
  app.inbound.push(fromGroup(8080, web, 'From web servers'));
  const appServers = ['a', 'b'].map((letter, index) => {
    const zone = b.zone(region, `us-east-1${letter}`, vpc);
    const publicSubnet = b.subnet(vpc, zone, `10.0.${index * 2}.0/24`, `Public ${letter.toUpperCase()}`, {
      public: true,
    });
    const privateSubnet = b.subnet(vpc, zone, `10.0.${index * 2 + 1}.0/24`, `Private ${letter.toUpperCase()}`);
    publicRoutes.subnetIds.push(publicSubnet.id);
    const eip = b.add(createElasticIp(b.ids, `203.0.113.${10 + index}`, `NAT ${letter.toUpperCase()} address`));
    const nat = b.add(
      createNatGateway(b.ids, publicSubnet.id, eip.id, `10.0.${index * 2}.5`, `NAT ${letter.toUpperCase()}`),
    );
    const privateRoutes = b.add(createRouteTable(b.ids, vpc.vpc, `Private routes ${letter.toUpperCase()}`));
    b.route(privateRoutes, '0.0.0.0/0', nat.id);
    privateRoutes.subnetIds.push(privateSubnet.id);
    b.instance(publicSubnet, `10.0.${index * 2}.10`, [web.id], `Web ${letter.toUpperCase()}`);
    return b.instance(privateSubnet, `10.0.${index * 2 + 1}.10`, [app.id], `App ${letter.toUpperCase()}`);
  });
  b.add({ kind: 'internet', id: b.ids.next('internet'), name: 'Internet' });
  b.flow(appServers[0]!.id, 'internet', { name: 'App A → internet :443 via NAT', port: 443, ratePerSecond: 5 });
  return b.build();
}

function hybrid(): Design {
  const b = new DesignBuilder('Hybrid: Site-to-Site VPN and Direct Connect');
  const region = b.region('us-east-1');
  const vpc = b.vpc(region, '10.0.0.0/16', 'Cloud VPC');
  const zone = b.zone(region, 'us-east-1a', vpc);
  const vgw = b.add({
    kind: 'virtualPrivateGateway',
    id: b.ids.next('virtualPrivateGateway'),
    name: 'VGW',
    vpcId: vpc.vpc.id,
    amazonSideAsn: 64512,
  });
  const subnet = b.subnet(vpc, zone, '10.0.1.0/24', 'Private subnet');
  vpc.mainRouteTable.propagatingGatewayIds.push(vgw.id);
  const onPrem = b.add({
    kind: 'onPremisesNetwork',
    id: b.ids.next('onPremisesNetwork'),
    name: 'Corporate data center',
    cidrs: ['192.168.0.0/16'],
  });
  const cgw = b.add({
    kind: 'customerGateway',
    id: b.ids.next('customerGateway'),
    name: 'Office router',
    ipAddress: '198.51.100.20',
    bgpAsn: 65000,
    onPremisesNetworkId: onPrem.id,
  });
  b.add({
    kind: 'vpnConnection',
    id: b.ids.next('vpnConnection'),
    name: 'Site-to-Site VPN',
    vpnGatewayId: vgw.id,
    customerGatewayId: cgw.id,
    routing: 'static',
    staticRoutes: ['192.168.0.0/16'],
  });
  b.add({
    kind: 'directConnectConnection',
    id: b.ids.next('directConnectConnection'),
    name: 'Direct Connect',
    location: 'Equinix DC2',
    bandwidth: '1Gbps',
    vpnGatewayId: vgw.id,
    onPremisesNetworkId: onPrem.id,
  });
  const admin = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'from-office', 'SSH from the office network'));
  admin.inbound.push(tcp(22, '192.168.0.0/16', 'SSH from on-premises'));
  const app = b.instance(subnet, '10.0.1.10', [admin.id], 'Internal app');
  b.flow(app.id, onPrem.id, { name: 'Internal app → data center database :5432', port: 5432, ratePerSecond: 5 });
  b.flow(onPrem.id, app.id, { name: 'Office admins → Internal app SSH', port: 22, ratePerSecond: 1 });
  return b.build();
}

function serverlessApi(): Design {
  const b = new DesignBuilder('Serverless API');
  const region = b.region('us-east-1');
  const fn = b.add({
    kind: 'lambdaFunction',
    id: b.ids.next('lambdaFunction'),
    name: 'orders-api',
    regionId: region.id,
    runtime: 'nodejs22.x',
    architecture: 'arm64',
    memoryMb: 512,
    timeoutSeconds: 10,
    averageDurationMs: 120,
    reservedConcurrency: null,
    provisionedConcurrency: 0,
    errorRate: 0,
    asyncInvocation: { maximumRetryAttempts: 2, maximumEventAgeSeconds: 21_600, onFailure: 'discard' },
    vpcConfig: null,
  });
  b.add({
    kind: 'lambdaTrigger',
    id: b.ids.next('lambdaTrigger'),
    name: 'API Gateway',
    functionId: fn.id,
    source: 'apiGateway',
    eventsPerSecond: 50,
    load: { shape: 'constant' },
  });
  b.add({ kind: 'internet', id: b.ids.next('internet'), name: 'Internet' });
  return b.build();
}

function containers(): Design {
  const b = new DesignBuilder('Containers: ECS on Fargate behind NAT');
  const region = b.region('us-east-1');
  const vpc = b.vpc(region, '10.0.0.0/16', 'Containers VPC');
  const zone = b.zone(region, 'us-east-1a', vpc);
  const igw = b.internetGateway(vpc);
  const publicSubnet = b.subnet(vpc, zone, '10.0.0.0/24', 'Public', { public: true });
  const privateSubnet = b.subnet(vpc, zone, '10.0.1.0/24', 'Private tasks');
  const publicRoutes = b.add(createRouteTable(b.ids, vpc.vpc, 'Public routes'));
  b.route(publicRoutes, '0.0.0.0/0', igw.id);
  publicRoutes.subnetIds.push(publicSubnet.id);
  const eip = b.add(createElasticIp(b.ids, '203.0.113.30', 'NAT address'));
  const nat = b.add(createNatGateway(b.ids, publicSubnet.id, eip.id, '10.0.0.5', 'NAT'));
  b.route(vpc.mainRouteTable, '0.0.0.0/0', nat.id);
  const tasks = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'tasks', 'Port 8080 inside the VPC'));
  tasks.inbound.push(tcp(8080, '10.0.0.0/16', 'From the VPC'));
  const cluster = b.add({ kind: 'ecsCluster', id: b.ids.next('ecsCluster'), name: 'web-cluster', regionId: region.id });
  b.add({
    kind: 'ecsService',
    id: b.ids.next('ecsService'),
    name: 'web',
    clusterId: cluster.id,
    launchType: 'FARGATE',
    taskCpu: 512,
    taskMemory: 1024,
    desiredCount: 3,
    subnetIds: [privateSubnet.id],
    securityGroupIds: [tasks.id],
    requestsPerSecond: 0,
    load: { shape: 'constant' },
    scaling: null,
  });
  return b.build();
}

function eks(): Design {
  const b = new DesignBuilder('EKS with a managed node group');
  const region = b.region('us-east-1');
  const vpc = b.vpc(region, '10.0.0.0/16', 'EKS VPC');
  const igw = b.internetGateway(vpc);
  const publicRoutes = b.add(createRouteTable(b.ids, vpc.vpc, 'Public routes'));
  b.route(publicRoutes, '0.0.0.0/0', igw.id);
  const subnets = ['a', 'b'].map((letter, index) => {
    const zone = b.zone(region, `us-east-1${letter}`, vpc);
    const subnet = b.subnet(vpc, zone, `10.0.${index}.0/24`, `Nodes ${letter.toUpperCase()}`, { public: true });
    publicRoutes.subnetIds.push(subnet.id);
    return subnet;
  });
  const cluster = b.add({
    kind: 'eksCluster',
    id: b.ids.next('eksCluster'),
    name: 'platform',
    regionId: region.id,
    kubernetesVersion: '1.34',
    upgradePolicy: 'STANDARD',
    subnetIds: subnets.map((s) => s.id),
    fargateProfiles: [],
    deployments: [{ name: 'web', namespace: 'default', replicas: 3, cpuMillicores: 500, memoryMiB: 1024 }],
  });
  // m7g is Graviton (arm64), so the nodes boot the arm64 Amazon Linux 2023 AMI type.
  b.add({
    kind: 'eksNodeGroup',
    id: b.ids.next('eksNodeGroup'),
    name: 'app-nodes',
    clusterId: cluster.id,
    subnetIds: subnets.map((s) => s.id),
    instanceType: 'm7g.large',
    amiType: 'AL2023_ARM_64_STANDARD',
    minSize: 2,
    desiredSize: 3,
    maxSize: 6,
    diskSizeGiB: 20,
    securityGroupIds: [],
  });
  return b.build();
}

/** VPCs of one Region, each with one subnet in its own drawing of us-east-1a and a host that admits 10.0.0.0/8. */
function privateVpcs(
  b: DesignBuilder,
  region: ReturnType<DesignBuilder['region']>,
  names: readonly string[],
  ports: number[],
) {
  return names.map((name, index) => {
    const vpc = b.vpc(region, `10.${index}.0.0/16`, `${name} VPC`);
    const zone = b.zone(region, 'us-east-1a', vpc);
    const subnet = b.subnet(vpc, zone, `10.${index}.1.0/24`, `${name} private`);
    const group = b.add(
      createSecurityGroup(b.ids, vpc.vpc.id, `${name.toLowerCase()}-private`, 'From the private network'),
    );
    group.inbound.push(...ports.map((port) => tcp(port, '10.0.0.0/8', `Port ${port} from the other VPCs`)));
    const host = b.instance(subnet, `10.${index}.1.10`, [group.id], `${name} server`);
    return { vpc, subnet, host };
  });
}

function twoVpcs(): Design {
  const b = new DesignBuilder('Two VPCs to peer');
  const region = b.region('us-east-1');
  privateVpcs(b, region, ['Web', 'Data'], [22, 5432]);
  return b.build();
}

function transitGatewayHub(): Design {
  const b = new DesignBuilder('Transit gateway: three VPCs');
  const region = b.region('us-east-1');
  const vpcs = privateVpcs(b, region, ['Shared', 'App', 'Data'], [22, 443, 5432]);
  const id = b.ids.next<TransitGateway['id']>('transitGateway');
  const tableId = `tgw-rtb-${id.replace(/^tgw-/, '')}`;
  const tgw = b.add<TransitGateway>({
    kind: 'transitGateway',
    id,
    name: 'Hub',
    regionId: region.id,
    amazonSideAsn: 64512,
    routeTables: [{ id: tableId, name: 'Default route table', routes: [] }],
  });
  for (const { vpc, subnet } of vpcs) {
    // AWS's defaults: associated with and propagating into the default table; one subnet in the zone.
    const attachment = b.add(
      vpcAttachment(b.build(), b.ids.next('transitGatewayAttachment'), tgw.id, vpc.vpc.id, tableId),
    );
    attachment.subnetIds = [subnet.id];
    b.route(vpc.mainRouteTable, '10.0.0.0/8', tgw.id);
  }
  const [shared, app, data] = vpcs;
  b.flow(app!.host.id, data!.host.id, { name: 'App → Data :5432 via the hub', port: 5432, ratePerSecond: 20 });
  b.flow(shared!.host.id, app!.host.id, { name: 'Shared → App :443 via the hub', port: 443, ratePerSecond: 5 });
  return b.build();
}

const BUILDERS: Record<TemplateId, () => Design> = {
  'single-web-server': singleWebServer,
  'two-tier': twoTier,
  hybrid: hybrid,
  'serverless-api': serverlessApi,
  containers: containers,
  eks: eks,
  'two-vpcs': twoVpcs,
  'tgw-three-vpcs': transitGatewayHub,
  'ha-web-app': highlyAvailableWebApp,
  'ha-web-app-single-az': singleZoneWebApp,
};

export const TEMPLATES: readonly Template[] = TEMPLATE_INFO.map((info) => ({ ...info, build: BUILDERS[info.id] }));
