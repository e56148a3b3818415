import type {
  AzId,
  ElasticIpId,
  InstanceId,
  InternetGatewayId,
  NatGatewayId,
  NetworkAclId,
  RegionId,
  RouteTableId,
  SecurityGroupId,
  SubnetId,
  VpcId,
} from './ids';
import type { IdSource } from './idSource';
import type {
  AvailabilityZone,
  ElasticIp,
  InternetGateway,
  NaclRule,
  NatGateway,
  NetworkAcl,
  Region,
  RouteTable,
  SecurityGroup,
  SgRule,
  Subnet,
  Vpc,
} from './kinds';
import type { Ec2Instance } from './kinds';
import type { Resource } from './design';
import { DEFAULT_AMI_ID } from './catalogs/amis';
import { autoAssignedPublicIpv4 } from './kinds/ec2Instance';

/**
 * Factories create resources with AWS's defaults. They never touch a design;
 * they return new resources for a command to add, so one user action (create a
 * VPC) can add several resources (its main route table, default ACL and group)
 * as a single undo step.
 */

/** Rule 100 allows everything; AWS's default ACL has it in both directions, before the `*` deny. */
export const ALLOW_ALL_NACL_RULE: NaclRule = {
  ruleNumber: 100,
  protocol: 'all',
  ports: null,
  cidr: '0.0.0.0/0',
  action: 'allow',
};

/** The outbound rule every new security group starts with. */
export const ALLOW_ALL_OUTBOUND_SG_RULE: SgRule = {
  protocol: 'all',
  ports: null,
  peer: { type: 'cidr', cidr: '0.0.0.0/0' },
  description: 'All outbound traffic',
};

export function createRegion(ids: IdSource, code: string, name = code): Region {
  return { kind: 'region', id: ids.next<RegionId>('region'), name, code };
}

export function createAvailabilityZone(ids: IdSource, regionId: RegionId, zoneName: string): AvailabilityZone {
  return { kind: 'availabilityZone', id: ids.next<AzId>('availabilityZone'), name: zoneName, regionId, zoneName };
}

export interface NewVpc {
  vpc: Vpc;
  mainRouteTable: RouteTable;
  defaultNetworkAcl: NetworkAcl;
  defaultSecurityGroup: SecurityGroup;
}

/**
 * A VPC with what AWS creates alongside it: the main route table with the
 * `local` route, the default network ACL (allow all both ways) and the default
 * security group (inbound from its own members, all outbound).
 * Source: Amazon VPC User Guide, "Default VPC components" / "Configure route tables".
 */
export function createVpc(ids: IdSource, regionId: RegionId, cidr: string, name = 'VPC'): NewVpc {
  const vpcId = ids.next<VpcId>('vpc');
  const groupId = ids.next<SecurityGroupId>('securityGroup');
  return {
    vpc: { kind: 'vpc', id: vpcId, name, regionId, cidr, secondaryCidrs: [] },
    mainRouteTable: {
      kind: 'routeTable',
      id: ids.next<RouteTableId>('routeTable'),
      name: `${name} main route table`,
      vpcId,
      main: true,
      routes: [{ destination: cidr, target: 'local' }],
      subnetIds: [],
      propagatingGatewayIds: [],
    },
    defaultNetworkAcl: {
      kind: 'networkAcl',
      id: ids.next<NetworkAclId>('networkAcl'),
      name: `${name} default network ACL`,
      vpcId,
      isDefault: true,
      inbound: [{ ...ALLOW_ALL_NACL_RULE }],
      outbound: [{ ...ALLOW_ALL_NACL_RULE }],
      subnetIds: [],
    },
    defaultSecurityGroup: {
      kind: 'securityGroup',
      id: groupId,
      name: 'default',
      vpcId,
      isDefault: true,
      description: 'default VPC security group',
      inbound: [
        {
          protocol: 'all',
          ports: null,
          peer: { type: 'securityGroup', groupId },
          description: 'From members of this group',
        },
      ],
      outbound: [{ ...ALLOW_ALL_OUTBOUND_SG_RULE }],
    },
  };
}

export function newVpcResources(created: NewVpc): Resource[] {
  return [created.vpc, created.mainRouteTable, created.defaultNetworkAcl, created.defaultSecurityGroup];
}

export function createSubnet(ids: IdSource, vpcId: VpcId, azId: AzId, cidr: string, name = 'Subnet'): Subnet {
  return { kind: 'subnet', id: ids.next<SubnetId>('subnet'), name, vpcId, azId, cidr, mapPublicIpOnLaunch: false };
}

/** A custom route table starts with only the `local` routes of its VPC. */
export function createRouteTable(ids: IdSource, vpc: Vpc, name = 'Route table'): RouteTable {
  return {
    kind: 'routeTable',
    id: ids.next<RouteTableId>('routeTable'),
    name,
    vpcId: vpc.id,
    main: false,
    routes: [vpc.cidr, ...vpc.secondaryCidrs].map((destination) => ({ destination, target: 'local' as const })),
    subnetIds: [],
    propagatingGatewayIds: [],
  };
}

/** A new custom ACL has no rules: the `*` rule denies everything until rules are added. */
export function createNetworkAcl(ids: IdSource, vpcId: VpcId, name = 'Network ACL'): NetworkAcl {
  return {
    kind: 'networkAcl',
    id: ids.next<NetworkAclId>('networkAcl'),
    name,
    vpcId,
    isDefault: false,
    inbound: [],
    outbound: [],
    subnetIds: [],
  };
}

/** A new security group: no inbound rules, all outbound allowed. */
export function createSecurityGroup(
  ids: IdSource,
  vpcId: VpcId,
  name = 'Security group',
  description = '',
): SecurityGroup {
  return {
    kind: 'securityGroup',
    id: ids.next<SecurityGroupId>('securityGroup'),
    name,
    vpcId,
    isDefault: false,
    description,
    inbound: [],
    outbound: [{ ...ALLOW_ALL_OUTBOUND_SG_RULE }],
  };
}

export function createInternetGateway(ids: IdSource, vpcId: VpcId | null, name = 'Internet gateway'): InternetGateway {
  return { kind: 'internetGateway', id: ids.next<InternetGatewayId>('internetGateway'), name, vpcId };
}

export function createElasticIp(ids: IdSource, publicIp: string, name = 'Elastic IP'): ElasticIp {
  return { kind: 'elasticIp', id: ids.next<ElasticIpId>('elasticIp'), name, publicIp };
}

export function createNatGateway(
  ids: IdSource,
  subnetId: SubnetId,
  elasticIpId: ElasticIpId | null,
  privateIp: string,
  name = 'NAT gateway',
): NatGateway {
  return { kind: 'natGateway', id: ids.next<NatGatewayId>('natGateway'), name, subnetId, elasticIpId, privateIp };
}

export interface NewInstance {
  subnet: Subnet;
  privateIp: string;
  securityGroupIds: SecurityGroupId[];
  name?: string;
  instanceType?: string;
  amiId?: string;
}

/** A running instance; it gets a public IPv4 when its subnet auto-assigns one. */
export function createInstance(ids: IdSource, options: NewInstance): Ec2Instance {
  const id = ids.next<InstanceId>('ec2Instance');
  return {
    kind: 'ec2Instance',
    id,
    name: options.name ?? 'Instance',
    subnetId: options.subnet.id,
    amiId: options.amiId ?? DEFAULT_AMI_ID,
    instanceType: options.instanceType ?? 't3.micro',
    privateIp: options.privateIp,
    publicIp: options.subnet.mapPublicIpOnLaunch,
    publicIpAddress: options.subnet.mapPublicIpOnLaunch ? autoAssignedPublicIpv4(id) : null,
    elasticIpId: null,
    securityGroupIds: options.securityGroupIds,
    hibernationEnabled: false,
    terminationProtection: false,
    state: 'running',
  };
}
