import { createNetworkAcl, createRouteTable, createSecurityGroup, DesignBuilder, type Design } from '../src/domain';

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
