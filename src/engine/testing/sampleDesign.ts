import { createRouteTable, DesignBuilder, type Design } from '../../domain';

/**
 * A small, valid design used by tests: one VPC (10.0.0.0/16) with a public
 * subnet (its own route table sends 0.0.0.0/0 to the internet gateway; a web
 * server with a public IP) and a private subnet on the main table (an app server).
 */
export function sampleDesign(): Design {
  const b = new DesignBuilder('Sample');
  const region = b.region('us-east-1');
  const zone = b.zone(region, 'us-east-1a');
  const vpc = b.vpc(region, '10.0.0.0/16');
  const igw = b.internetGateway(vpc);
  const publicSubnet = b.subnet(vpc, zone, '10.0.1.0/24', 'Public subnet', { public: true });
  const privateSubnet = b.subnet(vpc, zone, '10.0.2.0/24', 'Private subnet');
  const publicTable = b.add(createRouteTable(b.ids, vpc.vpc, 'Public routes'));
  b.route(publicTable, '0.0.0.0/0', igw.id);
  publicTable.subnetIds.push(publicSubnet.id);
  b.instance(publicSubnet, '10.0.1.10', [vpc.defaultSecurityGroup.id], 'Web server');
  b.instance(privateSubnet, '10.0.2.10', [vpc.defaultSecurityGroup.id], 'App server');
  return b.build();
}
