import {
  createNetworkAcl,
  createRouteTable,
  createSecurityGroup,
  DesignBuilder,
  type Design,
  type NewVpc,
  type RouteTable,
  type SecurityGroup,
  type SgRule,
  type TransitGateway,
  type VpcPeeringConnection,
  resourcesOfKind,
  vpcAttachment,
} from '../src/domain';

/**
 * A realistic design of about `target` resources: VPCs of /16 with two AZs,
 * public and private subnets, route tables, ACLs, groups and instances.
 */
export function generateDesign(target: number): Design {
  const b = new DesignBuilder(`Generated ${target}`);
  const region = b.region('us-east-1');
  const zones = [b.zone(region, 'us-east-1a'), b.zone(region, 'us-east-1b')];
  let count = 3;
  for (let v = 0; count < target; v++) {
    const vpc = b.vpc(region, `10.${v}.0.0/16`, `VPC ${v + 1}`);
    const igw = b.internetGateway(vpc);
    const publicTable = b.add(createRouteTable(b.ids, vpc.vpc, 'Public'));
    b.route(publicTable, '0.0.0.0/0', igw.id);
    const acl = b.add(createNetworkAcl(b.ids, vpc.vpc.id, 'App ACL'));
    acl.inbound.push({
      ruleNumber: 100,
      protocol: 'tcp',
      ports: { from: 443, to: 443 },
      cidr: '0.0.0.0/0',
      action: 'allow',
    });
    const web = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'web'));
    web.inbound.push(
      {
        protocol: 'tcp',
        ports: { from: 443, to: 443 },
        peer: { type: 'cidr', cidr: '0.0.0.0/0' },
        description: 'HTTPS',
      },
      { protocol: 'tcp', ports: { from: 80, to: 80 }, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: 'HTTP' },
      {
        protocol: 'tcp',
        ports: { from: 22, to: 22 },
        peer: { type: 'cidr', cidr: '10.0.0.0/8' },
        description: 'SSH from inside',
      },
      {
        protocol: 'tcp',
        ports: { from: 8080, to: 8080 },
        peer: { type: 'securityGroup', groupId: web.id },
        description: 'peers',
      },
    );
    acl.inbound.push(
      { ruleNumber: 110, protocol: 'tcp', ports: { from: 80, to: 80 }, cidr: '0.0.0.0/0', action: 'allow' },
      { ruleNumber: 120, protocol: 'tcp', ports: { from: 22, to: 22 }, cidr: '10.0.0.0/8', action: 'allow' },
      { ruleNumber: 130, protocol: 'tcp', ports: { from: 1024, to: 65535 }, cidr: '0.0.0.0/0', action: 'allow' },
    );
    acl.outbound.push({ ruleNumber: 100, protocol: 'all', ports: null, cidr: '0.0.0.0/0', action: 'allow' });
    count += 8;
    for (let s = 0; s < 32 && count < target; s++) {
      const subnet = b.subnet(vpc, zones[s % 2]!, `10.${v}.${s}.0/24`, `Subnet ${s + 1}`, { public: s % 2 === 0 });
      if (s % 2 === 0) publicTable.subnetIds.push(subnet.id);
      else acl.subnetIds.push(subnet.id);
      count++;
      for (let i = 0; i < 4 && count < target; i++, count++)
        b.instance(subnet, `10.${v}.${s}.${10 + i}`, [web.id], `App ${s}-${i}`);
    }
  }
  return b.build();
}

/** A design with about `instances` instances (128 per VPC, in 32 subnets of 4). */
export function generateInstances(instances: number): Design {
  return generateDesign(Math.ceil(instances * 1.25) + 11 * Math.ceil(instances / 128) + 3);
}

/**
 * A small design whose web security group holds `rules` more inbound rules,
 * listed port by port as generated rule sets often are: four client ranges, each
 * given its own block of consecutive ports from 10000 up.
 */
export function bigRuleDesign(rules: number, target = 50): Design {
  const design = generateDesign(target);
  const peers = ['198.51.100.0/24', '203.0.113.0/24', '192.0.2.0/24', '10.0.0.0/8'];
  const block = Math.ceil(rules / peers.length);
  const resources = { ...design.resources };
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.kind === 'securityGroup' && resource.name === 'web') {
      const inbound = Array.from({ length: rules }, (_, i) => ({
        protocol: 'tcp' as const,
        ports: { from: 10_000 + i, to: 10_000 + i },
        peer: { type: 'cidr' as const, cidr: peers[Math.floor(i / block)]! },
        description: `rule ${i + 1}`,
      }));
      resources[id] = { ...resource, inbound: [...resource.inbound, ...inbound] };
    }
  }
  return { ...design, resources };
}

/** One generated VPC with the handles a later step needs to join it to others (routes go in its tables). */
export interface GeneratedVpc {
  vpc: NewVpc;
  publicTable: RouteTable;
  privateTable: RouteTable;
}

/**
 * An account of `instances` instances spread over `vpcs` VPCs (10.v.0.0/16,
 * not joined to each other): each VPC has an internet gateway, 32 subnets of
 * /24 over two zones (even ones public, odd ones private behind a custom ACL),
 * a web, an app and a database group, and services of up to 8 instances per
 * subnet, each with its own group opening its own port to the VPC and to its
 * members. Instances go round-robin over the VPC's subnets. The first VPC has
 * a virtual private gateway with a Site-to-Site VPN to an on-premises network
 * that its private table propagates. Returns the builder and the VPCs so a
 * caller can add more before `build()`.
 */
export function multiVpcBuilder(instances: number, vpcs = 20): { builder: DesignBuilder; vpcs: GeneratedVpc[] } {
  const b = new DesignBuilder(`Generated ${instances} instances in ${vpcs} VPCs`);
  const region = b.region('us-east-1');
  const zones = [b.zone(region, 'us-east-1a'), b.zone(region, 'us-east-1b')];
  const subnetsPerVpc = 32;
  const generated: GeneratedVpc[] = [];
  const tcpIn = (from: number, to: number, peer: SgRule['peer'], description: string): SgRule => ({
    protocol: 'tcp',
    ports: { from, to },
    peer,
    description,
  });
  for (let v = 0; v < vpcs; v++) {
    const vpcCidr = `10.${v}.0.0/16`;
    const vpc = b.vpc(region, vpcCidr, `VPC ${v + 1}`);
    const igw = b.internetGateway(vpc);
    const publicTable = b.add(createRouteTable(b.ids, vpc.vpc, 'Public'));
    b.route(publicTable, '0.0.0.0/0', igw.id);
    const privateTable = b.add(createRouteTable(b.ids, vpc.vpc, 'Private'));
    generated.push({ vpc, publicTable, privateTable });
    const acl = b.add(createNetworkAcl(b.ids, vpc.vpc.id, 'Private ACL'));
    acl.inbound.push(
      { ruleNumber: 100, protocol: 'tcp', ports: { from: 443, to: 443 }, cidr: '0.0.0.0/0', action: 'allow' },
      { ruleNumber: 110, protocol: 'tcp', ports: { from: 22, to: 22 }, cidr: '10.0.0.0/8', action: 'allow' },
      { ruleNumber: 120, protocol: 'tcp', ports: { from: 5432, to: 5432 }, cidr: vpcCidr, action: 'allow' },
      { ruleNumber: 130, protocol: 'tcp', ports: { from: 8000, to: 9999 }, cidr: vpcCidr, action: 'allow' },
      { ruleNumber: 140, protocol: 'tcp', ports: { from: 1024, to: 65535 }, cidr: '0.0.0.0/0', action: 'allow' },
    );
    acl.outbound.push({ ruleNumber: 100, protocol: 'all', ports: null, cidr: '0.0.0.0/0', action: 'allow' });
    const web = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'web'));
    const app = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'app'));
    const db = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'db'));
    const anywhere = { type: 'cidr' as const, cidr: '0.0.0.0/0' };
    web.inbound.push(
      tcpIn(443, 443, anywhere, 'HTTPS'),
      tcpIn(80, 80, anywhere, 'HTTP'),
      tcpIn(22, 22, { type: 'cidr', cidr: '10.0.0.0/8' }, 'SSH from inside'),
    );
    app.inbound.push(
      tcpIn(8080, 8080, { type: 'securityGroup', groupId: web.id }, 'from web'),
      tcpIn(22, 22, { type: 'cidr', cidr: '10.0.0.0/8' }, 'SSH from inside'),
    );
    db.inbound.push(tcpIn(5432, 5432, { type: 'securityGroup', groupId: app.id }, 'from app'));
    const subnets = Array.from({ length: subnetsPerVpc }, (_, s) => {
      const isPublic = s % 2 === 0;
      const subnet = b.subnet(vpc, zones[s % 2]!, `10.${v}.${s}.0/24`, `VPC ${v + 1} subnet ${s + 1}`, {
        public: isPublic,
      });
      if (isPublic) publicTable.subnetIds.push(subnet.id);
      else {
        privateTable.subnetIds.push(subnet.id);
        acl.subnetIds.push(subnet.id);
      }
      return subnet;
    });
    // This VPC's share of the instances, and each subnet's count of them so far.
    const share = Math.floor(instances / vpcs) + (v < instances % vpcs ? 1 : 0);
    const placed = new Array<number>(subnetsPerVpc).fill(0);
    const services = new Map<number, SecurityGroup>();
    const serviceGroup = (n: number) => {
      let group = services.get(n);
      if (!group) {
        group = b.add(createSecurityGroup(b.ids, vpc.vpc.id, `service ${n + 1}`));
        const port = 9000 + n;
        group.inbound.push(
          tcpIn(port, port, { type: 'cidr', cidr: vpcCidr }, 'service port from the VPC'),
          tcpIn(port + 500, port + 500, { type: 'securityGroup', groupId: group.id }, 'members'),
        );
        services.set(n, group);
      }
      return group;
    };
    for (let i = 0; i < share; i++) {
      const s = i % subnetsPerVpc;
      const j = placed[s]!++;
      const tier = s % 2 === 0 ? web : s % 4 === 1 ? app : db;
      // Services of 8 instances per subnet; service numbers are shared by the subnets of a VPC.
      const service = serviceGroup(Math.floor(j / 8));
      b.instance(subnets[s]!, `10.${v}.${s}.${10 + j}`, [tier.id, service.id], `VPC ${v + 1} i-${i + 1}`);
    }
  }
  const first = generated[0];
  if (first) {
    const vgw = b.add({
      kind: 'virtualPrivateGateway',
      id: b.ids.next('virtualPrivateGateway'),
      name: 'VGW',
      vpcId: first.vpc.vpc.id,
      amazonSideAsn: 64512,
    });
    first.privateTable.propagatingGatewayIds.push(vgw.id);
    const office = b.add({
      kind: 'onPremisesNetwork',
      id: b.ids.next('onPremisesNetwork'),
      name: 'Office',
      cidrs: ['192.168.0.0/16'],
    });
    const cgw = b.add({
      kind: 'customerGateway',
      id: b.ids.next('customerGateway'),
      name: 'Office router',
      ipAddress: '198.51.100.20',
      bgpAsn: 65000,
      onPremisesNetworkId: office.id,
    });
    b.add({
      kind: 'vpnConnection',
      id: b.ids.next('vpnConnection'),
      name: 'Office VPN',
      vpnGatewayId: vgw.id,
      customerGatewayId: cgw.id,
      routing: 'static',
      staticRoutes: ['192.168.0.0/16'],
    });
  }
  return { builder: b, vpcs: generated };
}

/** `multiVpcBuilder` built: `instances` instances across `vpcs` unjoined VPCs. */
export function generateMultiVpc(instances: number, vpcs = 20): Design {
  return multiVpcBuilder(instances, vpcs).builder.build();
}

/**
 * `multiVpcBuilder`'s VPCs joined as accounts join them: the first half
 * attached to one transit gateway (default table, every attachment associated
 * and propagating, one attachment subnet per zone), the rest peered in pairs;
 * each VPC's private table routes the other VPCs it is joined to (the hub's
 * VPCs one route per VPC, a peer its partner's /16).
 */
export function generateJoinedVpcs(instances: number, vpcs = 20): Design {
  const { builder: b, vpcs: generated } = multiVpcBuilder(instances, vpcs);
  const draft = b.build();
  const hubCount = Math.ceil(generated.length / 2);
  const hub = generated.slice(0, hubCount);
  const tgwId = b.ids.next<TransitGateway['id']>('transitGateway');
  const tableId = `tgw-rtb-${tgwId}`;
  b.add<TransitGateway>({
    kind: 'transitGateway',
    id: tgwId,
    name: 'Hub',
    regionId: resourcesOfKind(draft, 'region')[0]!.id,
    amazonSideAsn: 64512,
    routeTables: [{ id: tableId, name: 'Hub default table', routes: [] }],
  });
  for (const v of hub) {
    b.add(vpcAttachment(draft, b.ids.next('transitGatewayAttachment'), tgwId, v.vpc.vpc.id, tableId));
    for (const other of hub) if (other !== v) b.route(v.privateTable, other.vpc.vpc.cidr, tgwId);
  }
  const rest = generated.slice(hubCount);
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const [one, two] = [rest[i]!, rest[i + 1]!];
    const pcx = b.add<VpcPeeringConnection>({
      kind: 'vpcPeeringConnection',
      id: b.ids.next('vpcPeeringConnection'),
      name: `${one.vpc.vpc.name} to ${two.vpc.vpc.name}`,
      requesterVpcId: one.vpc.vpc.id,
      accepterVpcId: two.vpc.vpc.id,
      status: 'active',
    });
    b.route(one.privateTable, two.vpc.vpc.cidr, pcx.id);
    b.route(two.privateTable, one.vpc.vpc.cidr, pcx.id);
  }
  return b.build();
}
