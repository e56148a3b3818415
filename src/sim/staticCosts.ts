import { eksControlPlaneHourly, PRICES, resourcesOfKind, type Design } from '../domain';

/** Hourly charges that run as long as a resource exists: NAT gateways, Elastic IPs, VPNs, Direct Connect ports, transit gateway attachments, EKS control planes (Fargate tasks bill per task, see containers.ts). */
export interface StaticRate {
  id: string;
  name: string;
  usdPerHour: number;
}

export function staticRates(design: Design): StaticRate[] {
  const rates: StaticRate[] = [];
  for (const nat of resourcesOfKind(design, 'natGateway'))
    rates.push({ id: nat.id, name: nat.name, usdPerHour: PRICES.natGatewayHour });
  // Since February 2024 every public IPv4 is billed, Elastic IPs included, attached or not.
  for (const eip of resourcesOfKind(design, 'elasticIp'))
    rates.push({ id: eip.id, name: eip.name, usdPerHour: PRICES.publicIpv4Hour });
  for (const vpn of resourcesOfKind(design, 'vpnConnection'))
    rates.push({ id: vpn.id, name: vpn.name, usdPerHour: PRICES.vpnConnectionHour });
  for (const dx of resourcesOfKind(design, 'directConnectConnection'))
    rates.push({ id: dx.id, name: dx.name, usdPerHour: PRICES.directConnectPortHour[dx.bandwidth] });
  // A transit gateway bills each attachment by the hour while it exists (aws.amazon.com/transit-gateway/pricing/).
  for (const attachment of resourcesOfKind(design, 'transitGatewayAttachment'))
    if (attachment.state === 'available')
      rates.push({ id: attachment.id, name: attachment.name, usdPerHour: PRICES.transitGateway.attachmentHour });
  // An interface endpoint bills each zone it has an interface in (aws.amazon.com/privatelink/pricing/); a gateway endpoint is free.
  for (const endpoint of resourcesOfKind(design, 'vpcEndpoint'))
    if (endpoint.type === 'interface' && endpoint.subnetIds.length > 0)
      rates.push({
        id: endpoint.id,
        name: endpoint.name,
        usdPerHour: PRICES.interfaceEndpoint.azHour * endpoint.subnetIds.length,
      });
  for (const eks of resourcesOfKind(design, 'eksCluster'))
    rates.push({
      id: eks.id,
      name: eks.name,
      usdPerHour: eksControlPlaneHourly(eks.kubernetesVersion, eks.upgradePolicy),
    });
  // Client VPN bills each target-network association and each connected client by the hour (aws.amazon.com/vpn/pricing/).
  for (const endpoint of resourcesOfKind(design, 'clientVpnEndpoint')) {
    const associations = endpoint.targetSubnetIds.length;
    if (associations > 0)
      rates.push({
        id: endpoint.id,
        name: `${endpoint.name} (${associations} association${associations === 1 ? '' : 's'})`,
        usdPerHour: PRICES.clientVpn.associationHour * associations,
      });
    // With no association the endpoint is pending-associate and "cannot accept connections" (EC2 API Reference,
    // ClientVpnEndpointStatus): no connection-hours.
    if (endpoint.connectedClients > 0 && associations > 0)
      rates.push({
        id: `${endpoint.id}/connections`,
        name: `${endpoint.name} (${endpoint.connectedClients} connection${endpoint.connectedClients === 1 ? '' : 's'})`,
        usdPerHour: PRICES.clientVpn.connectionHour * endpoint.connectedClients,
      });
  }
  return rates;
}
