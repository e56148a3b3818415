import {
  getResource,
  MAX_ACTIVE_PEERINGS_PER_VPC,
  MAX_ROUTE_TABLES_PER_TRANSIT_GATEWAY,
  MAX_TRANSIT_GATEWAYS_PER_VPC,
  resourcesOfKind,
  type Design,
} from '../../domain';
import { overlaps } from '../../net';
import { finding, type Finding } from '../findings';
import { vpcCidrs } from '../topology';

/**
 * Peering connections, transit gateway attachments and appliances.
 * Sources: Amazon VPC Peering Guide, "VPC peering limitations" (overlapping
 * CIDRs, one connection per pair); Amazon VPC Transit Gateways, "Transit
 * gateway VPC attachments" (one subnet per Availability Zone); Amazon VPC User
 * Guide, "Routing for a middlebox appliance" (source/destination check).
 */
export function networkRules(design: Design): Finding[] {
  const out: Finding[] = [];
  const seenPairs = new Map<string, string>();
  for (const pcx of resourcesOfKind(design, 'vpcPeeringConnection')) {
    const a = getResource(design, pcx.requesterVpcId, 'vpc');
    const b = getResource(design, pcx.accepterVpcId, 'vpc');
    if (!a || !b) continue;
    if (a.id === b.id) {
      out.push(
        finding(
          'error',
          'PEERING_SAME_VPC',
          pcx.id,
          `${pcx.name} joins ${a.name} to itself; a peering joins two VPCs.`,
        ),
      );
      continue;
    }
    const clash = vpcCidrs(a).flatMap((x) =>
      vpcCidrs(b)
        .filter((y) => overlaps(x, y))
        .map((y) => [x, y] as const),
    )[0];
    if (clash)
      out.push(
        finding(
          'error',
          'PEERING_CIDR_OVERLAP',
          pcx.id,
          `${pcx.name}: ${a.name} (${clash[0].text}) and ${b.name} (${clash[1].text}) overlap; AWS fails a peering between VPCs whose IPv4 CIDRs overlap, even if only other blocks would be used.`,
          'Peer VPCs with distinct CIDRs (or use a transit gateway with care).',
        ),
      );
    const key = [a.id, b.id].sort().join(' ');
    const first = seenPairs.get(key);
    if (first)
      out.push(
        finding(
          'error',
          'PEERING_DUPLICATE',
          pcx.id,
          `${a.name} and ${b.name} are already peered by ${first}; AWS allows one peering between two VPCs.`,
        ),
      );
    else seenPairs.set(key, pcx.name);
  }
  for (const attachment of resourcesOfKind(design, 'transitGatewayAttachment')) {
    const tgw = getResource(design, attachment.transitGatewayId, 'transitGateway');
    if (!tgw) continue;
    if (attachment.associatedRouteTableId && !tgw.routeTables.some((t) => t.id === attachment.associatedRouteTableId))
      out.push(
        finding(
          'error',
          'TGW_ATTACHMENT_TABLE_MISSING',
          attachment.id,
          `${attachment.name} is associated with ${attachment.associatedRouteTableId}, which is not a route table of ${tgw.name}.`,
        ),
      );
    for (const id of attachment.propagatedRouteTableIds)
      if (!tgw.routeTables.some((t) => t.id === id))
        out.push(
          finding(
            'error',
            'TGW_ATTACHMENT_TABLE_MISSING',
            attachment.id,
            `${attachment.name} propagates into ${id}, which is not a route table of ${tgw.name}.`,
          ),
        );
    if (attachment.type !== 'vpc') continue;
    const vpc = getResource(design, attachment.vpcId, 'vpc');
    if (!vpc) continue;
    if (attachment.subnetIds.length === 0)
      out.push(
        finding(
          'error',
          'TGW_ATTACHMENT_NO_SUBNET',
          attachment.id,
          `${attachment.name} has no subnet; a VPC attachment needs one subnet in at least one Availability Zone.`,
        ),
      );
    const zones = new Set<string>();
    for (const subnetId of attachment.subnetIds) {
      const subnet = getResource(design, subnetId, 'subnet');
      if (!subnet) continue;
      if (subnet.vpcId !== vpc.id)
        out.push(
          finding(
            'error',
            'TGW_ATTACHMENT_SUBNET_VPC',
            attachment.id,
            `${attachment.name}: ${subnet.name} is not in ${vpc.name}.`,
          ),
        );
      if (zones.has(subnet.azId))
        out.push(
          finding(
            'error',
            'TGW_ATTACHMENT_ZONE_TWICE',
            attachment.id,
            `${attachment.name} has two subnets in one Availability Zone; a VPC attachment takes one subnet per zone.`,
          ),
        );
      zones.add(subnet.azId);
    }
    if (getResource(design, vpc.regionId, 'region') && vpc.regionId !== tgw.regionId)
      out.push(
        finding(
          'error',
          'TGW_ATTACHMENT_REGION',
          attachment.id,
          `${attachment.name}: ${vpc.name} is in another Region than ${tgw.name}; a transit gateway attaches VPCs of its own Region (peer transit gateways across Regions).`,
        ),
      );
  }
  // Quotas, each with its AWS page (domain/catalogs/limits.ts).
  const peeringsPerVpc = new Map<string, number>();
  for (const pcx of resourcesOfKind(design, 'vpcPeeringConnection'))
    if (pcx.status === 'active')
      for (const id of [pcx.requesterVpcId, pcx.accepterVpcId])
        peeringsPerVpc.set(id, (peeringsPerVpc.get(id) ?? 0) + 1);
  const gatewaysPerVpc = new Map<string, Set<string>>();
  for (const a of resourcesOfKind(design, 'transitGatewayAttachment'))
    if (a.type === 'vpc' && a.vpcId)
      gatewaysPerVpc.set(a.vpcId, (gatewaysPerVpc.get(a.vpcId) ?? new Set()).add(a.transitGatewayId));
  for (const vpc of resourcesOfKind(design, 'vpc')) {
    const peerings = peeringsPerVpc.get(vpc.id) ?? 0;
    if (peerings > MAX_ACTIVE_PEERINGS_PER_VPC)
      out.push(
        finding(
          'error',
          'PEERING_QUOTA',
          vpc.id,
          `${vpc.name} has ${peerings} active peering connections; the default quota is ${MAX_ACTIVE_PEERINGS_PER_VPC} per VPC (adjustable to 125).`,
        ),
      );
    const gateways = gatewaysPerVpc.get(vpc.id)?.size ?? 0;
    if (gateways > MAX_TRANSIT_GATEWAYS_PER_VPC)
      out.push(
        finding(
          'error',
          'TGW_PER_VPC_QUOTA',
          vpc.id,
          `${vpc.name} is attached to ${gateways} transit gateways; a VPC can be attached to at most ${MAX_TRANSIT_GATEWAYS_PER_VPC}.`,
        ),
      );
  }
  for (const tgw of resourcesOfKind(design, 'transitGateway'))
    if (tgw.routeTables.length > MAX_ROUTE_TABLES_PER_TRANSIT_GATEWAY)
      out.push(
        finding(
          'error',
          'TGW_ROUTE_TABLE_QUOTA',
          tgw.id,
          `${tgw.name} has ${tgw.routeTables.length} route tables; the quota is ${MAX_ROUTE_TABLES_PER_TRANSIT_GATEWAY} per transit gateway.`,
        ),
      );
  // An instance a route sends traffic to must have its source/destination check off to forward it.
  const targeted = new Set(resourcesOfKind(design, 'routeTable').flatMap((t) => t.routes.map((r) => r.target)));
  for (const instance of resourcesOfKind(design, 'ec2Instance'))
    if (targeted.has(instance.id as never) && instance.sourceDestCheck !== false)
      out.push(
        finding(
          'warning',
          'APPLIANCE_SOURCE_DEST_CHECK',
          instance.id,
          `A route sends traffic to ${instance.name}, but its source/destination check is on (the default), so it drops packets not addressed to it.`,
          'Turn the source/destination check off on the appliance.',
        ),
      );
  return out;
}
