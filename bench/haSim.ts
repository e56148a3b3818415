import { performance } from 'node:perf_hooks';
import {
  asResourceId,
  createElasticIp,
  createNatGateway,
  createRouteTable,
  createSecurityGroup,
  DesignBuilder,
  simulationSettings,
  type AutoScalingGroup,
  type Design,
  type LaunchTemplate,
  type LoadBalancer,
  type TargetGroup,
} from '../src/domain';
import { defaultHealthCheck } from '../src/domain/kinds/targetGroup';
import { Simulation } from '../src/sim/simulation';

/**
 * High availability at scale: `groups` Auto Scaling groups of `perGroup`
 * instances over two zones, each behind its own ALB, `flows` flows from the
 * internet shared by the load balancers, a NAT gateway per zone, and zone a
 * failing for half an hour every six hours (so groups replace and rebalance).
 * The load balancers' group lets HTTP in from anywhere and the instances'
 * group lets it in from the load balancers', so the requests are served;
 * `openToInternet` false keeps the first version of this bench, where every
 * group was the VPC's default one and the requests were refused at the load
 * balancer (the default group lets in only its own members).
 */
export function haSimDesign(groups = 4, perGroup = 50, flows = 20, zoneFailures = true, openToInternet = true): Design {
  const b = new DesignBuilder('High availability bench');
  const region = b.region();
  const vpc = b.vpc(region, '10.0.0.0/16');
  const zones = [b.zone(region, 'us-east-1a', vpc), b.zone(region, 'us-east-1b', vpc)];
  const igw = b.internetGateway(vpc);
  const publicTable = b.add(createRouteTable(b.ids, vpc.vpc, 'public'));
  publicTable.routes.push({ destination: '0.0.0.0/0', target: asResourceId(igw.id) as never });
  const publics = zones.map((z, i) => b.subnet(vpc, z, `10.0.${i}.0/24`, `public-${i}`, { public: true }));
  publicTable.subnetIds = publics.map((s) => s.id);
  const privates = zones.map((z, i) => {
    const subnet = b.subnet(vpc, z, `10.0.${16 * (i + 1)}.0/20`, `private-${i}`);
    const eip = b.add(createElasticIp(b.ids, `203.0.113.${10 + i}`));
    const nat = b.add(createNatGateway(b.ids, publics[i]!.id, eip.id, `10.0.${i}.5`, `nat-${i}`));
    const table = b.add(createRouteTable(b.ids, vpc.vpc, `private-${i}`));
    table.routes.push({ destination: '0.0.0.0/0', target: asResourceId(nat.id) as never });
    table.subnetIds = [subnet.id];
    return subnet;
  });
  const sg = [vpc.defaultSecurityGroup.id];
  let albGroups = sg;
  if (openToInternet) {
    const alb = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'alb', 'HTTP from anywhere to the load balancers'));
    alb.inbound.push({
      protocol: 'tcp',
      ports: { from: 80, to: 80 },
      peer: { type: 'cidr', cidr: '0.0.0.0/0' },
      description: 'HTTP',
    });
    vpc.defaultSecurityGroup.inbound.push({
      protocol: 'tcp',
      ports: { from: 80, to: 80 },
      peer: { type: 'securityGroup', groupId: alb.id },
      description: 'HTTP from the load balancers',
    });
    albGroups = [alb.id];
  }
  const template = b.add<LaunchTemplate>({
    kind: 'launchTemplate',
    id: 'lt-web' as LaunchTemplate['id'],
    name: 'web',
    regionId: region.id,
    amiId: 'ami-0a1b2c3d4e5f60001',
    instanceType: 't3.micro',
    securityGroupIds: sg,
    associatePublicIp: false,
    instanceName: 'web',
  });
  for (let g = 0; g < groups; g++) {
    const targetGroup = b.add<TargetGroup>({
      kind: 'targetGroup',
      id: `tg-${g}` as TargetGroup['id'],
      name: `targets-${g}`,
      vpcId: vpc.vpc.id,
      targetType: 'instance',
      protocol: 'HTTP',
      port: 80,
      healthCheck: defaultHealthCheck('HTTP'),
      targetIds: [],
      targetIps: [],
      deregistrationDelaySeconds: 300,
    });
    b.add<LoadBalancer>({
      kind: 'loadBalancer',
      id: `elb-${g}` as LoadBalancer['id'],
      name: `alb-${g}`,
      type: 'application',
      scheme: 'internet-facing',
      vpcId: vpc.vpc.id,
      subnetMappings: publics.map((s) => ({ subnetId: s.id, privateIp: null, elasticIpId: null })),
      securityGroupIds: albGroups,
      listeners: [{ protocol: 'HTTP', port: 80, targetGroupId: targetGroup.id }],
      crossZone: true,
    });
    b.add<AutoScalingGroup>({
      kind: 'autoScalingGroup',
      id: `asg-${g}` as AutoScalingGroup['id'],
      name: `web-${g}`,
      vpcId: vpc.vpc.id,
      launchTemplateId: template.id,
      subnetIds: privates.map((s) => s.id),
      minSize: perGroup,
      desiredCapacity: perGroup,
      maxSize: perGroup * 2,
      healthCheckType: 'ELB',
      healthCheckGracePeriodSeconds: 300,
      targetGroupIds: [targetGroup.id],
      defaultInstanceWarmupSeconds: 60,
      defaultCooldownSeconds: 300,
      azRebalance: true,
      policies: [
        { type: 'targetTracking', metric: 'ASGAverageCPUUtilization', targetValue: 50, disableScaleIn: false },
      ],
      scheduledActions: [],
      instanceCapacityRps: 100,
    });
  }
  for (let f = 0; f < flows; f++) b.flow('internet', `elb-${f % groups}`, { port: 80, ratePerSecond: 500 });
  const simulation = simulationSettings();
  if (zoneFailures)
    for (let at = 3600; at < 86_400; at += 6 * 3600)
      simulation.faults.push({ at, fault: 'zoneOutage', zoneId: zones[0]!.id, durationSeconds: 1800 });
  return { ...b.build(), simulation };
}

/**
 * Core events per wall second over a simulated day (what 3600× asks for 24 wall
 * seconds), best of 3 after a warm-up run, with the instances the groups launched.
 */
export function runHaSimBench(zoneFailures = true): { eventsPerSecond: number; events: number; instances: number } {
  const design = haSimDesign(4, 50, 20, zoneFailures);
  let eventsPerSecond = 0;
  let events = 0;
  let instances = 0;
  for (let run = 0; run < 4; run++) {
    const sim = new Simulation(design, { seed: 1 });
    const begin = performance.now();
    sim.runUntil(86_400);
    if (run > 0)
      eventsPerSecond = Math.max(eventsPerSecond, sim.eventsProcessed / ((performance.now() - begin) / 1000));
    events = sim.eventsProcessed;
    instances = [...sim.instances.values()].filter((i) => i.state === 'running').length;
  }
  return { eventsPerSecond, events, instances };
}

if (process.argv[1]?.endsWith('haSim.ts')) console.log(runHaSimBench());
