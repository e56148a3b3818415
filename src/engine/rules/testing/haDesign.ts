import {
  createRouteTable,
  createSecurityGroup,
  DesignBuilder,
  type AutoScalingGroup,
  type DbInstance,
  type DbSubnetGroup,
  type Design,
  type LaunchTemplate,
  type LoadBalancer,
  type Resource,
  type TargetGroup,
} from '../../../domain';

/**
 * A three-tier design AWS accepts: an internet-facing ALB in two public
 * subnets, an Auto Scaling group in two private subnets behind its target
 * group, and a Multi-AZ MySQL instance in a DB subnet group of two zones.
 * Rule tests break one field at a time.
 */
export function haDesign() {
  const b = new DesignBuilder('HA');
  const region = b.region('us-east-1');
  const [za, zb] = ['us-east-1a', 'us-east-1b'].map((z) => b.zone(region, z));
  const main = b.vpc(region, '10.0.0.0/16', 'app');
  const other = b.vpc(region, '10.9.0.0/16', 'other');
  const igw = b.internetGateway(main);
  const publicA = b.subnet(main, za!, '10.0.1.0/24', 'public-a');
  const publicB = b.subnet(main, zb!, '10.0.2.0/24', 'public-b');
  const privateA = b.subnet(main, za!, '10.0.11.0/24', 'private-a');
  const privateB = b.subnet(main, zb!, '10.0.12.0/24', 'private-b');
  const publicA2 = b.subnet(main, za!, '10.0.3.0/24', 'public-a2');
  const otherA = b.subnet(other, za!, '10.9.1.0/24', 'other-a');
  const web = b.instance(privateA, '10.0.11.9', [main.defaultSecurityGroup.id], 'web-1');
  const far = b.instance(otherA, '10.9.1.9', [other.defaultSecurityGroup.id], 'far-1');
  const publicTable = b.add(createRouteTable(b.ids, main.vpc, 'public'));
  publicTable.subnetIds.push(publicA.id, publicB.id, publicA2.id);
  b.route(publicTable, '0.0.0.0/0', igw.id);
  const albSg = b.add(createSecurityGroup(b.ids, main.vpc.id, 'alb'));
  const otherSg = b.add(createSecurityGroup(b.ids, other.vpc.id, 'other'));
  const group = b.add<TargetGroup>({
    kind: 'targetGroup',
    id: b.ids.next('targetGroup'),
    name: 'web',
    vpcId: main.vpc.id,
    targetType: 'instance',
    protocol: 'HTTP',
    port: 80,
    healthCheck: {
      enabled: true,
      protocol: 'HTTP',
      path: '/',
      port: 'traffic-port',
      intervalSeconds: 30,
      timeoutSeconds: 5,
      healthyThreshold: 5,
      unhealthyThreshold: 2,
    },
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
    vpcId: main.vpc.id,
    subnetMappings: [publicA, publicB].map((s) => ({ subnetId: s.id, privateIp: null, elasticIpId: null })),
    securityGroupIds: [albSg.id],
    listeners: [{ protocol: 'HTTP', port: 80, targetGroupId: group.id }],
    crossZone: false,
  });
  const template = b.add<LaunchTemplate>({
    kind: 'launchTemplate',
    id: b.ids.next('launchTemplate'),
    name: 'web-template',
    regionId: region.id,
    amiId: 'ami-0a1b2c3d4e5f60001',
    instanceType: 't3.micro',
    securityGroupIds: [],
    associatePublicIp: false,
    instanceName: 'web',
  });
  const asg = b.add<AutoScalingGroup>({
    kind: 'autoScalingGroup',
    id: b.ids.next('autoScalingGroup'),
    name: 'web-asg',
    vpcId: main.vpc.id,
    launchTemplateId: template.id,
    subnetIds: [privateA.id, privateB.id],
    minSize: 2,
    desiredCapacity: 2,
    maxSize: 4,
    healthCheckType: 'ELB',
    healthCheckGracePeriodSeconds: 300,
    targetGroupIds: [group.id],
    defaultInstanceWarmupSeconds: null,
    defaultCooldownSeconds: 300,
    azRebalance: true,
    policies: [
      { type: 'targetTracking', metric: 'ALBRequestCountPerTarget', targetValue: 1000, disableScaleIn: false },
    ],
    scheduledActions: [],
    instanceCapacityRps: 100,
  });
  const dbGroup = b.add<DbSubnetGroup>({
    kind: 'dbSubnetGroup',
    id: b.ids.next('dbSubnetGroup'),
    name: 'db-subnets',
    vpcId: main.vpc.id,
    subnetIds: [privateA.id, privateB.id],
  });
  const db = b.add<DbInstance>({
    kind: 'dbInstance',
    id: b.ids.next('dbInstance'),
    name: 'app-db',
    engine: 'mysql',
    instanceClass: 'db.t3.micro',
    allocatedStorageGb: 20,
    storageType: 'gp3',
    port: 3306,
    dbSubnetGroupId: dbGroup.id,
    securityGroupIds: [],
    multiAz: true,
    subnetId: privateA.id,
    privateIp: '10.0.11.50',
    standbySubnetId: privateB.id,
    standbyPrivateIp: '10.0.12.50',
    readReplicaSourceId: null,
  });
  const design = b.build();
  return {
    design,
    ids: {
      web,
      far,
      publicA,
      publicB,
      publicA2,
      privateA,
      privateB,
      otherA,
      albSg,
      otherSg,
      group,
      alb,
      template,
      asg,
      dbGroup,
      db,
    },
  };
}

/** The design with `resource` replaced (or added). */
export const withResource = (design: Design, resource: Resource): Design => ({
  ...design,
  resources: { ...design.resources, [resource.id]: resource },
});
