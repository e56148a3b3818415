import {
  createRouteTable,
  createSecurityGroup,
  DesignBuilder,
  type ClientVpnEndpoint,
  type Design,
  type SgRule,
} from '../../../domain';

/**
 * A VPC with a public subnet (zone a, internet gateway) and a private one
 * (zone b) holding App, whose group lets SSH in from the endpoint's group
 * "vpn"; Staff VPN is associated with the private subnet and authorizes
 * 10.0.0.0/16 for all users, with 10 clients connected. `edit` changes the
 * parts before the design is built.
 */
export const tcp = (port: number, peer: SgRule['peer']): SgRule => ({
  protocol: 'tcp',
  ports: { from: port, to: port },
  peer,
  description: '',
});

export interface ClientVpnFixture {
  design: Design;
  endpointId: string;
  appId: string;
}

export function clientVpnDesign(
  edit: (parts: {
    endpoint: ClientVpnEndpoint;
    appRules: SgRule[];
    vpnEgress: SgRule[];
    publicSubnetId: ClientVpnEndpoint['targetSubnetIds'][number];
  }) => void = () => {},
): ClientVpnFixture {
  const b = new DesignBuilder('Client VPN');
  const region = b.region('us-east-1');
  const vpc = b.vpc(region, '10.0.0.0/16', 'VPC');
  const zoneA = b.zone(region, 'us-east-1a', vpc);
  const zoneB = b.zone(region, 'us-east-1b', vpc);
  const igw = b.internetGateway(vpc);
  const publicSubnet = b.subnet(vpc, zoneA, '10.0.0.0/24', 'Public', { public: true });
  const privateSubnet = b.subnet(vpc, zoneB, '10.0.1.0/24', 'Private');
  const publicRoutes = b.add(createRouteTable(b.ids, vpc.vpc, 'Public routes'));
  b.route(publicRoutes, '0.0.0.0/0', igw.id);
  publicRoutes.subnetIds.push(publicSubnet.id);
  const vpnGroup = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'vpn', 'Client VPN interfaces'));
  const appGroup = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'app', 'App'));
  appGroup.inbound.push(tcp(22, { type: 'securityGroup', groupId: vpnGroup.id }));
  const app = b.instance(privateSubnet, '10.0.1.10', [appGroup.id], 'App');
  const endpoint = b.add({
    kind: 'clientVpnEndpoint',
    id: b.ids.next('clientVpnEndpoint'),
    name: 'Staff VPN',
    vpcId: vpc.vpc.id,
    clientCidr: '172.16.0.0/22',
    targetSubnetIds: [privateSubnet.id],
    securityGroupIds: [vpnGroup.id],
    authorizationRules: [{ destinationCidr: '10.0.0.0/16', accessGroup: null }],
    authorizedCidrs: [],
    routes: [],
    splitTunnel: false,
    connectedClients: 10,
    userGroup: null,
  } satisfies ClientVpnEndpoint);
  edit({ endpoint, appRules: appGroup.inbound, vpnEgress: vpnGroup.outbound, publicSubnetId: publicSubnet.id });
  return { design: b.build(), endpointId: endpoint.id, appId: app.id };
}
