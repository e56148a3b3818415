import { produce } from 'immer';
import type {
  DbInstance,
  DbSubnetGroup,
  Design,
  LoadBalancer,
  Resource,
  SecurityGroup,
  SgRule,
  Subnet,
  TargetGroup,
} from '../../domain';
import {
  createElasticIp,
  createNatGateway,
  createRouteTable,
  createSecurityGroup,
  defaultHealthCheck,
  DesignBuilder,
} from '../../domain';

/**
 * The course's two-tier design: one VPC over two zones, a public subnet
 * (web server, NAT gateway) and a private one (app server) in each, the app
 * servers' group `app` open on 8080 to the web group.
 */
function twoTier(): Design {
  const b = new DesignBuilder('Two AZs behind a load balancer');
  const region = b.region('us-east-1');
  const vpc = b.vpc(region, '10.0.0.0/16', 'Production VPC');
  const igw = b.internetGateway(vpc);
  const publicRoutes = b.add(createRouteTable(b.ids, vpc.vpc, 'Public routes'));
  b.route(publicRoutes, '0.0.0.0/0', igw.id);
  const web = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'web', 'HTTPS from anywhere'));
  web.inbound.push(tcpFrom(443, '0.0.0.0/0'), tcpFrom(80, '0.0.0.0/0'));
  const app = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'app', 'Port 8080 from the web tier'));
  app.inbound.push(tcpFromGroup(8080, web.id));
  ['a', 'b'].forEach((letter, index) => {
    const upper = letter.toUpperCase();
    const zone = b.zone(region, `us-east-1${letter}`, vpc);
    const publicSubnet = b.subnet(vpc, zone, `10.0.${index * 2}.0/24`, `Public ${upper}`, { public: true });
    const privateSubnet = b.subnet(vpc, zone, `10.0.${index * 2 + 1}.0/24`, `Private ${upper}`);
    publicRoutes.subnetIds.push(publicSubnet.id);
    const eip = b.add(createElasticIp(b.ids, `203.0.113.${10 + index}`, `NAT ${upper} address`));
    const nat = b.add(createNatGateway(b.ids, publicSubnet.id, eip.id, `10.0.${index * 2}.5`, `NAT ${upper}`));
    const privateRoutes = b.add(createRouteTable(b.ids, vpc.vpc, `Private routes ${upper}`));
    b.route(privateRoutes, '0.0.0.0/0', nat.id);
    privateRoutes.subnetIds.push(privateSubnet.id);
    b.instance(publicSubnet, `10.0.${index * 2}.10`, [web.id], `Web ${upper}`);
    b.instance(privateSubnet, `10.0.${index * 2 + 1}.10`, [app.id], `App ${upper}`);
  });
  b.add({ kind: 'internet', id: b.ids.next('internet'), name: 'Internet' });
  return b.build();
}

/**
 * The two-tier design with a load balancer in front of its app tier: nodes
 * in Public A and Public B, listener on port 80 forwarding to `app-targets`
 * (port 8080: App A in zone a, App B in zone b). An ALB has its own group
 * `lb-sg` (port 80 from anywhere, all out); an NLB none. The app servers'
 * group `app` allows what `appInbound` says (by default, 8080 from `lb-sg`).
 * Test fixture only.
 */
export interface HaOptions {
  type?: LoadBalancer['type'];
  scheme?: LoadBalancer['scheme'];
  crossZone?: boolean;
  /** The app group's inbound rules; `lb-sg` is the load balancer's group id. */
  appInbound?: (lbGroupId: string) => SgRule[];
  /** Which public subnets get a node (default both). */
  nodeSubnets?: Array<'Public A' | 'Public B'>;
  /**
   * Adds `app-db`, a Multi-AZ PostgreSQL instance (primary 10.0.1.20 in
   * Private A, standby 10.0.3.20 in Private B) whose group `db` allows 5432
   * from `app`.
   */
  withDatabase?: boolean;
}

export const named = <T extends Resource>(design: Design, name: string): T =>
  Object.values(design.resources).find((r) => r.name === name) as T;

export const tcpFrom = (port: number, cidr: string): SgRule => ({
  protocol: 'tcp',
  ports: { from: port, to: port },
  peer: { type: 'cidr', cidr },
  description: '',
});

export const tcpFromGroup = (port: number, groupId: string): SgRule => ({
  protocol: 'tcp',
  ports: { from: port, to: port },
  peer: { type: 'securityGroup', groupId: groupId as SecurityGroup['id'] },
  description: '',
});

export function haDesign(options: HaOptions = {}): Design {
  const base = twoTier();
  const type = options.type ?? 'application';
  const vpcId = named<Subnet>(base, 'Public A').vpcId;
  const lbGroup: SecurityGroup = {
    kind: 'securityGroup',
    id: 'sg-lb' as SecurityGroup['id'],
    name: 'lb-sg',
    description: 'HTTP from anywhere',
    vpcId,
    isDefault: false,
    inbound: [tcpFrom(80, '0.0.0.0/0')],
    outbound: [{ protocol: 'all', ports: null, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: '' }],
  } as SecurityGroup;
  const group: TargetGroup = {
    kind: 'targetGroup',
    id: 'tg-app' as TargetGroup['id'],
    name: 'app-targets',
    vpcId,
    targetType: 'instance',
    protocol: type === 'application' ? 'HTTP' : 'TCP',
    port: 8080,
    healthCheck: defaultHealthCheck(type === 'application' ? 'HTTP' : 'TCP'),
    targetIds: [named(base, 'App A').id, named(base, 'App B').id],
    targetIps: [],
    deregistrationDelaySeconds: 300,
  };
  const subnets = options.nodeSubnets ?? ['Public A', 'Public B'];
  const lb: LoadBalancer = {
    kind: 'loadBalancer',
    id: 'elb-web' as LoadBalancer['id'],
    name: 'web-lb',
    type,
    scheme: options.scheme ?? 'internet-facing',
    vpcId,
    subnetMappings: subnets.map((name, i) => ({
      subnetId: named<Subnet>(base, name).id,
      privateIp: `10.0.${i * 2}.50`,
      elasticIpId: null,
    })),
    securityGroupIds: type === 'application' ? [lbGroup.id] : [],
    listeners: [{ protocol: type === 'application' ? 'HTTP' : 'TCP', port: 80, targetGroupId: group.id }],
    crossZone: options.crossZone ?? false,
  };
  return produce(base, (d) => {
    d.resources[lbGroup.id] = lbGroup;
    d.resources[group.id] = group;
    d.resources[lb.id] = lb;
    const app = Object.values(d.resources).find((r) => r.name === 'app') as SecurityGroup;
    app.inbound = options.appInbound ? options.appInbound(lbGroup.id) : [tcpFromGroup(8080, lbGroup.id)];
    if (options.withDatabase) addDatabase(d as Design, app);
  });
}

function addDatabase(d: Design, app: SecurityGroup): void {
  const privateA = named<Subnet>(d, 'Private A');
  const privateB = named<Subnet>(d, 'Private B');
  d.resources['sg-db'] = {
    kind: 'securityGroup',
    id: 'sg-db' as SecurityGroup['id'],
    name: 'db',
    description: 'PostgreSQL from the app tier',
    vpcId: privateA.vpcId,
    isDefault: false,
    inbound: [tcpFromGroup(5432, app.id)],
    outbound: [],
  };
  d.resources['dbsg-app'] = {
    kind: 'dbSubnetGroup',
    id: 'dbsg-app' as DbSubnetGroup['id'],
    name: 'app-db-subnets',
    vpcId: privateA.vpcId,
    subnetIds: [privateA.id, privateB.id],
  };
  d.resources['db-app'] = {
    kind: 'dbInstance',
    id: 'db-app' as DbInstance['id'],
    name: 'app-db',
    engine: 'postgres',
    instanceClass: 'db.t3.micro',
    allocatedStorageGb: 20,
    storageType: 'gp3',
    port: 5432,
    dbSubnetGroupId: 'dbsg-app' as DbSubnetGroup['id'],
    securityGroupIds: ['sg-db' as SecurityGroup['id']],
    multiAz: true,
    subnetId: privateA.id,
    privateIp: '10.0.1.20',
    standbySubnetId: privateB.id,
    standbyPrivateIp: '10.0.3.20',
    readReplicaSourceId: null,
  };
}
