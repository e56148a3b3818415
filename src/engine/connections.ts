import type { Draft } from 'immer';
import {
  MAX_SECURITY_GROUPS_PER_INTERFACE,
  peerVpcOf,
  resourcesOfKind,
  vpcAttachment,
  type Design,
  type IdSource,
  type Resource,
} from '../domain';
import { containerOf, kindLabel } from './containment';
import { overlaps } from '../net';
import { vpcCidrs } from './topology';
import { edit, pair, refuse, sameVpc, type Connection, type Rule } from './connectionRules';
import { HA_RULES } from './haConnections';
import { CLIENT_VPN_RULES } from './clientVpnConnections';

export type { Connection } from './connectionRules';

const RULES: Rule[] = [
  (design, a, b) => {
    const p = pair(a, b, 'subnet', 'routeTable');
    if (!p) return null;
    const [subnet, table] = p;
    if (!sameVpc(design, subnet, table))
      return refuse(`${table.name} is in another VPC; a subnet can only use a route table of its own VPC.`);
    return edit(design, `${subnet.name} now uses ${table.name}.`, (d) => {
      for (const t of resourcesOfKind(d as Design, 'routeTable')) {
        const draft = d.resources[t.id] as Draft<typeof t>;
        draft.subnetIds = draft.subnetIds.filter((id) => id !== subnet.id);
      }
      (d.resources[table.id] as Draft<typeof table>).subnetIds.push(subnet.id);
    });
  },
  (design, a, b) => {
    const p = pair(a, b, 'subnet', 'networkAcl');
    if (!p) return null;
    const [subnet, acl] = p;
    if (!sameVpc(design, subnet, acl))
      return refuse(`${acl.name} is in another VPC; a subnet can only use a network ACL of its own VPC.`);
    return edit(design, `${acl.name} now guards ${subnet.name}.`, (d) => {
      for (const other of resourcesOfKind(d as Design, 'networkAcl')) {
        const draft = d.resources[other.id] as Draft<typeof other>;
        draft.subnetIds = draft.subnetIds.filter((id) => id !== subnet.id);
      }
      if (!acl.isDefault) (d.resources[acl.id] as Draft<typeof acl>).subnetIds.push(subnet.id);
    });
  },
  (design, a, b) => {
    const p = pair(a, b, 'routeTable', 'internetGateway') ?? pair(a, b, 'routeTable', 'natGateway');
    if (!p) return null;
    const [table, gateway] = p;
    if (gateway.kind === 'internetGateway' && gateway.vpcId !== null && gateway.vpcId !== table.vpcId)
      return refuse(`${gateway.name} is attached to another VPC.`);
    if (gateway.kind === 'natGateway' && !sameVpc(design, table, gateway))
      return refuse(`${gateway.name} is in another VPC; routes can only target a NAT gateway of the same VPC.`);
    if (
      gateway.kind === 'internetGateway' &&
      gateway.vpcId === null &&
      resourcesOfKind(design, 'internetGateway').some((g) => g.vpcId === table.vpcId)
    ) {
      return refuse('This VPC already has another internet gateway attached.');
    }
    return edit(design, `${table.name}: 0.0.0.0/0 → ${gateway.name}.`, (d) => {
      const draft = d.resources[table.id] as Draft<typeof table>;
      draft.routes = draft.routes.filter((r) => r.destination !== '0.0.0.0/0');
      draft.routes.push({
        destination: '0.0.0.0/0',
        target: gateway.id as Draft<typeof table>['routes'][number]['target'],
      });
      if (gateway.kind === 'internetGateway') (d.resources[gateway.id] as Draft<typeof gateway>).vpcId = table.vpcId;
    });
  },
  (design, a, b) => {
    const p = pair(a, b, 'routeTable', 'virtualPrivateGateway');
    if (!p) return null;
    const [table, vgw] = p;
    if (vgw.vpcId !== table.vpcId) return refuse(`${vgw.name} is not attached to this route table's VPC.`);
    if (table.propagatingGatewayIds.includes(vgw.id))
      return refuse(`${table.name} already receives routes from ${vgw.name}.`);
    return edit(design, `${table.name} now receives the on-premises routes that ${vgw.name} propagates.`, (d) => {
      (d.resources[table.id] as Draft<typeof table>).propagatingGatewayIds.push(vgw.id);
    });
  },
  (design, a, b) => {
    const p = pair(a, b, 'vpc', 'internetGateway') ?? pair(a, b, 'vpc', 'virtualPrivateGateway');
    if (!p) return null;
    const [vpc, gateway] = p;
    if (resourcesOfKind(design, gateway.kind).some((g) => g.vpcId === vpc.id && g.id !== gateway.id))
      return refuse(`${vpc.name} already has a ${kindLabel(gateway.kind).replace(/^an? /, '')}.`);
    return edit(
      design,
      `${gateway.name} is attached to ${vpc.name}.`,
      (d) => void ((d.resources[gateway.id] as Draft<typeof gateway>).vpcId = vpc.id),
    );
  },
  (design, a, b) => {
    const p = pair(a, b, 'ec2Instance', 'securityGroup');
    if (!p) return null;
    const [instance, group] = p;
    if (!sameVpc(design, instance, group))
      return refuse(`${group.name} belongs to another VPC; an instance can only use groups of its own VPC.`);
    if (instance.securityGroupIds.includes(group.id)) return refuse(`${instance.name} already uses ${group.name}.`);
    if (instance.securityGroupIds.length >= MAX_SECURITY_GROUPS_PER_INTERFACE)
      return refuse(
        `${instance.name} already has ${MAX_SECURITY_GROUPS_PER_INTERFACE} security groups, the most an interface can have.`,
      );
    return edit(
      design,
      `${instance.name} now uses ${group.name}.`,
      (d) => void (d.resources[instance.id] as Draft<typeof instance>).securityGroupIds.push(group.id),
    );
  },
  (design, a, b, ids) => {
    const p = pair(a, b, 'virtualPrivateGateway', 'customerGateway');
    if (!p) return null;
    const [vgw, cgw] = p;
    if (
      resourcesOfKind(design, 'vpnConnection').some((v) => v.vpnGatewayId === vgw.id && v.customerGatewayId === cgw.id)
    )
      return refuse('These gateways already have a Site-to-Site VPN.');
    const network = cgw.onPremisesNetworkId ? design.resources[cgw.onPremisesNetworkId] : undefined;
    const id = ids.next<Extract<Resource, { kind: 'vpnConnection' }>['id']>('vpnConnection');
    return edit(design, `A Site-to-Site VPN (two tunnels) now joins ${vgw.name} and ${cgw.name}.`, (d) => {
      d.resources[id] = {
        kind: 'vpnConnection',
        id,
        name: 'Site-to-Site VPN',
        vpnGatewayId: vgw.id,
        customerGatewayId: cgw.id,
        routing: 'static',
        staticRoutes: network?.kind === 'onPremisesNetwork' ? [...network.cidrs] : [],
      };
    });
  },
  (design, a, b) => {
    const p = pair(a, b, 'customerGateway', 'onPremisesNetwork');
    if (!p) return null;
    const [cgw, network] = p;
    return edit(
      design,
      `${cgw.name} is the VPN device of ${network.name}.`,
      (d) => void ((d.resources[cgw.id] as Draft<typeof cgw>).onPremisesNetworkId = network.id),
    );
  },
  (design, a, b) => {
    const p =
      pair(a, b, 'directConnectConnection', 'virtualPrivateGateway') ??
      pair(a, b, 'directConnectConnection', 'onPremisesNetwork');
    if (!p) return null;
    const [dx, other] = p;
    return edit(design, `${dx.name} now ends on ${other.name}.`, (d) => {
      const draft = d.resources[dx.id] as Draft<typeof dx>;
      if (other.kind === 'virtualPrivateGateway') draft.vpnGatewayId = other.id;
      else draft.onPremisesNetworkId = other.id;
    });
  },
  (design, a, b) => {
    const p = pair(a, b, 'lambdaTrigger', 'lambdaFunction');
    if (!p) return null;
    const [trigger, fn] = p;
    return edit(
      design,
      `${trigger.name} now invokes ${fn.name}.`,
      (d) => void ((d.resources[trigger.id] as Draft<typeof trigger>).functionId = fn.id),
    );
  },
  (design, a, b) => {
    const p = pair(a, b, 'natGateway', 'elasticIp') ?? pair(a, b, 'ec2Instance', 'elasticIp');
    if (!p) return null;
    const [holder, eip] = p;
    const taken = [...resourcesOfKind(design, 'natGateway'), ...resourcesOfKind(design, 'ec2Instance')].find(
      (h) => h.elasticIpId === eip.id && h.id !== holder.id,
    );
    if (taken) return refuse(`${eip.publicIp} is already associated with ${taken.name}.`);
    return edit(
      design,
      `${eip.publicIp} is associated with ${holder.name}.`,
      (d) => void ((d.resources[holder.id] as Draft<typeof holder>).elasticIpId = eip.id),
    );
  },
  (design, a, b) => {
    const p = pair(a, b, 'ebsVolume', 'ec2Instance');
    if (!p) return null;
    const [volume, instance] = p;
    const zone = design.resources[instance.subnetId]?.kind === 'subnet' ? design.resources[instance.subnetId] : null;
    // EC2 API AttachVolume: a volume attaches only to an instance in its own Availability Zone.
    if (!zone || !('azId' in zone) || zone.azId !== volume.availabilityZoneId)
      return refuse(
        `${volume.name} is in another Availability Zone than ${instance.name}; AWS refuses the attachment (InvalidVolume.ZoneMismatch). Create the volume in the instance's zone, or from a snapshot there.`,
      );
    if (volume.attachedInstanceId === instance.id)
      return refuse(`${volume.name} is already attached to ${instance.name}.`);
    return edit(
      design,
      `${volume.name} is attached to ${instance.name}${volume.attachedInstanceId ? ' (moved from its other instance)' : ''}.`,
      (d) => void ((d.resources[volume.id] as Draft<typeof volume>).attachedInstanceId = instance.id),
    );
  },
];

/**
 * Joining VPCs: two VPCs make a peering (refused when their CIDRs overlap, as
 * AWS fails it), a VPC and a transit gateway make an attachment (one subnet per
 * zone), and a route table joined to either gets the routes that use it.
 * Sources: Amazon VPC Peering Guide, "VPC peering limitations"; Amazon VPC
 * Transit Gateways, "Transit gateway VPC attachments".
 */
const NETWORK_RULES: Rule[] = [
  (design, a, b, ids) => {
    if (a.kind !== 'vpc' || b.kind !== 'vpc') return null;
    const existing = resourcesOfKind(design, 'vpcPeeringConnection').find((p) => peerVpcOf(p, a.id) === b.id);
    if (existing)
      return refuse(
        `${a.name} and ${b.name} are already peered (${existing.name}); AWS allows one peering between two VPCs.`,
      );
    const clash = vpcCidrs(a).find((x) => vpcCidrs(b).some((y) => overlaps(x, y)));
    if (clash)
      return refuse(
        `${a.name} and ${b.name} have overlapping CIDRs (${clash.text}); AWS fails a peering between overlapping VPCs.`,
      );
    const id = ids.next<Extract<Resource, { kind: 'vpcPeeringConnection' }>['id']>('vpcPeeringConnection');
    return edit(
      design,
      `${a.name} and ${b.name} are peered. Add a route to the peer's CIDR in each VPC's route tables (connect a route table to the peering).`,
      (d) => {
        d.resources[id] = {
          kind: 'vpcPeeringConnection',
          id,
          name: `${a.name} ↔ ${b.name}`,
          requesterVpcId: a.id,
          accepterVpcId: b.id,
          status: 'active',
        };
      },
    );
  },
  (design, a, b) => {
    const p = pair(a, b, 'routeTable', 'vpcPeeringConnection');
    if (!p) return null;
    const [table, pcx] = p;
    const peerId = peerVpcOf(pcx, table.vpcId);
    const peer = peerId ? resourcesOfKind(design, 'vpc').find((v) => v.id === peerId) : undefined;
    if (!peer) return refuse(`${pcx.name} does not join ${table.name}'s VPC.`);
    const blocks = [peer.cidr, ...peer.secondaryCidrs].filter((c) => !table.routes.some((r) => r.destination === c));
    if (blocks.length === 0) return refuse(`${table.name} already routes ${peer.name}'s CIDRs.`);
    return edit(design, `${table.name}: ${blocks.join(', ')} → ${pcx.name}.`, (d) => {
      const draft = d.resources[table.id] as Draft<typeof table>;
      for (const destination of blocks)
        draft.routes.push({ destination, target: pcx.id as Draft<typeof table>['routes'][number]['target'] });
    });
  },
  (design, a, b, ids) => {
    const p = pair(a, b, 'vpc', 'transitGateway');
    if (!p) return null;
    const [vpc, tgw] = p;
    if (vpc.regionId !== tgw.regionId) return refuse(`${vpc.name} is in another Region than ${tgw.name}.`);
    if (
      resourcesOfKind(design, 'transitGatewayAttachment').some(
        (t) => t.transitGatewayId === tgw.id && t.vpcId === vpc.id,
      )
    )
      return refuse(`${vpc.name} is already attached to ${tgw.name}; a VPC takes one attachment per transit gateway.`);
    const made = vpcAttachment(design, ids.next('transitGatewayAttachment'), tgw.id, vpc.id, tgw.routeTables[0]?.id);
    if (made.subnetIds.length === 0)
      return refuse(`${vpc.name} has no subnet yet: an attachment needs one subnet per zone.`);
    return edit(
      design,
      `${vpc.name} is attached to ${tgw.name} with ${made.subnetIds.length} subnet${made.subnetIds.length === 1 ? '' : 's'} (one per zone). Connect a route table to ${tgw.name} to route the other VPCs through it.`,
      (d) => void (d.resources[made.id] = made),
    );
  },
  (design, a, b) => {
    const p = pair(a, b, 'routeTable', 'transitGateway');
    if (!p) return null;
    const [table, tgw] = p;
    const attachments = resourcesOfKind(design, 'transitGatewayAttachment').filter(
      (t) => t.transitGatewayId === tgw.id,
    );
    if (!attachments.some((t) => t.vpcId === table.vpcId))
      return refuse(`${table.name}'s VPC is not attached to ${tgw.name}; connect the VPC to it first.`);
    const blocks = attachments
      .filter((t) => t.vpcId && t.vpcId !== table.vpcId)
      .flatMap((t) => resourcesOfKind(design, 'vpc').filter((v) => v.id === t.vpcId))
      .map((v) => v.cidr)
      .filter((c) => !table.routes.some((r) => r.destination === c));
    if (blocks.length === 0) return refuse(`${table.name} already routes every VPC attached to ${tgw.name}.`);
    return edit(design, `${table.name}: ${blocks.join(', ')} → ${tgw.name}.`, (d) => {
      const draft = d.resources[table.id] as Draft<typeof table>;
      for (const destination of blocks)
        draft.routes.push({ destination, target: tgw.id as Draft<typeof table>['routes'][number]['target'] });
    });
  },
];

export function connect(design: Design, sourceId: string, targetId: string, ids: IdSource): Connection {
  const a = design.resources[sourceId];
  const b = design.resources[targetId];
  if (!a || !b) return refuse('One of these resources no longer exists.');
  if (a.id === b.id) return refuse('A resource can’t be connected to itself.');
  for (const rule of [...RULES, ...NETWORK_RULES, ...HA_RULES, ...CLIENT_VPN_RULES]) {
    const result = rule(design, a, b, ids);
    if (result) return result;
  }
  const inside = containerOf(design, a)?.id === b.id || containerOf(design, b)?.id === a.id;
  return refuse(
    inside
      ? `${a.name} is already inside ${b.name}.`
      : `Nimbus has no connection between ${kindLabel(a.kind)} and ${kindLabel(b.kind)}.`,
  );
}
