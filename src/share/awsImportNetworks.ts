import { z } from 'zod';
import {
  ALLOW_ALL_NACL_RULE,
  type PeeringStatus,
  type Resource,
  type TgwRouteTable,
  type TransitGatewayAttachment,
} from '../domain';

/**
 * The `describe-*` output for networks that join VPCs, and its mapping:
 * `describe-vpc-peering-connections`, `describe-transit-gateways`,
 * `describe-transit-gateway-attachments`, `describe-transit-gateway-vpc-attachments`,
 * `describe-transit-gateway-route-tables`, the static routes
 * (`search-transit-gateway-routes`) and propagations
 * (`get-transit-gateway-route-table-propagations`) as Batfish records them
 * (one object per table, with its id), and `describe-vpc-endpoints` /
 * `describe-prefix-lists`, which Nimbus lists in the import note.
 * Source: Amazon EC2 API Reference, the Describe* actions' response elements.
 */
const Tags = z.array(z.looseObject({ Key: z.string(), Value: z.string() })).optional();
const VpcInfo = z.looseObject({
  VpcId: z.string().optional(),
  OwnerId: z.string().optional(),
  Region: z.string().optional(),
  CidrBlock: z.string().optional(),
});

export const AwsVpcPeeringConnection = z.looseObject({
  VpcPeeringConnectionId: z.string(),
  RequesterVpcInfo: VpcInfo,
  AccepterVpcInfo: VpcInfo,
  Status: z.looseObject({ Code: z.string() }).optional(),
  Tags,
});
export const AwsTransitGateway = z.looseObject({
  TransitGatewayId: z.string(),
  TransitGatewayArn: z.string().optional(),
  State: z.string().optional(),
  Options: z
    .looseObject({
      AmazonSideAsn: z.number().optional(),
      AssociationDefaultRouteTableId: z.string().optional(),
      PropagationDefaultRouteTableId: z.string().optional(),
      DefaultRouteTablePropagation: z.string().optional(),
    })
    .optional(),
  Tags,
});
export const AwsTransitGatewayAttachment = z.looseObject({
  TransitGatewayAttachmentId: z.string(),
  TransitGatewayId: z.string(),
  ResourceType: z.string(),
  ResourceId: z.string().optional(),
  State: z.string(),
  Association: z.looseObject({ TransitGatewayRouteTableId: z.string(), State: z.string().optional() }).optional(),
  Tags,
});
export const AwsTransitGatewayVpcAttachment = z.looseObject({
  TransitGatewayAttachmentId: z.string(),
  TransitGatewayId: z.string(),
  VpcId: z.string(),
  SubnetIds: z.array(z.string()).default([]),
  State: z.string(),
  Tags,
});
export const AwsTransitGatewayRouteTable = z.looseObject({
  TransitGatewayRouteTableId: z.string(),
  TransitGatewayId: z.string(),
  State: z.string().optional(),
  Tags,
});
export const AwsTransitGatewayPropagations = z.looseObject({
  TransitGatewayRouteTableId: z.string(),
  TransitGatewayRouteTablePropagations: z
    .array(z.looseObject({ TransitGatewayAttachmentId: z.string(), State: z.string().optional() }))
    .default([]),
});
export const AwsTransitGatewayStaticRoutes = z.looseObject({
  TransitGatewayRouteTableId: z.string(),
  Routes: z
    .array(
      z.looseObject({
        DestinationCidrBlock: z.string().optional(),
        PrefixListId: z.string().optional(),
        State: z.string().optional(),
        Type: z.string().optional(),
        TransitGatewayAttachments: z.array(z.looseObject({ TransitGatewayAttachmentId: z.string() })).default([]),
      }),
    )
    .default([]),
});
export const AwsVpcEndpoint = z.looseObject({
  VpcEndpointId: z.string(),
  VpcEndpointType: z.string().optional(),
  ServiceName: z.string().optional(),
  VpcId: z.string().optional(),
  State: z.string().optional(),
  RouteTableIds: z.array(z.string()).default([]),
  SubnetIds: z.array(z.string()).default([]),
  Groups: z.array(z.looseObject({ GroupId: z.string() })).default([]),
  NetworkInterfaceIds: z.array(z.string()).default([]),
  Tags,
});
/** `describe-prefix-lists` prints `Cidrs`; `describe-managed-prefix-lists` prints `MaxEntries` and owner, not the entries. */
export const AwsPrefixList = z.looseObject({
  PrefixListId: z.string(),
  PrefixListName: z.string().optional(),
  Cidrs: z.array(z.string()).default([]),
  MaxEntries: z.number().int().optional(),
  OwnerId: z.string().optional(),
  Tags,
});

/** The top-level keys of these files (spread into `AWS_KEYS`). */
export const NETWORK_AWS_KEYS = {
  VpcPeeringConnections: AwsVpcPeeringConnection,
  TransitGateways: AwsTransitGateway,
  TransitGatewayAttachments: AwsTransitGatewayAttachment,
  TransitGatewayVpcAttachments: AwsTransitGatewayVpcAttachment,
  TransitGatewayRouteTables: AwsTransitGatewayRouteTable,
  TransitGatewayPropagations: AwsTransitGatewayPropagations,
  TransitGatewayStaticRoutes: AwsTransitGatewayStaticRoutes,
  VpcEndpoints: AwsVpcEndpoint,
  PrefixLists: AwsPrefixList,
} as const;

type NetworkData = { [K in keyof typeof NETWORK_AWS_KEYS]: z.infer<(typeof NETWORK_AWS_KEYS)[K]>[] };

/** A Region code in a file's path (Batfish's `accounts/<id>/<region>/` layout), or null. */
export function regionInPath(path: string): string | null {
  return (
    path
      .split('/')
      .reverse()
      .find((part) => /^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(part)) ?? null
  );
}

const nameOf = (tags: Array<{ Key: string; Value: string }> | undefined, fallback: string) =>
  tags?.find((t) => t.Key === 'Name')?.Value ?? fallback;

/** The same record listed in several accounts' folders (a peering, a shared transit gateway) counts once. */
function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

const PEERING_STATES: readonly PeeringStatus[] = [
  'pending-acceptance',
  'provisioning',
  'active',
  'failed',
  'rejected',
  'expired',
];

export interface NetworkImportHooks {
  data: NetworkData & {
    VpnConnections: Array<{ VpnConnectionId: string; CustomerGatewayId: string }>;
    NetworkInterfaces: Array<{ NetworkInterfaceId: string }>;
  };
  add(resource: Resource, parentId?: string): void;
  known(id: string | undefined): id is string;
  regionIdOf(code: string): string;
  /** The Region of files that don't say theirs (a prefix list without a service name). */
  fallbackRegion: string | undefined;
  notes: string[];
}

/** Maps peering connections and transit gateways; what Nimbus does not model is said in a note. */
export function importNetworks({ data, add, known, regionIdOf, notes, fallbackRegion }: NetworkImportHooks): void {
  for (const pcx of unique(data.VpcPeeringConnections, (p) => p.VpcPeeringConnectionId)) {
    const code = pcx.Status?.Code ?? 'active';
    const requester = pcx.RequesterVpcInfo.VpcId;
    const accepter = pcx.AccepterVpcInfo.VpcId;
    if (code === 'deleted' || code === 'deleting') {
      notes.push(`${pcx.VpcPeeringConnectionId}: ${code}, skipped`);
      continue;
    }
    if (!known(requester) || !known(accepter)) {
      const missing = !known(requester) ? pcx.RequesterVpcInfo : pcx.AccepterVpcInfo;
      notes.push(
        `${pcx.VpcPeeringConnectionId}: the peer VPC ${missing.VpcId ?? '?'}${missing.OwnerId ? ` (account ${missing.OwnerId}` : ''}${missing.Region ? `, ${missing.Region})` : missing.OwnerId ? ')' : ''} is not in the files; skipped, so routes to it show as blackholes`,
      );
      continue;
    }
    const status = (PEERING_STATES as readonly string[]).includes(code)
      ? (code as PeeringStatus)
      : 'pending-acceptance';
    if (status !== code) notes.push(`${pcx.VpcPeeringConnectionId}: state ${code} is shown as pending-acceptance`);
    add({
      kind: 'vpcPeeringConnection',
      id: pcx.VpcPeeringConnectionId as never,
      name: nameOf(pcx.Tags, pcx.VpcPeeringConnectionId),
      requesterVpcId: requester as never,
      accepterVpcId: accepter as never,
      status,
    });
  }

  const tables = unique(data.TransitGatewayRouteTables, (t) => t.TransitGatewayRouteTableId);
  const staticRoutes = unique(data.TransitGatewayStaticRoutes, (t) => t.TransitGatewayRouteTableId);
  const propagations = unique(data.TransitGatewayPropagations, (t) => t.TransitGatewayRouteTableId);
  const vpcAttachments = new Map(
    unique(data.TransitGatewayVpcAttachments, (a) => a.TransitGatewayAttachmentId).map((a) => [
      a.TransitGatewayAttachmentId,
      a,
    ]),
  );
  const modelledAttachments = new Set<string>();
  const tgws = unique(data.TransitGateways, (t) => t.TransitGatewayId);
  for (const tgw of tgws) {
    if (tgw.State === 'deleted') {
      notes.push(`${tgw.TransitGatewayId}: deleted, skipped`);
      continue;
    }
    const code = tgw.TransitGatewayArn?.split(':')[3] ?? '';
    const regionId = code ? regionIdOf(code) : null;
    if (!regionId || !known(regionId)) {
      notes.push(`${tgw.TransitGatewayId}: its Region ${code || '(unknown)'} has no VPC in the files; skipped`);
      continue;
    }
    const routeTables: TgwRouteTable[] = tables
      .filter((t) => t.TransitGatewayId === tgw.TransitGatewayId && t.State !== 'deleted')
      .map((t) => ({
        id: t.TransitGatewayRouteTableId,
        name: nameOf(t.Tags, t.TransitGatewayRouteTableId),
        routes: (staticRoutes.find((s) => s.TransitGatewayRouteTableId === t.TransitGatewayRouteTableId)?.Routes ?? [])
          .filter((r) => (r.Type ?? 'static') === 'static')
          .flatMap((r) => {
            if (!r.DestinationCidrBlock) {
              notes.push(
                `${t.TransitGatewayRouteTableId}: skipped a route to ${r.PrefixListId ?? 'an unknown destination'} (Nimbus models IPv4 CIDR routes)`,
              );
              return [];
            }
            const attachmentId =
              r.State === 'blackhole' ? null : (r.TransitGatewayAttachments[0]?.TransitGatewayAttachmentId ?? null);
            return [{ destination: r.DestinationCidrBlock, attachmentId }];
          }),
      }));
    if (staticRoutes.length === 0 && routeTables.length > 0)
      notes.push(
        `${tgw.TransitGatewayId}: no static routes in the files (search-transit-gateway-routes); only propagated routes are known`,
      );
    add({
      kind: 'transitGateway',
      id: tgw.TransitGatewayId as never,
      name: nameOf(tgw.Tags, tgw.TransitGatewayId),
      regionId: regionId as never,
      amazonSideAsn: tgw.Options?.AmazonSideAsn ?? 64512,
      routeTables,
    });
    const propagatesInto = (attachmentId: string): string[] => {
      const recorded = propagations
        .filter((p) =>
          p.TransitGatewayRouteTablePropagations.some(
            (e) => e.TransitGatewayAttachmentId === attachmentId && (e.State ?? 'enabled') === 'enabled',
          ),
        )
        .map((p) => p.TransitGatewayRouteTableId);
      if (propagations.length > 0) return recorded.filter((id) => routeTables.some((t) => t.id === id));
      // Without the propagations file, the gateway's default says where new attachments propagate.
      const fallback =
        tgw.Options?.DefaultRouteTablePropagation === 'enable' ? tgw.Options.PropagationDefaultRouteTableId : undefined;
      return fallback && routeTables.some((t) => t.id === fallback) ? [fallback] : [];
    };
    for (const attachment of unique(
      data.TransitGatewayAttachments.filter((a) => a.TransitGatewayId === tgw.TransitGatewayId),
      (a) => a.TransitGatewayAttachmentId,
    )) {
      const id = attachment.TransitGatewayAttachmentId;
      if (attachment.State === 'deleted' || attachment.State === 'deleting') {
        notes.push(`${id}: ${attachment.ResourceType} attachment ${attachment.State}, skipped`);
        continue;
      }
      const state = (['available', 'pending', 'pendingAcceptance', 'modifying', 'failed', 'rejected'] as const).find(
        (s) => s === attachment.State,
      );
      const common = {
        kind: 'transitGatewayAttachment' as const,
        id: id as never,
        name: nameOf(attachment.Tags, id),
        transitGatewayId: tgw.TransitGatewayId as never,
        associatedRouteTableId: attachment.Association?.TransitGatewayRouteTableId ?? null,
        propagatedRouteTableIds: propagatesInto(id),
        state: state ?? 'pending',
        peerTransitGatewayId: null,
        peerAssociatedRouteTableId: null,
      };
      if (attachment.ResourceType === 'vpc') {
        const vpcId = vpcAttachments.get(id)?.VpcId ?? attachment.ResourceId;
        if (!known(vpcId)) {
          notes.push(`${id}: its VPC ${vpcId ?? '?'} is not in the files; skipped`);
          continue;
        }
        const subnetIds = (vpcAttachments.get(id)?.SubnetIds ?? []).filter((s) => known(s));
        if (!vpcAttachments.has(id))
          notes.push(`${id}: no describe-transit-gateway-vpc-attachments record, so its subnets are unknown`);
        const made: TransitGatewayAttachment = {
          ...common,
          type: 'vpc',
          vpcId: vpcId as never,
          subnetIds: subnetIds as never[],
          customerGatewayId: null,
        };
        add(made);
        modelledAttachments.add(id);
        continue;
      }
      if (attachment.ResourceType === 'vpn') {
        const vpn = data.VpnConnections.find((v) => v.VpnConnectionId === attachment.ResourceId);
        if (!vpn || !known(vpn.CustomerGatewayId)) {
          notes.push(`${id}: its VPN ${attachment.ResourceId ?? '?'} or customer gateway is not in the files; skipped`);
          continue;
        }
        add({ ...common, type: 'vpn', vpcId: null, subnetIds: [], customerGatewayId: vpn.CustomerGatewayId as never });
        modelledAttachments.add(id);
        continue;
      }
      if (attachment.ResourceType === 'peering') {
        // One attachment, listed by each gateway (often in two accounts' files): each side has its own association.
        if (modelledAttachments.has(id)) continue;
        const peerId = attachment.ResourceId;
        if (!peerId || !tgws.some((t) => t.TransitGatewayId === peerId && t.State !== 'deleted')) {
          notes.push(
            `${id}: the peer transit gateway ${peerId ?? '?'} is not in the files; skipped, so routes to it show as blackholes`,
          );
          continue;
        }
        const other = data.TransitGatewayAttachments.find(
          (a) => a.TransitGatewayAttachmentId === id && a.TransitGatewayId === peerId,
        );
        if (!other)
          notes.push(`${id}: ${peerId}'s side of the peering is not in the files, so its association there is unknown`);
        add({
          ...common,
          type: 'peering',
          vpcId: null,
          subnetIds: [],
          customerGatewayId: null,
          // Peering attachments take static routes only; they propagate nothing.
          propagatedRouteTableIds: [],
          peerTransitGatewayId: peerId as never,
          peerAssociatedRouteTableId: other?.Association?.TransitGatewayRouteTableId ?? null,
        });
        modelledAttachments.add(id);
        continue;
      }
      notes.push(
        `${id}: a ${attachment.ResourceType} attachment of ${tgw.TransitGatewayId}, which Nimbus does not model (VPC, VPN and peering attachments only); routes to it show as blackholes`,
      );
    }
  }
  const regionOfName = (name: string | undefined) => /^com\.amazonaws\.([a-z0-9-]+)\./.exec(name ?? '')?.[1];
  for (const list of unique(data.PrefixLists, (p) => p.PrefixListId)) {
    const code = regionOfName(list.PrefixListName) ?? fallbackRegion;
    const regionId = code ? regionIdOf(code) : null;
    if (!regionId || !known(regionId)) {
      notes.push(`${list.PrefixListId}: its Region is not one of the files' Regions; skipped`);
      continue;
    }
    const aws = (list.PrefixListName ?? '').startsWith('com.amazonaws.') || list.OwnerId === 'AWS';
    if (list.Cidrs.length === 0)
      notes.push(`${list.PrefixListId}: no entries in the files (get-managed-prefix-list-entries); imported empty`);
    const service = /\.(s3|dynamodb)$/.exec(list.PrefixListName ?? '')?.[1];
    add({
      kind: 'managedPrefixList',
      id: list.PrefixListId as never,
      name:
        service === 's3'
          ? 'S3'
          : service === 'dynamodb'
            ? 'DynamoDB'
            : nameOf(list.Tags, list.PrefixListName ?? list.PrefixListId),
      regionId: regionId as never,
      prefixListName: list.PrefixListName ?? '',
      ownedBy: aws ? 'aws' : 'customer',
      cidrs: list.Cidrs.slice(0, 1000),
      maxEntries: Math.min(1000, Math.max(1, list.MaxEntries ?? list.Cidrs.length)),
    });
  }
  for (const endpoint of unique(data.VpcEndpoints, (e) => e.VpcEndpointId)) {
    const id = endpoint.VpcEndpointId;
    if (endpoint.State === 'deleted' || endpoint.State === 'deleting' || endpoint.State === 'failed') {
      notes.push(`${id}: ${endpoint.State}, skipped`);
      continue;
    }
    if (!known(endpoint.VpcId)) {
      notes.push(`${id}: its VPC ${endpoint.VpcId ?? '?'} is not in the files; skipped`);
      continue;
    }
    const type = endpoint.VpcEndpointType?.toLowerCase();
    if (type !== 'gateway' && type !== 'interface') {
      notes.push(`${id}: a ${endpoint.VpcEndpointType ?? '?'} endpoint, which Nimbus does not model; skipped`);
      continue;
    }
    const list =
      type === 'gateway' ? data.PrefixLists.find((p) => p.PrefixListName === endpoint.ServiceName) : undefined;
    if (type === 'gateway' && !list)
      notes.push(
        `${id}: the prefix list of ${endpoint.ServiceName ?? '?'} is not in the files (describe-prefix-lists), so its routes go nowhere`,
      );
    const ips = endpoint.NetworkInterfaceIds.flatMap((eni) => {
      const record = data.NetworkInterfaces.find((n) => n.NetworkInterfaceId === eni) as
        { PrivateIpAddress?: string } | undefined;
      return record?.PrivateIpAddress ? [record.PrivateIpAddress] : [];
    });
    if (type === 'interface')
      notes.push(
        `${id}: an interface endpoint for ${endpoint.ServiceName ?? '?'}; Nimbus answers for its address (its private DNS name and endpoint policy are not modelled)`,
      );
    add({
      kind: 'vpcEndpoint',
      id: id as never,
      name: nameOf(endpoint.Tags, `${endpoint.ServiceName?.split('.').pop() ?? id} ${type} endpoint`),
      vpcId: endpoint.VpcId as never,
      type,
      serviceName: endpoint.ServiceName ?? '',
      prefixListId: (list && known(list.PrefixListId) ? list.PrefixListId : null) as never,
      routeTableIds: (type === 'gateway' ? endpoint.RouteTableIds.filter((t) => known(t)) : []) as never[],
      subnetIds: (type === 'interface' ? endpoint.SubnetIds.filter((t) => known(t)) : []) as never[],
      privateIps: ips,
      securityGroupIds: endpoint.Groups.map((g) => g.GroupId).filter((g) => known(g)) as never[],
    });
  }
}

/**
 * Files without `describe-network-acls` (several Batfish scenarios): every VPC
 * has a default network ACL, which allows all traffic both ways until edited,
 * so each VPC gets one, and the note says so.
 * Source: Amazon VPC User Guide, "Default network ACL".
 */
export function defaultAclsWhenMissing(
  vpcIds: readonly string[],
  add: (resource: Resource) => void,
  notes: string[],
): void {
  if (vpcIds.length === 0) return;
  notes.push(
    "no describe-network-acls output: each VPC gets AWS's default network ACL (allow all traffic both ways), as a VPC always has one",
  );
  for (const vpcId of vpcIds)
    add({
      kind: 'networkAcl',
      id: `acl-default-${vpcId}` as never,
      name: `${vpcId} default network ACL`,
      vpcId: vpcId as never,
      isDefault: true,
      inbound: [{ ...ALLOW_ALL_NACL_RULE }],
      outbound: [{ ...ALLOW_ALL_NACL_RULE }],
      subnetIds: [],
    });
}
