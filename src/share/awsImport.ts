import { z } from 'zod';
import {
  DEFAULT_AMI_ID,
  emptyDesign,
  findRegion,
  hasPorts,
  parseWholeDesign,
  PROTOTYPE_KEY,
  readProtocol,
  setOwn,
  withoutBom,
  type Design,
  type LayoutEntry,
  type NaclRule,
  type Protocol,
  type Resource,
  type SgRule,
} from '../domain';
import { AWS_KEYS, type AwsData, type AwsKey } from './awsSchemas';
import { repairReferences } from '../engine/edits/repairReferences';
import { defaultAclsWhenMissing, importNetworks, regionInPath } from './awsImportNetworks';
import { importHa } from './awsImportHa';
import { importEks, SINGLE_RECORD_KEYS } from './awsImportEks';
import { containsCidr, parseCidr } from '../net';

/**
 * Turns the JSON printed by `aws ec2 describe-*` into a design. Files are
 * recognised by their top-level keys, whatever their names; AWS ids are kept
 * so queries can name them; what Nimbus does not model is listed as notes.
 */
export interface AwsFile {
  name: string;
  text: string;
}

export type AwsImport = { ok: true; design: Design; notes: string[] } | { ok: false; errors: string[] };

const nameOf = (tags: Array<{ Key: string; Value: string }> | undefined, fallback: string) =>
  tags?.find((t) => t.Key === 'Name')?.Value ?? fallback;

/**
 * AWS protocol numbers and names to Nimbus's protocols: `-1` is all traffic,
 * 6/17/1 are TCP/UDP/ICMP, any other number stays that IP protocol (ESP is 50).
 * Null for what Nimbus does not model (ICMPv6, `icmpv6` or 58, is IPv6's).
 */
function protocolOf(value: string): Protocol | null {
  const read = readProtocol(value);
  return read === 58 ? null : read;
}

function portsOf(protocol: Protocol, from: number | undefined, to: number | undefined) {
  if (!hasPorts(protocol)) return null;
  if (from === undefined || to === undefined || from < 0) return { from: 0, to: 65535 };
  return { from, to };
}

type Field = (name: string) => string | undefined;
const facts = (field: Field, ...names: string[]) => {
  const known = names.map(field).filter((v) => v !== undefined);
  return known.length > 0 ? ` (${known.join(', ')})` : '';
};

/** Output of kinds Nimbus does not model, named record by record in the import note. */
const UNMODELLED: Record<string, (field: Field) => string> = {
  // aws directconnect describe-virtual-interfaces
  VirtualInterfaces: (f) =>
    `Direct Connect virtual interface ${f('VirtualInterfaceId') ?? '?'}${facts(f, 'VirtualInterfaceType', 'VirtualGatewayId', 'DirectConnectGatewayId', 'AmazonAddress')} skipped: Nimbus does not import Direct Connect virtual interfaces, and the prefixes the on-premises router advertises over one are not in these files`,
  // aws rds describe-db-clusters
  DBClusters: (f) =>
    `DB cluster ${f('DBClusterIdentifier') ?? '?'}${facts(f, 'Engine', 'EngineMode')} skipped: Nimbus models RDS DB instances, not Aurora or Multi-AZ DB clusters`,
  // aws es describe-elasticsearch-domains
  DomainStatusList: (f) =>
    `Elasticsearch domain ${f('DomainName') ?? '?'}${facts(f, 'ElasticsearchVersion')} skipped: Nimbus does not model OpenSearch or Elasticsearch domains`,
  // aws directconnect describe-direct-connect-gateways
  DirectConnectGateways: (f) =>
    `Direct Connect gateway ${f('DirectConnectGatewayId') ?? '?'}${facts(f, 'DirectConnectGatewayName')} skipped: Nimbus does not model Direct Connect gateways`,
};

function readFiles(files: readonly AwsFile[]): {
  data: AwsData;
  notes: string[];
  errors: string[];
  vpcRegions: Map<string, string>;
  /** The top-level keys some file had (a key absent from every file is output that was not included). */
  present: Set<AwsKey>;
  /** The top-level keys Nimbus does not read. */
  ignored: Set<string>;
} {
  const data = Object.fromEntries(Object.keys(AWS_KEYS).map((k) => [k, []])) as unknown as AwsData;
  const notes: string[] = [];
  const errors: string[] = [];
  // Several Regions in one directory tree (accounts/<id>/<region>/): a VPC's Region from its file's path.
  const vpcRegions = new Map<string, string>();
  const present = new Set<AwsKey>();
  const ignored = new Set<string>();
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(withoutBom(file.text));
    } catch (error) {
      errors.push(`${file.name}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      errors.push(`${file.name}: expected the JSON object that aws ec2 describe-* prints`);
      continue;
    }
    for (const [key, value] of Object.entries(json)) {
      // Own keys only: a file key such as "constructor" or "toString" is not one Nimbus reads.
      if (!Object.hasOwn(AWS_KEYS, key)) {
        if (key !== 'NextToken') ignored.add(key);
        const describe = Object.hasOwn(UNMODELLED, key) ? UNMODELLED[key] : undefined;
        if (describe && Array.isArray(value)) {
          // Records of what Nimbus has no kind for yet: each is named, not just its file.
          for (const item of value as unknown[]) {
            const field = (name: string) => {
              const v = (item as Record<string, unknown> | null)?.[name];
              return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
            };
            notes.push(`${file.name}: ${describe(field)}`);
          }
          continue;
        }
        if (key !== 'NextToken') notes.push(`${file.name}: ignored "${key}" (Nimbus does not import it)`);
        continue;
      }
      // `aws eks describe-*` prints its one record under a singular key: read as a list of one.
      const records = SINGLE_RECORD_KEYS.has(key) && !Array.isArray(value) ? [value] : value;
      const parsed = z.array(AWS_KEYS[key as AwsKey] as z.ZodType).safeParse(records);
      if (!parsed.success) {
        for (const issue of parsed.error.issues.slice(0, 5))
          errors.push(`${file.name}: ${[key, ...issue.path].map(String).join('.')}: ${issue.message}`);
        continue;
      }
      // describe-target-health does not name its target group; the file's name may (target-health-<group>.json).
      const items =
        key === 'TargetHealthDescriptions'
          ? (parsed.data as object[]).map((d) => ({ ...d, SourceFile: file.name }))
          : (parsed.data as unknown[]);
      (data[key as AwsKey] as unknown[]).push(...items);
      present.add(key as AwsKey);
      const region = regionInPath(file.name);
      if (key === 'Vpcs' && region) for (const vpc of parsed.data as AwsData['Vpcs']) vpcRegions.set(vpc.VpcId, region);
    }
  }
  return { data, notes, errors, vpcRegions, present, ignored };
}

export function importAws(files: readonly AwsFile[], designName = 'Imported from AWS'): AwsImport {
  const { data, notes, errors, vpcRegions, present, ignored } = readFiles(files);
  if (errors.length > 0) return { ok: false, errors };
  if (data.Vpcs.length === 0) {
    // Nothing of a network can be placed without its VPC: say what the files do hold.
    const held = [
      ...[...present].filter((k) => data[k].length > 0).sort(),
      ...[...ignored].sort().map((k) => `${k} (not imported)`),
    ];
    const what = held.length > 0 ? ` (the files hold only ${held.join(', ')})` : '';
    return { ok: false, errors: [`no VPCs found${what}: include the output of aws ec2 describe-vpcs`] };
  }
  const design = emptyDesign(designName);
  const layout: Record<string, Partial<LayoutEntry>> = {};
  const refused: string[] = [];
  const add = (resource: Resource, parentId?: string) => {
    if (resource.id === PROTOTYPE_KEY) {
      // AWS never prints this id; a design keyed by id can't hold it.
      refused.push(`"${PROTOTYPE_KEY}" is not an id Nimbus can import (the ${resource.kind} it names)`);
      return;
    }
    setOwn(design.resources, resource.id, resource);
    if (parentId) setOwn(layout, resource.id, { parentId: parentId as LayoutEntry['parentId'] });
  };
  const known = (id: string | undefined): id is string => !!id && Object.hasOwn(design.resources, id);

  // Regions come from the zones of the subnets (eu-west-1a → eu-west-1).
  const regionCode = (zone: string) => zone.replace(/[a-z]$/, '');
  const subnetRegion = new Map([
    ...vpcRegions,
    ...data.Subnets.map((s): [string, string] => [s.VpcId, regionCode(s.AvailabilityZone)]),
  ]);
  for (const code of new Set([...subnetRegion.values(), ...(subnetRegion.size === 0 ? ['us-east-1'] : [])])) {
    add({ kind: 'region', id: `region-${code}` as never, name: findRegion(code)?.name ?? code, code });
  }
  const regionOfVpc = (vpcId: string) =>
    `region-${subnetRegion.get(vpcId) ?? [...subnetRegion.values()][0] ?? 'us-east-1'}`;

  for (const vpc of data.Vpcs) {
    const secondary = (vpc.CidrBlockAssociationSet ?? [])
      .filter((a) => a.CidrBlock !== vpc.CidrBlock && (a.CidrBlockState?.State ?? 'associated') === 'associated')
      .map((a) => a.CidrBlock);
    add({
      kind: 'vpc',
      id: vpc.VpcId as never,
      name: nameOf(vpc.Tags, vpc.VpcId),
      regionId: regionOfVpc(vpc.VpcId) as never,
      cidr: vpc.CidrBlock,
      secondaryCidrs: secondary,
    });
  }
  for (const subnet of data.Subnets) {
    if (!known(subnet.VpcId)) {
      notes.push(`subnet ${subnet.SubnetId}: its VPC ${subnet.VpcId} is not in the files; skipped`);
      continue;
    }
    // A subnet's CIDR block is a subset of one of its VPC's CIDR blocks (Amazon VPC User Guide, "Subnet CIDR
    // blocks"); a record that says otherwise can't be placed in the VPC.
    const vpc = design.resources[subnet.VpcId];
    const vpcCidrs = vpc?.kind === 'vpc' ? [vpc.cidr, ...vpc.secondaryCidrs] : [];
    const block = parseCidr(subnet.CidrBlock);
    if (
      block.ok &&
      !vpcCidrs.some((text) => {
        const outer = parseCidr(text);
        return outer.ok && containsCidr(outer.value, block.value);
      })
    ) {
      notes.push(
        `subnet ${subnet.SubnetId}: its CIDR ${subnet.CidrBlock} is outside its VPC ${subnet.VpcId} (${vpcCidrs.join(', ')}), which AWS does not allow; the files disagree, so it was skipped`,
      );
      continue;
    }
    const zoneId = `az-${subnet.VpcId}-${subnet.AvailabilityZone}`;
    if (!known(zoneId))
      add(
        {
          kind: 'availabilityZone',
          id: zoneId as never,
          name: subnet.AvailabilityZone,
          regionId: regionOfVpc(subnet.VpcId) as never,
          zoneName: subnet.AvailabilityZone,
        },
        subnet.VpcId,
      );
    add({
      kind: 'subnet',
      id: subnet.SubnetId as never,
      name: nameOf(subnet.Tags, subnet.SubnetId),
      vpcId: subnet.VpcId as never,
      azId: zoneId as never,
      cidr: subnet.CidrBlock,
      mapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch ?? false,
    });
  }
  for (const igw of data.InternetGateways) {
    const attached = igw.Attachments.find((a) => (a.State ?? 'available') !== 'detached' && known(a.VpcId));
    add({
      kind: 'internetGateway',
      id: igw.InternetGatewayId as never,
      name: nameOf(igw.Tags, igw.InternetGatewayId),
      vpcId: (attached?.VpcId ?? null) as never,
    });
  }
  for (const vgw of data.VpnGateways) {
    const attached = vgw.VpcAttachments.find((a) => a.State === 'attached' && known(a.VpcId));
    add({
      kind: 'virtualPrivateGateway',
      id: vgw.VpnGatewayId as never,
      name: nameOf(vgw.Tags, vgw.VpnGatewayId),
      vpcId: (attached?.VpcId ?? null) as never,
      amazonSideAsn: vgw.AmazonSideAsn ?? 64512,
    });
  }
  const eniOwner = new Map(data.NetworkInterfaces.map((n) => [n.NetworkInterfaceId, n.Attachment?.InstanceId]));
  // An instance's public IPv4 as its interfaces record it (`Association.PublicIp`), for files without `PublicIpAddress`.
  const instancePublicIp = new Map(
    data.NetworkInterfaces.filter((n) => n.Attachment?.InstanceId && n.Association).map((n) => [
      n.Attachment!.InstanceId!,
      n.Association!,
    ]),
  );
  for (const address of data.Addresses) {
    add({
      kind: 'elasticIp',
      id: (address.AllocationId ?? `eip-${address.PublicIp}`) as never,
      name: nameOf(address.Tags, address.PublicIp),
      publicIp: address.PublicIp,
    });
  }
  const eipByPublicIp = new Map(data.Addresses.map((a) => [a.PublicIp, a.AllocationId ?? `eip-${a.PublicIp}`]));
  for (const nat of data.NatGateways) {
    if (nat.State === 'deleted' || nat.State === 'failed') continue;
    // Its first address: the Elastic IP it translates to and the private IP of its interface (AWS's own addresses).
    const address = nat.NatGatewayAddresses[0];
    if (nat.NatGatewayAddresses.length > 1)
      notes.push(`${nat.NatGatewayId}: has ${nat.NatGatewayAddresses.length} addresses; Nimbus keeps the first`);
    let eipId = address?.AllocationId;
    if (address?.PublicIp && !known(eipId)) {
      eipId = address.AllocationId ?? `eip-${address.PublicIp}`;
      add({ kind: 'elasticIp', id: eipId as never, name: address.PublicIp, publicIp: address.PublicIp });
    }
    if (!known(nat.SubnetId)) continue;
    add({
      kind: 'natGateway',
      id: nat.NatGatewayId as never,
      name: nameOf(nat.Tags, nat.NatGatewayId),
      subnetId: nat.SubnetId as never,
      elasticIpId: (eipId ?? null) as never,
      privateIp:
        address?.PrivateIp ??
        data.NetworkInterfaces.find((n) => n.NetworkInterfaceId === address?.NetworkInterfaceId)?.PrivateIpAddress ??
        '',
    });
  }
  for (const group of data.SecurityGroups) {
    if (!known(group.VpcId)) continue;
    const rules = (permissions: typeof group.IpPermissions, direction: string): SgRule[] =>
      permissions.flatMap((p) => {
        const protocol = protocolOf(p.IpProtocol);
        if (!protocol) {
          notes.push(
            `${group.GroupId}: skipped a ${direction} rule for protocol ${p.IpProtocol} (Nimbus models IPv4 protocols, not ICMPv6)`,
          );
          return [];
        }
        if (p.Ipv6Ranges.length > 0)
          notes.push(`${group.GroupId}: IPv6 sources of a ${direction} rule were skipped (Nimbus models IPv4)`);
        const lists = p.PrefixListIds.filter((l) =>
          data.PrefixLists.some((known) => known.PrefixListId === l.PrefixListId),
        );
        if (lists.length < p.PrefixListIds.length)
          notes.push(
            `${group.GroupId}: a ${direction} rule names a prefix list that is not in the files (describe-prefix-lists); that source was skipped`,
          );
        const ports = portsOf(protocol, p.FromPort, p.ToPort);
        return [
          ...p.IpRanges.map((r): SgRule => ({
            protocol,
            ports,
            peer: { type: 'cidr', cidr: r.CidrIp },
            description: r.Description ?? '',
          })),
          ...lists.map((l): SgRule => ({
            protocol,
            ports,
            peer: { type: 'prefixList', prefixListId: l.PrefixListId as never },
            description: l.Description ?? '',
          })),
          ...p.UserIdGroupPairs.filter((g) => g.GroupId).map((g): SgRule => ({
            protocol,
            ports,
            peer: { type: 'securityGroup', groupId: g.GroupId as never },
            description: g.Description ?? '',
          })),
        ];
      });
    add({
      kind: 'securityGroup',
      id: group.GroupId as never,
      name: group.GroupName,
      vpcId: group.VpcId as never,
      isDefault: group.GroupName === 'default',
      description: group.Description ?? '',
      inbound: rules(group.IpPermissions, 'inbound'),
      outbound: rules(group.IpPermissionsEgress, 'outbound'),
    });
  }
  if (data.NetworkAcls.length === 0)
    defaultAclsWhenMissing(
      data.Vpcs.map((v) => v.VpcId).filter((id) => known(id)),
      add,
      notes,
    );
  for (const acl of data.NetworkAcls) {
    if (!known(acl.VpcId)) continue;
    const entries = (egress: boolean): NaclRule[] =>
      acl.Entries.filter((e) => e.Egress === egress && e.RuleNumber !== 32767 && e.CidrBlock).flatMap((e) => {
        const protocol = protocolOf(e.Protocol);
        if (!protocol) {
          notes.push(`${acl.NetworkAclId}: skipped rule ${e.RuleNumber} for protocol ${e.Protocol}`);
          return [];
        }
        return [
          {
            ruleNumber: e.RuleNumber,
            protocol,
            ports: portsOf(protocol, e.PortRange?.From, e.PortRange?.To),
            cidr: e.CidrBlock!,
            action: e.RuleAction,
          },
        ];
      });
    add({
      kind: 'networkAcl',
      id: acl.NetworkAclId as never,
      name: nameOf(acl.Tags, acl.NetworkAclId),
      vpcId: acl.VpcId as never,
      isDefault: acl.IsDefault,
      inbound: entries(false),
      outbound: entries(true),
      subnetIds: acl.IsDefault ? [] : (acl.Associations.map((a) => a.SubnetId) as never[]),
    });
  }
  for (const reservation of data.Reservations) {
    for (const instance of reservation.Instances) {
      if (!known(instance.SubnetId)) {
        notes.push(
          `${instance.InstanceId}: not in a subnet of these files (state ${instance.State.Name}${instance.SubnetId ? `, subnet ${instance.SubnetId}` : ''}); skipped`,
        );
        continue;
      }
      // AWS's own addresses are kept: an Elastic IP by its allocation, an auto-assigned public IPv4 as it is.
      const association = instancePublicIp.get(instance.InstanceId);
      const publicAddress = instance.PublicIpAddress ?? association?.PublicIp;
      let eipId = publicAddress ? eipByPublicIp.get(publicAddress) : undefined;
      if (!eipId && publicAddress && association?.AllocationId && association.PublicIp === publicAddress) {
        eipId = association.AllocationId;
        if (!known(eipId)) add({ kind: 'elasticIp', id: eipId as never, name: publicAddress, publicIp: publicAddress });
      }
      const state = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'].includes(
        instance.State.Name,
      )
        ? instance.State.Name
        : 'running';
      add({
        kind: 'ec2Instance',
        id: instance.InstanceId as never,
        name: nameOf(instance.Tags, instance.InstanceId),
        subnetId: instance.SubnetId as never,
        amiId: instance.ImageId ?? DEFAULT_AMI_ID,
        instanceType: instance.InstanceType,
        privateIp: instance.PrivateIpAddress ?? '',
        publicIp: !!publicAddress && !eipId,
        publicIpAddress: publicAddress && !eipId ? publicAddress : null,
        elasticIpId: (eipId ?? null) as never,
        securityGroupIds: instance.SecurityGroups.map((g) => g.GroupId) as never[],
        hibernationEnabled: instance.HibernationOptions?.Configured ?? false,
        terminationProtection: false,
        state: state as never,
        // An appliance has the check off; on is AWS's default and stays implicit.
        ...(instance.SourceDestCheck === false ? { sourceDestCheck: false } : {}),
      });
    }
  }
  importEks({ data, design, add, known, regionIdOfVpc: regionOfVpc, notes });
  const ha = importHa({ data, design, add, known, regionIdOfVpc: regionOfVpc, notes });
  // Nimbus gives an instance one interface, its primary (device index 0) one; the others are named, not dropped.
  // Source: Amazon EC2 User Guide, "Elastic network interfaces" (the primary interface is device 0 and can't be
  // detached; secondary ones can be attached, detached and left available).
  const modelledInterfaceTypes = new Set(['nat_gateway', 'vpc_endpoint', 'transit_gateway']);
  for (const eni of data.NetworkInterfaces) {
    const where = [eni.Description, eni.PrivateIpAddress, eni.SubnetId && `in ${eni.SubnetId}`].filter(Boolean);
    const what = `${eni.NetworkInterfaceId}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
    const type = eni.InterfaceType ?? 'interface';
    const instanceId = eni.Attachment?.InstanceId;
    if (modelledInterfaceTypes.has(type) || ha.interfaces.has(eni.NetworkInterfaceId)) continue;
    if (type !== 'interface') notes.push(`${what}: a ${type} interface, which Nimbus does not model; skipped`);
    else if (instanceId && (eni.Attachment?.DeviceIndex ?? 0) > 0)
      notes.push(
        `${what}: a secondary interface (device ${eni.Attachment?.DeviceIndex}) of ${instanceId}; Nimbus models an instance's primary interface only, so it was skipped`,
      );
    else if (!instanceId)
      notes.push(`${what}: not attached to an instance (status ${eni.Status ?? 'unknown'}); skipped`);
  }
  const networkRoutes: Array<{ table: string; destination: string; target: string; state?: string | undefined }> = [];
  const endpointRoutes: Array<{ table: string; list: string; endpoint: string }> = [];
  // A VPN connection that is deleted (or being deleted) carries nothing: no routes, no network behind it.
  // Source: Amazon EC2 API Reference, VpnConnection `State` (pending | available | deleting | deleted).
  const vpnConnections = data.VpnConnections.filter((vpn) => {
    const state = vpn.State ?? 'available';
    if (state !== 'deleted' && state !== 'deleting') return true;
    notes.push(`${vpn.VpnConnectionId}: ${state}, skipped (no routes, no on-premises network from it)`);
    return false;
  });
  const liveVpnRoutes = (vpn: (typeof vpnConnections)[number]) =>
    vpn.Routes.filter((r) => r.State !== 'deleted' && r.State !== 'deleting').map((r) => r.DestinationCidrBlock);
  // Routes a virtual private gateway propagated into a table (`Origin: EnableVgwRoutePropagation`) are the
  // prefixes it learned over BGP from its dynamic VPN connections (and Direct Connect). Nimbus derives them
  // from the on-premises network behind the customer gateway, so each learned CIDR goes into that network when
  // one dynamic VPN on the gateway could have sent it; anything else stays a route to the gateway in the table.
  // Source: Amazon VPC User Guide, "Route propagation"; AWS Site-to-Site VPN User Guide, "Route tables and VPN
  // route priority".
  const learnedByCgw = new Map<string, Set<string>>();
  const keptPropagated = new Set<string>(); // `${table} ${cidr}`
  for (const table of data.RouteTables) {
    if (!known(table.VpcId)) continue;
    for (const r of table.Routes) {
      if (r.Origin !== 'EnableVgwRoutePropagation' || !r.DestinationCidrBlock) continue;
      const vgw = r.GatewayId ?? '';
      const dynamic = vpnConnections.filter((v) => v.VpnGatewayId === vgw && !v.Options?.StaticRoutesOnly);
      const propagates = table.PropagatingVgws.some((p) => p.GatewayId === vgw);
      const what = `${table.RouteTableId}: the route to ${r.DestinationCidrBlock} that ${vgw || 'a gateway'} propagated`;
      if (r.DestinationCidrBlock === '0.0.0.0/0' || !propagates || dynamic.length !== 1 || !known(vgw)) {
        // A default route in an on-premises network would take in every internet address; kept as a route.
        keptPropagated.add(`${table.RouteTableId} ${r.DestinationCidrBlock}`);
        notes.push(
          `${what} is kept as a route in the table to ${vgw || 'its gateway'} (${
            r.DestinationCidrBlock === '0.0.0.0/0'
              ? 'a default route learned over BGP; as an on-premises network it would hold every internet address'
              : dynamic.length > 1
                ? `${dynamic.length} dynamic VPN connections could have sent it`
                : 'no dynamic VPN connection in the files on that gateway sent it'
          })`,
        );
        continue;
      }
      const cgw = dynamic[0]!.CustomerGatewayId;
      if (!learnedByCgw.has(cgw)) learnedByCgw.set(cgw, new Set());
      learnedByCgw.get(cgw)!.add(r.DestinationCidrBlock);
    }
  }
  for (const [cgw, cidrs] of learnedByCgw)
    notes.push(
      `${cgw}: the routes its VPN propagated (${[...cidrs].join(', ')}) are its on-premises network's CIDRs, which Nimbus propagates again`,
    );
  for (const table of data.RouteTables) {
    if (!known(table.VpcId)) continue;
    const routes = table.Routes.flatMap((r) => {
      if (r.Origin === 'EnableVgwRoutePropagation') {
        const kept = r.DestinationCidrBlock && keptPropagated.has(`${table.RouteTableId} ${r.DestinationCidrBlock}`);
        return kept && r.GatewayId ? [{ destination: r.DestinationCidrBlock!, target: r.GatewayId as never }] : [];
      }
      const target =
        r.GatewayId ??
        r.NatGatewayId ??
        r.InstanceId ??
        (r.NetworkInterfaceId ? eniOwner.get(r.NetworkInterfaceId) : undefined) ??
        r.TransitGatewayId ??
        r.VpcPeeringConnectionId ??
        'unknown-target';
      const destination = r.DestinationCidrBlock ?? r.DestinationPrefixListId;
      if (!destination) {
        notes.push(
          r.DestinationIpv6CidrBlock
            ? `${table.RouteTableId}: skipped the IPv6 route to ${r.DestinationIpv6CidrBlock} (Nimbus models IPv4)`
            : `${table.RouteTableId}: skipped a route with no destination`,
        );
        return [];
      }
      if (!r.DestinationCidrBlock && target.startsWith('vpce-')) {
        // A gateway endpoint's route is the endpoint's own (mapped from describe-vpc-endpoints).
        endpointRoutes.push({ table: table.RouteTableId, list: destination, endpoint: target });
        return [];
      }
      // Targets (peering connections, transit gateways, prefix lists among them) are checked once all is mapped;
      // one the files lack is said then.
      if (target !== 'local') networkRoutes.push({ table: table.RouteTableId, destination, target, state: r.State });
      return [{ destination, target: target as never }];
    });
    const main = table.Associations.some((a) => a.Main === true);
    add({
      kind: 'routeTable',
      id: table.RouteTableId as never,
      name: nameOf(table.Tags, table.RouteTableId),
      vpcId: table.VpcId as never,
      main,
      routes,
      subnetIds: table.Associations.map((a) => a.SubnetId).filter((id) => id !== undefined) as never[],
      propagatingGatewayIds: table.PropagatingVgws.map((v) => v.GatewayId) as never[],
    });
  }
  if (!present.has('RouteTables') && data.Vpcs.length > 0) {
    // Every VPC has a main route table with a local route for each of its CIDR blocks, which can't be removed.
    // Source: Amazon VPC User Guide, "Route tables for your VPC" (main route table, local route).
    notes.push(
      'no describe-route-tables output: each VPC gets a main route table with only its local routes, as a VPC always has one; any other route it has is unknown',
    );
    for (const vpc of data.Vpcs) {
      const resource = design.resources[vpc.VpcId];
      if (resource?.kind !== 'vpc') continue;
      add({
        kind: 'routeTable',
        id: `rtb-main-${vpc.VpcId}` as never,
        name: `${vpc.VpcId} main route table`,
        vpcId: vpc.VpcId as never,
        main: true,
        routes: [resource.cidr, ...resource.secondaryCidrs].map((cidr) => ({
          destination: cidr,
          target: 'local' as never,
        })),
        subnetIds: [],
        propagatingGatewayIds: [],
      });
    }
  }
  if (!present.has('InternetGateways') && data.Vpcs.length > 0)
    notes.push(
      'no describe-internet-gateways output: no internet gateway was imported, so nothing enters or leaves a VPC through one (a route to an igw- shows as a blackhole)',
    );
  for (const cgw of data.CustomerGateways) {
    const vpns = vpnConnections.filter((v) => v.CustomerGatewayId === cgw.CustomerGatewayId);
    const cidrs = [...new Set([...vpns.flatMap(liveVpnRoutes), ...(learnedByCgw.get(cgw.CustomerGatewayId) ?? [])])];
    const networkId = `onprem-${cgw.CustomerGatewayId}`;
    if (cidrs.length > 0)
      add({
        kind: 'onPremisesNetwork',
        id: networkId as never,
        name: `${nameOf(cgw.Tags, cgw.CustomerGatewayId)} network`,
        cidrs,
      });
    add({
      kind: 'customerGateway',
      id: cgw.CustomerGatewayId as never,
      name: nameOf(cgw.Tags, cgw.CustomerGatewayId),
      ipAddress: cgw.IpAddress,
      bgpAsn: Number(cgw.BgpAsn ?? 65000),
      onPremisesNetworkId: (cidrs.length > 0 ? networkId : null) as never,
    });
  }
  for (const vpn of vpnConnections) {
    if (vpn.TransitGatewayId && !vpn.VpnGatewayId) continue; // a transit gateway's VPN: its attachment below
    if (!known(vpn.VpnGatewayId) || !known(vpn.CustomerGatewayId)) continue;
    add({
      kind: 'vpnConnection',
      id: vpn.VpnConnectionId as never,
      name: nameOf(vpn.Tags, vpn.VpnConnectionId),
      vpnGatewayId: vpn.VpnGatewayId as never,
      customerGatewayId: vpn.CustomerGatewayId as never,
      routing: vpn.Options?.StaticRoutesOnly ? 'static' : 'dynamic',
      staticRoutes: liveVpnRoutes(vpn),
    });
  }
  importNetworks({
    data: { ...data, VpnConnections: vpnConnections },
    add,
    known,
    regionIdOf: (code) => `region-${code}`,
    fallbackRegion: [...subnetRegion.values()][0],
    notes,
  });
  for (const route of endpointRoutes) {
    const endpoint = known(route.endpoint) ? design.resources[route.endpoint] : undefined;
    if (endpoint?.kind !== 'vpcEndpoint' || !endpoint.routeTableIds.includes(route.table as never))
      notes.push(
        `${route.table}: skipped a route to ${route.list} → ${route.endpoint}: that gateway endpoint is not in the files (describe-vpc-endpoints) or does not list this table`,
      );
  }
  for (const route of networkRoutes) {
    if (route.destination.startsWith('pl-') && !known(route.destination))
      // The route's destination is the list's entries; without them it matches no address.
      notes.push(
        `${route.table}: the route to prefix list ${route.destination} → ${route.target} matches no address: that list is not in the files (its entries come from aws ec2 get-managed-prefix-list-entries, in a PrefixLists file with Cidrs)`,
      );
    if (!known(route.target))
      notes.push(
        `${route.table}: the route to ${route.destination} targets ${route.target}, which is not in the files or Nimbus does not model; it shows as a blackhole${route.state === 'blackhole' ? ' (AWS records it as one too)' : ''}`,
      );
  }
  if (data.InternetGateways.length > 0) add({ kind: 'internet', id: 'internet' as never, name: 'Internet' });
  if (refused.length > 0) return { ok: false, errors: refused };
  design.layout = layout as Design['layout'];
  // What the files name but do not contain is cleared as each kind's references declare.
  const repaired = repairReferences(design);
  notes.push(...repaired.notes);
  // Whatever was built goes through the same schema as every other input.
  const checked = parseWholeDesign(JSON.parse(JSON.stringify(repaired.design)));
  if (!checked.ok) return { ok: false, errors: checked.errors.map((e) => `the imported design is not valid: ${e}`) };
  return { ok: true, design: checked.design, notes };
}
