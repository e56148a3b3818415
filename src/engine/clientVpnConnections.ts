import type { Draft } from 'immer';
import { getResource, type ClientVpnEndpoint } from '../domain';
import { edit, pair, refuse, sameVpc, type Rule } from './connectionRules';

/**
 * Joining a Client VPN endpoint on the canvas: to a subnet, a target-network
 * association (replacing the endpoint's association in that zone: AWS takes
 * one subnet per zone, and disassociating removes the routes through it); to
 * a security group, one more group on the associations' interfaces.
 */
export const CLIENT_VPN_RULES: Rule[] = [
  (design, a, b) => {
    const p = pair(a, b, 'clientVpnEndpoint', 'subnet');
    if (!p) return null;
    const [endpoint, subnet] = p;
    if (subnet.vpcId !== endpoint.vpcId)
      return refuse(
        `${subnet.name} is in another VPC; a Client VPN endpoint's target networks are subnets of its own VPC.`,
      );
    if (endpoint.targetSubnetIds.includes(subnet.id))
      return refuse(`${subnet.name} is already associated with ${endpoint.name}.`);
    const sameZone = endpoint.targetSubnetIds.filter((id) => getResource(design, id, 'subnet')?.azId === subnet.azId);
    const replaced = sameZone.map((id) => getResource(design, id, 'subnet')?.name ?? id);
    return edit(
      design,
      `${subnet.name} is associated with ${endpoint.name}${replaced.length ? ` instead of ${replaced.join(', ')} (one subnet per zone)` : ''}.`,
      (d) => {
        const draft = d.resources[endpoint.id] as Draft<ClientVpnEndpoint>;
        draft.targetSubnetIds = draft.targetSubnetIds.filter((id) => !sameZone.includes(id));
        draft.routes = draft.routes.filter((r) => !sameZone.includes(r.targetSubnetId));
        draft.targetSubnetIds.push(subnet.id);
      },
    );
  },
  (design, a, b) => {
    const p = pair(a, b, 'clientVpnEndpoint', 'securityGroup');
    if (!p) return null;
    const [endpoint, group] = p;
    if (!sameVpc(design, endpoint, group))
      return refuse(`${group.name} belongs to another VPC; a Client VPN endpoint can only use groups of its own VPC.`);
    if (endpoint.securityGroupIds.includes(group.id)) return refuse(`${endpoint.name} already uses ${group.name}.`);
    return edit(
      design,
      `${endpoint.name}'s network interfaces now use ${group.name}.`,
      (d) => void (d.resources[endpoint.id] as Draft<ClientVpnEndpoint>).securityGroupIds.push(group.id),
    );
  },
];
