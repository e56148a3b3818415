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
