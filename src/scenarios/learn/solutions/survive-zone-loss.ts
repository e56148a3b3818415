import { produce } from 'immer';
import type {
  AutoScalingGroup,
  Design,
  ElasticIp,
  LaunchTemplate,
  LoadBalancer,
  NatGateway,
  RouteTable,
  SecurityGroup,
  Subnet,
  TargetGroup,
} from '../../../domain';
import { defaultHealthCheck } from '../../../domain/kinds/targetGroup';
import { addResource, draftOf, removeResource } from './edit';

const id = <T>(text: string) => text as T;

/**
 * Two zones all the way: a public subnet in us-east-1b, an ALB with a node in
 * each public subnet, an Auto Scaling group of two web servers in the private
 * subnets (ELB health checks), a NAT gateway per zone, RDS Multi-AZ with its
 * standby in private-b; the shoppers go to the load balancer and web-1 goes.
 */
export const solveSurviveZoneLoss = (start: Design): Design =>
  produce(start, (d) => {
    const publicB = addResource<Subnet>(d, {
      kind: 'subnet',
      id: id('subnet-public-b'),
      name: 'public-b',
      vpcId: id('vpc-shop'),
      azId: id('az-b'),
      cidr: '10.0.1.0/24',
      mapPublicIpOnLaunch: true,
    });
    draftOf(d, 'rtb-public', 'routeTable').subnetIds.push(publicB.id);
    const zones = [
      {
        zone: 'a',
        publicSubnet: 'subnet-public-a',
        privateSubnet: 'subnet-private-a',
        nat: '10.0.0.5',
        eip: '203.0.113.71',
      },
      {
        zone: 'b',
        publicSubnet: 'subnet-public-b',
        privateSubnet: 'subnet-private-b',
        nat: '10.0.1.5',
        eip: '203.0.113.72',
      },
    ];
    for (const z of zones) {
      const eip = addResource<ElasticIp>(d, {
        kind: 'elasticIp',
        id: id(`eipalloc-nat-${z.zone}`),
        name: `NAT ${z.zone} address`,
        publicIp: z.eip,
      });
      const nat = addResource<NatGateway>(d, {
        kind: 'natGateway',
        id: id(`nat-${z.zone}`),
        name: `nat-${z.zone}`,
        subnetId: id(z.publicSubnet),
        elasticIpId: eip.id,
        privateIp: z.nat,
      });
      addResource<RouteTable>(d, {
        kind: 'routeTable',
        id: id(`rtb-private-${z.zone}`),
        name: `private-${z.zone}`,
        vpcId: id('vpc-shop'),
        main: false,
        routes: [
          { destination: '10.0.0.0/16', target: 'local' },
          { destination: '0.0.0.0/0', target: id(nat.id) },
        ],
        subnetIds: [id(z.privateSubnet)],
        propagatingGatewayIds: [],
      });
    }
    const albGroup = addResource<SecurityGroup>(d, {
      kind: 'securityGroup',
      id: id('sg-alb'),
      name: 'alb',
      vpcId: id('vpc-shop'),
      isDefault: false,
      description: 'Shop load balancer',
      inbound: [
        {
          protocol: 'tcp',
          ports: { from: 80, to: 80 },
          peer: { type: 'cidr', cidr: '0.0.0.0/0' },
          description: 'HTTP from anywhere',
        },
      ],
      outbound: [
        {
          protocol: 'tcp',
          ports: { from: 80, to: 80 },
          peer: { type: 'cidr', cidr: '10.0.0.0/16' },
          description: 'To the web servers',
        },
      ],
    });
    // The web servers now take HTTP from the load balancer only.
    draftOf(d, 'sg-web', 'securityGroup').inbound = [
      {
        protocol: 'tcp',
        ports: { from: 80, to: 80 },
        peer: { type: 'securityGroup', groupId: albGroup.id },
        description: 'HTTP from the load balancer',
      },
    ];
    const targets = addResource<TargetGroup>(d, {
      kind: 'targetGroup',
      id: id('tg-web'),
      name: 'web-targets',
      vpcId: id('vpc-shop'),
      targetType: 'instance',
      protocol: 'HTTP',
      port: 80,
      healthCheck: { ...defaultHealthCheck('HTTP'), intervalSeconds: 10 },
      targetIds: [],
      targetIps: [],
      deregistrationDelaySeconds: 30,
    });
    addResource<LoadBalancer>(d, {
      kind: 'loadBalancer',
      id: id('elb-shop'),
      name: 'shop-alb',
      type: 'application',
      scheme: 'internet-facing',
      vpcId: id('vpc-shop'),
      subnetMappings: [
        { subnetId: id('subnet-public-a'), privateIp: '10.0.0.100', elasticIpId: null },
        { subnetId: publicB.id, privateIp: '10.0.1.100', elasticIpId: null },
      ],
      securityGroupIds: [albGroup.id],
      listeners: [{ protocol: 'HTTP', port: 80, targetGroupId: targets.id }],
      crossZone: true,
    });
    const template = addResource<LaunchTemplate>(d, {
      kind: 'launchTemplate',
      id: id('lt-web'),
      name: 'web-template',
      regionId: id('region-1'),
      amiId: 'ami-0a1b2c3d4e5f60001',
      instanceType: 't3.micro',
      securityGroupIds: [id('sg-web')],
      associatePublicIp: false,
      instanceName: 'web',
    });
    addResource<AutoScalingGroup>(d, {
      kind: 'autoScalingGroup',
      id: id('asg-web'),
      name: 'web-asg',
      vpcId: id('vpc-shop'),
      launchTemplateId: template.id,
      subnetIds: [id('subnet-private-a'), id('subnet-private-b')],
      minSize: 2,
      desiredCapacity: 2,
      maxSize: 4,
      healthCheckType: 'ELB',
      healthCheckGracePeriodSeconds: 60,
      targetGroupIds: [targets.id],
      defaultInstanceWarmupSeconds: 60,
      defaultCooldownSeconds: 300,
      azRebalance: true,
      policies: [],
      scheduledActions: [],
      instanceCapacityRps: 100,
    });
    Object.assign(draftOf(d, 'db-shop', 'dbInstance'), {
      multiAz: true,
      standbySubnetId: 'subnet-private-b',
      standbyPrivateIp: '10.0.11.20',
    });
    removeResource(d, 'web-1');
    d.flows = (d.flows ?? []).map((f) => (f.id === 'shoppers' ? { ...f, to: 'elb-shop' } : f));
  });
