import {
  authorizationRulesOf,
  CLIENT_VPN_MAX_PREFIX,
  CLIENT_VPN_MIN_PREFIX,
  getResource,
  resourcesOfKind,
  type Design,
} from '../../domain';
import { overlaps, parseCidr } from '../../net';
import { finding, type Finding } from '../findings';
import { vpcCidrs } from '../topology';

/**
 * Client VPN endpoints as AWS accepts them. AWS Client VPN Administrator
 * Guide, "Rules and best practices for using AWS Client VPN"
 * (docs.aws.amazon.com/vpn/latest/clientvpn-admin/what-is-best-practices.html):
 * "Client CIDR ranges must have a block size of at least /22 and must not be
 * greater than /12", and "cannot overlap with the local CIDR of the VPC in
 * which the associated subnet is located, or any routes manually added to the
 * Client VPN endpoint's route table"; "Target networks"
 * (…/cvpn-working-target.html): the subnets of one VPC, at most one per
 * Availability Zone; "Routes" (…/cvpn-working-routes.html): a route goes
 * through an associated subnet.
 */
export function clientVpnRules(design: Design): Finding[] {
  const out: Finding[] = [];
  for (const endpoint of resourcesOfKind(design, 'clientVpnEndpoint')) {
    const vpc = getResource(design, endpoint.vpcId, 'vpc');
    const client = parseCidr(endpoint.clientCidr);
    if (!client.ok) {
      out.push(
        finding(
          'error',
          'CLIENT_VPN_CIDR_INVALID',
          endpoint.id,
          `${endpoint.name}: client CIDR "${endpoint.clientCidr}" is not a valid CIDR (${client.error}).`,
        ),
      );
    } else {
      const prefix = client.value.prefix;
      if (prefix < CLIENT_VPN_MIN_PREFIX || prefix > CLIENT_VPN_MAX_PREFIX)
        out.push(
          finding(
            'error',
            'CLIENT_VPN_CIDR_SIZE',
            endpoint.id,
            `${endpoint.name}: client CIDR ${endpoint.clientCidr} is a /${prefix}. AWS: "Client CIDR ranges must have a block size of at least /22 and must not be greater than /12."`,
            'Choose a client CIDR between /12 and /22, about twice as many addresses as users connected at once.',
          ),
        );
      for (const block of vpc ? vpcCidrs(vpc) : [])
        if (overlaps(block, client.value))
          out.push(
            finding(
              'error',
              'CLIENT_VPN_CIDR_OVERLAPS_VPC',
              endpoint.id,
              `${endpoint.name}: client CIDR ${endpoint.clientCidr} overlaps ${vpc!.name}'s ${block.text}. AWS: client CIDR ranges "cannot overlap with the local CIDR of the VPC in which the associated subnet is located".`,
              'Pick a range outside the VPC, such as 100.64.0.0/22 or 172.16.0.0/22.',
            ),
          );
      for (const route of endpoint.routes) {
        const block = parseCidr(route.destinationCidr);
        // AWS's own examples add 0.0.0.0/0 for the internet, which covers every client CIDR: Nimbus flags a
        // route only when it lies inside the client range.
        if (block.ok && overlaps(block.value, client.value) && block.value.prefix >= client.value.prefix)
          out.push(
            finding(
              'error',
              'CLIENT_VPN_CIDR_OVERLAPS_ROUTE',
              endpoint.id,
              `${endpoint.name}: client CIDR ${endpoint.clientCidr} overlaps its route to ${route.destinationCidr}. AWS: client CIDR ranges cannot overlap "any routes manually added to the Client VPN endpoint's route table".`,
            ),
          );
      }
    }
    const zones = new Map<string, string>();
    for (const subnetId of endpoint.targetSubnetIds) {
      const subnet = getResource(design, subnetId, 'subnet');
      if (!subnet) continue;
      if (subnet.vpcId !== endpoint.vpcId) {
        out.push(
          finding(
            'error',
            'CLIENT_VPN_ASSOCIATION_OTHER_VPC',
            endpoint.id,
            `${endpoint.name}: ${subnet.name} is in another VPC; a Client VPN endpoint's target networks are subnets of its one VPC.`,
          ),
        );
        continue;
      }
      const first = zones.get(subnet.azId);
      if (first)
        out.push(
          finding(
            'error',
            'CLIENT_VPN_ASSOCIATION_SAME_ZONE',
            endpoint.id,
            `${endpoint.name}: ${subnet.name} is in the same Availability Zone as ${first}. AWS associates at most one subnet per Availability Zone with a Client VPN endpoint.`,
          ),
        );
      else zones.set(subnet.azId, subnet.name);
    }
    for (const route of endpoint.routes) {
      const block = parseCidr(route.destinationCidr);
      if (!block.ok)
        out.push(
          finding(
            'error',
            'CLIENT_VPN_ROUTE_INVALID',
            endpoint.id,
            `${endpoint.name}: route destination "${route.destinationCidr}" is not a valid CIDR.`,
          ),
        );
      if (!(endpoint.targetSubnetIds as readonly string[]).includes(route.targetSubnetId))
        out.push(
          finding(
            'error',
            'CLIENT_VPN_ROUTE_TARGET_NOT_ASSOCIATED',
            endpoint.id,
            `${endpoint.name}: the route to ${route.destinationCidr} goes through ${getResource(design, route.targetSubnetId, 'subnet')?.name ?? route.targetSubnetId}, which is not associated with the endpoint; a Client VPN route's target must be an associated subnet.`,
            'Associate the subnet, or send the route through one that is.',
          ),
        );
    }
    for (const rule of authorizationRulesOf(endpoint))
      if (!parseCidr(rule.destinationCidr).ok)
        out.push(
          finding(
            'error',
            'CLIENT_VPN_AUTHORIZATION_INVALID',
            endpoint.id,
            `${endpoint.name}: authorization rule destination "${rule.destinationCidr}" is not a valid CIDR.`,
          ),
        );
    for (const groupId of endpoint.securityGroupIds) {
      const group = getResource(design, groupId, 'securityGroup');
      if (group && group.vpcId !== endpoint.vpcId)
        out.push(
          finding(
            'error',
            'CLIENT_VPN_GROUP_OTHER_VPC',
            endpoint.id,
            `${endpoint.name}: security group ${group.name} belongs to another VPC; the endpoint's groups must be in its VPC.`,
          ),
        );
    }
    // ClientVpnEndpointStatus (EC2 API Reference): with no target network the endpoint is pending-associate and
    // "cannot accept connections"; disassociating the last one ends every connection.
    if (endpoint.targetSubnetIds.length === 0 && endpoint.connectedClients > 0)
      out.push(
        finding(
          'warning',
          'CLIENT_VPN_NOT_ASSOCIATED',
          endpoint.id,
          `${endpoint.name} has no target network, so it is pending-associate and accepts no connections: the ${endpoint.connectedClients} connected users it counts cannot connect, and Nimbus bills no connection-hours for them.`,
          'Associate a subnet of the VPC (one per Availability Zone).',
        ),
      );
    if (endpoint.targetSubnetIds.length > 0 && authorizationRulesOf(endpoint).length === 0)
      out.push(
        finding(
          'warning',
          'CLIENT_VPN_NO_AUTHORIZATION',
          endpoint.id,
          `${endpoint.name} has no authorization rule: users can connect but reach nothing.`,
          'Add an authorization rule for the VPC\u2019s CIDR (all users, or a group).',
        ),
      );
  }
  return out;
}
