import {
  asResourceId,
  createElasticIp,
  createNatGateway,
  createRouteTable,
  DesignBuilder,
  type AutoScalingGroup,
  type Design,
  type DbInstance,
  type Flow,
  type LaunchTemplate,
  type LoadBalancer,
  type SecurityGroup,
  type TargetGroup,
} from '../../domain';
import { defaultHealthCheck } from '../../domain/kinds/targetGroup';

export interface HaDesignOptions {
  /** One NAT gateway per zone (else one, in zone a, serving both). */
  natPerZone?: boolean;
  /** An Auto Scaling group behind an ALB (with these fields). */
  group?: Partial<AutoScalingGroup>;
  targetGroup?: Partial<TargetGroup>;
  /** An RDS instance in the private subnets (with these fields). */
  database?: Partial<DbInstance>;
  flows?: Array<Partial<Flow> & Pick<Flow, 'from' | 'to'>>;
}

/**
 * Two zones (us-east-1a `az-1`, us-east-1b `az-2`) of one VPC, each with a
 * public subnet (`subnet-pub-a`, `subnet-pub-b`, routed to the internet
 * gateway) and a private one (`subnet-priv-a`, `subnet-priv-b`, routed to a
 * NAT gateway), an instance in each private subnet (`app-a`, `app-b`), and
 * when asked an ALB `elb-web` forwarding to `tg-web` that group `asg-web`
 * registers into, and a DB instance `db-app`: the high-availability tests' fixture.
 */
export function haDesign(options: HaDesignOptions = {}): Design {
  const b = new DesignBuilder('high availability');
  const region = b.region();
  const vpc = b.vpc(region, '10.0.0.0/16');
  const zoneA = b.zone(region, 'us-east-1a', vpc);
  const zoneB = b.zone(region, 'us-east-1b', vpc);
  const subnet = (id: string, zone: typeof zoneA, cidr: string, isPublic: boolean) => {
    const s = b.subnet(vpc, zone, cidr, id, { public: isPublic });
    s.id = id as typeof s.id;
    return s;
  };
  const pubA = subnet('subnet-pub-a', zoneA, '10.0.0.0/24', true);
  const pubB = subnet('subnet-pub-b', zoneB, '10.0.1.0/24', true);
  const privA = subnet('subnet-priv-a', zoneA, '10.0.10.0/24', false);
  const privB = subnet('subnet-priv-b', zoneB, '10.0.11.0/24', false);
  const igw = b.internetGateway(vpc);
  const publicTable = b.add(createRouteTable(b.ids, vpc.vpc, 'public'));
  publicTable.routes.push({ destination: '0.0.0.0/0', target: asResourceId(igw.id) as never });
  publicTable.subnetIds = [pubA.id, pubB.id];
  const nat = (inSubnet: typeof pubA, address: string, publicIp: string, name: string) => {
    const eip = b.add(createElasticIp(b.ids, publicIp, `${name} address`));
    return b.add(createNatGateway(b.ids, inSubnet.id, eip.id, address, name));
  };
  const natA = nat(pubA, '10.0.0.5', '203.0.113.5', 'nat-a');
  const natB = options.natPerZone ? nat(pubB, '10.0.1.5', '203.0.113.6', 'nat-b') : natA;
  for (const [s, gateway] of [
    [privA, natA],
    [privB, natB],
  ] as const) {
    const table = b.add(createRouteTable(b.ids, vpc.vpc, `private ${s.id}`));
    table.routes.push({ destination: '0.0.0.0/0', target: asResourceId(gateway.id) as never });
    table.subnetIds = [s.id];
  }
  const sg = [vpc.defaultSecurityGroup.id];
  b.instance(privA, '10.0.10.10', sg, 'app-a').id = 'app-a' as never;
  b.instance(privB, '10.0.11.10', sg, 'app-b').id = 'app-b' as never;
  if (options.group) {
    const targetGroup = b.add<TargetGroup>({
      kind: 'targetGroup',
      id: 'tg-web' as TargetGroup['id'],
      name: 'web-targets',
      vpcId: vpc.vpc.id,
      targetType: 'instance',
      protocol: 'HTTP',
      port: 80,
      healthCheck: defaultHealthCheck('HTTP'),
      targetIds: [],
      targetIps: [],
      deregistrationDelaySeconds: 300,
      ...options.targetGroup,
    });
    // The load balancer's own group lets HTTP in from anywhere; it is in the default group too, which the
    // instances accept traffic from.
    const web = b.add<SecurityGroup>({
      kind: 'securityGroup',
      id: 'sg-alb' as SecurityGroup['id'],
      name: 'alb-sg',
      description: 'HTTP from anywhere',
      vpcId: vpc.vpc.id,
      isDefault: false,
      inbound: [
        { protocol: 'tcp', ports: { from: 80, to: 80 }, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: '' },
      ],
      outbound: [{ protocol: 'all', ports: null, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: '' }],
    } as SecurityGroup);
    b.add<LoadBalancer>({
      kind: 'loadBalancer',
      id: 'elb-web' as LoadBalancer['id'],
      name: 'web-alb',
      type: 'application',
      scheme: 'internet-facing',
      vpcId: vpc.vpc.id,
      subnetMappings: [pubA, pubB].map((s) => ({ subnetId: s.id, privateIp: null, elasticIpId: null })),
      securityGroupIds: [web.id, ...sg],
      listeners: [{ protocol: 'HTTP', port: 80, targetGroupId: targetGroup.id }],
      crossZone: true,
    });
    const template = b.add<LaunchTemplate>({
      kind: 'launchTemplate',
      id: 'lt-web' as LaunchTemplate['id'],
      name: 'web-template',
      regionId: region.id,
      amiId: 'ami-0a1b2c3d4e5f60001',
      instanceType: 't3.micro',
      securityGroupIds: sg,
      associatePublicIp: false,
      instanceName: 'web',
    });
    b.add<AutoScalingGroup>({
      kind: 'autoScalingGroup',
      id: 'asg-web' as AutoScalingGroup['id'],
      name: 'web-asg',
      vpcId: vpc.vpc.id,
      launchTemplateId: template.id,
      subnetIds: [privA.id, privB.id],
      minSize: 2,
      desiredCapacity: 2,
      maxSize: 4,
      healthCheckType: 'ELB',
      healthCheckGracePeriodSeconds: 60,
      targetGroupIds: [targetGroup.id],
      defaultInstanceWarmupSeconds: null,
      defaultCooldownSeconds: 300,
      azRebalance: true,
      policies: [],
      scheduledActions: [],
      instanceCapacityRps: 100,
      ...options.group,
    });
  }
  if (options.database) {
    const group = b.add({
      kind: 'dbSubnetGroup',
      id: 'dbsg-app' as never,
      name: 'app-db-subnets',
      vpcId: vpc.vpc.id,
      subnetIds: [privA.id, privB.id],
    });
    b.add<DbInstance>({
      kind: 'dbInstance',
      id: 'db-app' as DbInstance['id'],
      name: 'app-db',
      engine: 'mysql',
      instanceClass: 'db.t3.micro',
      allocatedStorageGb: 20,
      storageType: 'gp3',
      port: 3306,
      dbSubnetGroupId: group.id as DbInstance['dbSubnetGroupId'],
      securityGroupIds: sg,
      multiAz: false,
      subnetId: privA.id,
      privateIp: '10.0.10.50',
      standbySubnetId: null,
      standbyPrivateIp: null,
      readReplicaSourceId: null,
      ...options.database,
    });
  }
  for (const flow of options.flows ?? []) b.flow(flow.from, flow.to, flow);
  return b.build();
}
