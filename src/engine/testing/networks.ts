import {
  createInternetGateway,
  createNatGateway,
  createElasticIp,
  createRouteTable,
  createSecurityGroup,
  DesignBuilder,
  vpcAttachment,
  type AvailabilityZone,
  type Design,
  type Ec2Instance,
  type NewVpc,
  type Region,
  type RouteTable,
  type SecurityGroup,
  type Subnet,
  type TransitGateway,
  type TransitGatewayAttachment,
  type VpcPeeringConnection,
} from '../../domain';

/**
 * Small hand-built multi-VPC designs for the peering, transit gateway and
 * appliance tests: each VPC has one subnet per zone given, an instance in the
 * first one, and a group that admits SSH from 10.0.0.0/8.
 */
export interface TestVpc {
  vpc: NewVpc;
  subnets: Subnet[];
  instance: Ec2Instance;
  group: SecurityGroup;
  table: RouteTable;
}

export class NetworkBuilder {
  readonly b = new DesignBuilder('Networks');
  readonly region: Region;
  readonly zones: AvailabilityZone[];
  constructor(zoneNames: string[] = ['us-east-1a', 'us-east-1b']) {
    this.region = this.b.region('us-east-1');
    this.zones = zoneNames.map((z) => this.b.zone(this.region, z));
  }

  /** A VPC `10.n.0.0/16` (or `cidr`) with subnets `10.n.(z+1).0/24` in the first `zoneCount` zones. */
  vpc(name: string, n: number, options: { cidr?: string; zoneCount?: number } = {}): TestVpc {
    const cidr = options.cidr ?? `10.${n}.0.0/16`;
    const vpc = this.b.vpc(this.region, cidr, name);
    const base = cidr.split('.').slice(0, 2).join('.');
    const subnets = this.zones
      .slice(0, options.zoneCount ?? 1)
      .map((zone, z) => this.b.subnet(vpc, zone, `${base}.${z + 1}.0/24`, `${name} ${zone.zoneName}`));
    const group = this.b.add(createSecurityGroup(this.b.ids, vpc.vpc.id, `${name} ssh`));
    group.inbound.push({
      protocol: 'tcp',
      ports: { from: 22, to: 22 },
      peer: { type: 'cidr', cidr: '10.0.0.0/8' },
      description: 'SSH from the private network',
    });
    const instance = this.b.instance(subnets[0]!, `${base}.1.10`, [group.id], `${name} host`);
    return { vpc, subnets, instance, group, table: vpc.mainRouteTable };
  }

  peer(a: TestVpc, b: TestVpc, options: { routes?: boolean; status?: VpcPeeringConnection['status'] } = {}) {
    const pcx = this.b.add<VpcPeeringConnection>({
      kind: 'vpcPeeringConnection',
      id: this.b.ids.next('vpcPeeringConnection'),
      name: `${a.vpc.vpc.name}-${b.vpc.vpc.name}`,
      requesterVpcId: a.vpc.vpc.id,
      accepterVpcId: b.vpc.vpc.id,
      status: options.status ?? 'active',
    });
    if (options.routes ?? true) {
      this.b.route(a.table, b.vpc.vpc.cidr, pcx.id);
      this.b.route(b.table, a.vpc.vpc.cidr, pcx.id);
    }
    return pcx;
  }

  transitGateway(name = 'Hub'): TransitGateway {
    const id = this.b.ids.next<TransitGateway['id']>('transitGateway');
    return this.b.add<TransitGateway>({
      kind: 'transitGateway',
      id,
      name,
      regionId: this.region.id,
      amazonSideAsn: 64512,
      routeTables: [{ id: `tgw-rtb-${id}`, name: `${name} default table`, routes: [] }],
    });
  }

  /** A VPC attachment with one subnet in each given zone (all the VPC's zones by default). */
  attach(tgw: TransitGateway, v: TestVpc, subnets: Subnet[] = v.subnets): TransitGatewayAttachment {
    const design = this.b.build();
    const attachment = vpcAttachment(
      design,
      this.b.ids.next('transitGatewayAttachment'),
      tgw.id,
      v.vpc.vpc.id,
      tgw.routeTables[0]!.id,
    );
    attachment.subnetIds = subnets.map((s) => s.id);
    return this.b.add(attachment);
  }

  internetGateway(v: TestVpc) {
    return this.b.add(createInternetGateway(this.b.ids, v.vpc.vpc.id));
  }

  /** A public subnet with a NAT gateway, and 0.0.0.0/0 of the VPC's main table sent to the NAT gateway. */
  natGateway(v: TestVpc, publicCidr: string) {
    const igw = this.internetGateway(v);
    const subnet = this.b.subnet(v.vpc, this.zones[0]!, publicCidr, `${v.vpc.vpc.name} public`);
    const table = this.b.add(createRouteTable(this.b.ids, v.vpc.vpc, `${v.vpc.vpc.name} public routes`));
    this.b.route(table, '0.0.0.0/0', igw.id);
    table.subnetIds.push(subnet.id);
    const eip = this.b.add(createElasticIp(this.b.ids, '203.0.113.50', 'NAT address'));
    const nat = this.b.add(createNatGateway(this.b.ids, subnet.id, eip.id, publicCidr.replace(/0\/24$/, '5')));
    this.b.route(v.table, '0.0.0.0/0', nat.id);
    return nat;
  }

  build(): Design {
    return this.b.build();
  }
}
