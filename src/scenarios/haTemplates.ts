import {
  createElasticIp,
  createNatGateway,
  createRouteTable,
  createSecurityGroup,
  DB_DEFAULT_PORT,
  DesignBuilder,
  type AutoScalingGroup,
  type DbInstance,
  type DbSubnetGroup,
  type LaunchTemplate,
  type LoadBalancer,
  type Design,
  type SecurityGroup,
  type SgRule,
  type Subnet,
  type TargetGroup,
  defaultHealthCheck,
} from '../domain';

const fromGroup = (port: number, group: SecurityGroup, description: string): SgRule => ({
  protocol: 'tcp',
  ports: { from: port, to: port },
  peer: { type: 'securityGroup', groupId: group.id },
  description,
});

/**
 * The three-tier web app of AWS's reference architectures: an internet-facing
 * ALB in public subnets, web servers of an Auto Scaling group in private
 * subnets (out through a NAT gateway), and an RDS MySQL database in DB
 * subnets. `zones` lists where the web tier, NAT gateways and database run;
 * the ALB always takes a public subnet in us-east-1a and us-east-1b, because
 * AWS refuses an ALB with fewer than two zones (ELB User Guide, "Subnets for
 * your Application Load Balancer"), and the DB subnet group covers both for
 * the same reason on RDS's side ("Working with a DB instance in a VPC").
 */
function webApp(name: string, spread: boolean): Design {
  const b = new DesignBuilder(name);
  const region = b.region('us-east-1');
  const vpc = b.vpc(region, '10.0.0.0/16', 'Web app VPC');
  const igw = b.internetGateway(vpc);
  const publicRoutes = b.add(createRouteTable(b.ids, vpc.vpc, 'Public routes'));
  b.route(publicRoutes, '0.0.0.0/0', igw.id);

  const albGroup = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'alb', 'HTTP from anywhere to the load balancer'));
  albGroup.inbound.push({
    protocol: 'tcp',
    ports: { from: 80, to: 80 },
    peer: { type: 'cidr', cidr: '0.0.0.0/0' },
    description: 'HTTP',
  });
  const webGroup = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'web', 'HTTP from the load balancer'));
  webGroup.inbound.push(fromGroup(80, albGroup, 'From the ALB'));
  const dbGroup = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'db', 'MySQL from the web servers'));
  dbGroup.inbound.push(fromGroup(DB_DEFAULT_PORT.mysql, webGroup, 'From the web servers'));

  const tiers = ['a', 'b'].map((letter, index) => {
    const zone = b.zone(region, `us-east-1${letter}`, vpc);
    const upper = letter.toUpperCase();
    const publicSubnet = b.subnet(vpc, zone, `10.0.${index}.0/24`, `Public ${upper}`, { public: true });
    publicRoutes.subnetIds.push(publicSubnet.id);
    const appSubnet = b.subnet(vpc, zone, `10.0.${10 + index}.0/24`, `App ${upper}`);
    const dbSubnet = b.subnet(vpc, zone, `10.0.${20 + index}.0/24`, `DB ${upper}`);
    return { letter, upper, zone, publicSubnet, appSubnet, dbSubnet, index };
  });
  const used = spread ? tiers : tiers.slice(0, 1);

  // One NAT gateway per zone used, and a route table per app subnet through its own zone's gateway.
  const nats = used.map((t) => {
    const eip = b.add(createElasticIp(b.ids, `203.0.113.${10 + t.index}`, `NAT ${t.upper} address`));
    return b.add(createNatGateway(b.ids, t.publicSubnet.id, eip.id, `10.0.${t.index}.5`, `NAT ${t.upper}`));
  });
  const appSubnets: Subnet[] = [];
  for (const t of used) {
    const routes = b.add(createRouteTable(b.ids, vpc.vpc, `App routes ${t.upper}`));
    b.route(routes, '0.0.0.0/0', (nats[t.index] ?? nats[0]!).id);
    routes.subnetIds.push(t.appSubnet.id);
    appSubnets.push(t.appSubnet);
  }

  const targets = b.add<TargetGroup>({
    kind: 'targetGroup',
    id: b.ids.next('targetGroup'),
    name: 'web-targets',
    vpcId: vpc.vpc.id,
    targetType: 'instance',
    protocol: 'HTTP',
    port: 80,
    healthCheck: defaultHealthCheck('HTTP'),
    targetIds: [],
    targetIps: [],
    deregistrationDelaySeconds: 300,
  });
  const alb = b.add<LoadBalancer>({
    kind: 'loadBalancer',
    id: b.ids.next('loadBalancer'),
    name: 'web-alb',
    type: 'application',
    scheme: 'internet-facing',
    vpcId: vpc.vpc.id,
    subnetMappings: tiers.map((t) => ({
      subnetId: t.publicSubnet.id,
      privateIp: `10.0.${t.index}.20`,
      elasticIpId: null,
    })),
    securityGroupIds: [albGroup.id],
    listeners: [{ protocol: 'HTTP', port: 80, targetGroupId: targets.id }],
    crossZone: false,
  });
  const template = b.add<LaunchTemplate>({
    kind: 'launchTemplate',
    id: b.ids.next('launchTemplate'),
    name: 'web-template',
    regionId: region.id,
    amiId: 'ami-0a1b2c3d4e5f60001',
    instanceType: 't3.micro',
    securityGroupIds: [webGroup.id],
    associatePublicIp: false,
    instanceName: 'web',
  });
  b.add<AutoScalingGroup>({
    kind: 'autoScalingGroup',
    id: b.ids.next('autoScalingGroup'),
    name: 'web-asg',
    vpcId: vpc.vpc.id,
    launchTemplateId: template.id,
    subnetIds: appSubnets.map((s) => s.id),
    minSize: 2,
    desiredCapacity: 2,
    maxSize: 6,
    healthCheckType: 'ELB',
    // A short grace period so replacements join within minutes of simulated time (console default 300 s).
    healthCheckGracePeriodSeconds: 120,
    targetGroupIds: [targets.id],
    defaultInstanceWarmupSeconds: 120,
    defaultCooldownSeconds: 300,
    azRebalance: true,
    policies: [{ type: 'targetTracking', metric: 'ASGAverageCPUUtilization', targetValue: 50, disableScaleIn: false }],
    scheduledActions: [],
    instanceCapacityRps: 100,
  });
  const dbSubnets = b.add<DbSubnetGroup>({
    kind: 'dbSubnetGroup',
    id: b.ids.next('dbSubnetGroup'),
    name: 'db-subnets',
    vpcId: vpc.vpc.id,
    subnetIds: tiers.map((t) => t.dbSubnet.id),
  });
  const [first, second] = tiers;
  b.add<DbInstance>({
    kind: 'dbInstance',
    id: b.ids.next('dbInstance'),
    name: 'app-db',
    engine: 'mysql',
    instanceClass: 'db.t3.micro',
    allocatedStorageGb: 20,
    storageType: 'gp3',
    port: DB_DEFAULT_PORT.mysql,
    dbSubnetGroupId: dbSubnets.id,
    securityGroupIds: [dbGroup.id],
    multiAz: spread,
    subnetId: first!.dbSubnet.id,
    privateIp: '10.0.20.10',
    standbySubnetId: spread ? second!.dbSubnet.id : null,
    standbyPrivateIp: spread ? '10.0.21.10' : null,
    readReplicaSourceId: null,
  });
  b.add({ kind: 'internet', id: b.ids.next('internet'), name: 'Internet' });
  b.flow('internet', alb.id, { name: 'Internet users → web-alb :80', port: 80, ratePerSecond: 100 });
  // No web → database flow yet: a flow's source is one endpoint, and an Auto Scaling group's instances are not one.
  return b.build();
}

export const highlyAvailableWebApp = (): Design => webApp('Highly available web app', true);
export const singleZoneWebApp = (): Design => webApp('Highly available web app (single AZ)', false);
