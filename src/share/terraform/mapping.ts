import { readProtocol, hasPorts, type Protocol, type PortRange } from '../../domain/common';
import type { NaclRule } from '../../domain/kinds/networkAcl';
import type { SgRule } from '../../domain/kinds/securityGroup';
import type { Route } from '../../domain/kinds/routeTable';
import { attr, block, HclMap, type HclBody, type HclValue } from './hcl';
import type { DecodeContext, EncodeContext, KindMapping, KindMappings, SecondaryBlock, TfResource } from './context';

/*
 * Kind → AWS provider resources, one entry per kind (the registry's `Kind`, so
 * a new kind without an entry does not compile). Argument names are the AWS
 * provider's (registry.terraform.io/providers/hashicorp/aws/6.25.0/docs); the
 * schema check in the tests holds each one against `providerSchema.json`.
 */

const sidecarOnly = <K extends Parameters<KindMappings[keyof KindMappings]['typeOf']>[0]['kind']>(
  note: string,
): KindMapping<K> => ({
  types: [],
  note,
  typeOf: () => null,
  encode: () => ({ body: [] }),
  decode: () => ({}),
});

const present = <T>(value: T | null | undefined | false, make: (v: T) => HclBody): HclBody =>
  value === null || value === undefined || value === false ? [] : make(value);

const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** One nested block as a pseudo-resource, so the context's readers work on it. */
const inner = (parent: TfResource, values: Record<string, unknown>, key: string): TfResource => ({
  ...parent,
  address: `${parent.address}.${key}`,
  values,
});

// --- protocols and ports -----------------------------------------------------------------

/** AWS's protocol text: `-1` for all traffic, a name for TCP, UDP and ICMP, else the number. */
const protocolText = (protocol: Protocol): string => (protocol === 'all' ? '-1' : String(protocol));

function portsOf(protocol: Protocol, from: unknown, to: unknown): PortRange {
  if (!hasPorts(protocol)) return null;
  const f = Number(from);
  const t = Number(to);
  return Number.isInteger(f) && Number.isInteger(t) ? { from: f, to: t } : { from: 0, to: 65535 };
}

const readProtocolOr = (value: unknown): Protocol =>
  typeof value === 'string' || typeof value === 'number' ? (readProtocol(value) ?? 'all') : 'all';

// --- network ACL rules ------------------------------------------------------------------

/** An inline `ingress`/`egress` block (aws_default_network_acl). */
const naclInline = (rule: NaclRule): HclBody => [
  attr('rule_no', rule.ruleNumber),
  attr('action', rule.action),
  attr('protocol', protocolText(rule.protocol)),
  attr('cidr_block', rule.cidr),
  attr('from_port', rule.ports?.from ?? 0),
  attr('to_port', rule.ports?.to ?? 0),
  ...(rule.protocol === 'icmp' ? [attr('icmp_type', -1), attr('icmp_code', -1)] : []),
];

/** An `aws_network_acl_rule`. */
const naclRuleResource = (aclRef: HclValue, rule: NaclRule, egress: boolean): HclBody => [
  attr('network_acl_id', aclRef),
  attr('rule_number', rule.ruleNumber),
  attr('egress', egress),
  attr('protocol', protocolText(rule.protocol)),
  attr('rule_action', rule.action),
  attr('cidr_block', rule.cidr),
  ...(hasPorts(rule.protocol) && rule.ports
    ? [attr('from_port', rule.ports.from), attr('to_port', rule.ports.to)]
    : []),
  ...(rule.protocol === 'icmp' ? [attr('icmp_type', -1), attr('icmp_code', -1)] : []),
];

function naclRuleOf(values: Record<string, unknown>, numberKey: string, actionKey: string): NaclRule {
  const protocol = readProtocolOr(values.protocol);
  return {
    ruleNumber: Number(values[numberKey] ?? 100),
    protocol,
    ports: portsOf(protocol, values.from_port, values.to_port),
    cidr: typeof values.cidr_block === 'string' ? values.cidr_block : '0.0.0.0/0',
    action: values[actionKey] === 'deny' ? 'deny' : 'allow',
  };
}

// --- security group rules ---------------------------------------------------------------

/** An inline rule (aws_default_security_group, whose rules the provider manages only inline). */
function sgInline(rule: SgRule, ctx: EncodeContext, selfId: string): HclBody {
  const peer: HclBody =
    rule.peer.type === 'cidr'
      ? [attr('cidr_blocks', [rule.peer.cidr])]
      : rule.peer.type === 'securityGroup'
        ? rule.peer.groupId === selfId
          ? [attr('self', true)]
          : [attr('security_groups', [ctx.ref(rule.peer.groupId)])]
        : [attr('prefix_list_ids', [ctx.ref(rule.peer.prefixListId)])];
  return [
    attr('protocol', protocolText(rule.protocol)),
    attr('from_port', rule.ports?.from ?? 0),
    attr('to_port', rule.ports?.to ?? 0),
    ...peer,
    ...(rule.description ? [attr('description', rule.description)] : []),
  ];
}

/**
 * An `aws_vpc_security_group_ingress_rule` / `egress_rule`: one rule a
 * resource, the provider's recommendation over inline rules and
 * `aws_security_group_rule` (registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group,
 * "Avoid using the aws_security_group_rule resource ... Instead, use the
 * aws_vpc_security_group_egress_rule and aws_vpc_security_group_ingress_rule resources").
 */
function sgRuleResource(groupRef: HclValue, rule: SgRule, ctx: EncodeContext): HclBody {
  const peer: HclBody =
    rule.peer.type === 'cidr'
      ? [attr('cidr_ipv4', rule.peer.cidr)]
      : rule.peer.type === 'securityGroup'
        ? [attr('referenced_security_group_id', ctx.ref(rule.peer.groupId))]
        : [attr('prefix_list_id', ctx.ref(rule.peer.prefixListId))];
  return [
    attr('security_group_id', groupRef),
    attr('ip_protocol', protocolText(rule.protocol)),
    ...(hasPorts(rule.protocol) && rule.ports
      ? [attr('from_port', rule.ports.from), attr('to_port', rule.ports.to)]
      : []),
    ...peer,
    ...(rule.description ? [attr('description', rule.description)] : []),
  ];
}

/**
 * The rules of one Terraform rule (one peer each). IPv6 peers (`cidr_ipv6`,
 * `ipv6_cidr_blocks`) are left out with a warning naming `where`: Nimbus
 * models IPv4 addressing only.
 */
function sgRuleOf(
  values: Record<string, unknown>,
  ctx: DecodeContext,
  protocolKey: string,
  selfId: string,
  where: string,
): SgRule[] {
  const ipv6 = [
    ...(typeof values.cidr_ipv6 === 'string' ? [values.cidr_ipv6] : []),
    ...strings(values.ipv6_cidr_blocks),
  ];
  for (const cidr of ipv6) ctx.warn(`${where}: IPv6 rule (${cidr}) not modelled; Nimbus models IPv4`);
  const protocol = readProtocolOr(values[protocolKey]);
  const ports = portsOf(protocol, values.from_port, values.to_port);
  const description = typeof values.description === 'string' ? values.description : '';
  const peers: SgRule['peer'][] = [];
  if (typeof values.cidr_ipv4 === 'string') peers.push({ type: 'cidr', cidr: values.cidr_ipv4 });
  for (const cidr of strings(values.cidr_blocks)) peers.push({ type: 'cidr', cidr });
  const groupRef = values.referenced_security_group_id;
  if (groupRef !== undefined && groupRef !== null)
    peers.push({ type: 'securityGroup', groupId: (ctx.id(groupRef) ?? String(groupRef)) as never });
  if (values.self === true) peers.push({ type: 'securityGroup', groupId: selfId as never });
  for (const g of ctx.ids(values.security_groups)) peers.push({ type: 'securityGroup', groupId: g as never });
  const listRef = values.prefix_list_id;
  if (listRef !== undefined && listRef !== null)
    peers.push({ type: 'prefixList', prefixListId: (ctx.id(listRef) ?? String(listRef)) as never });
  for (const p of ctx.ids(values.prefix_list_ids)) peers.push({ type: 'prefixList', prefixListId: p as never });
  return peers.map((peer) => ({ protocol, ports, peer, description }));
}

// --- routes -------------------------------------------------------------------------------

/** The route argument that names each kind of target (the `route` block of aws_route_table). */
const ROUTE_TARGET_ARGUMENT: Record<string, { argument: string; attribute: string }> = {
  internetGateway: { argument: 'gateway_id', attribute: 'id' },
  virtualPrivateGateway: { argument: 'gateway_id', attribute: 'id' },
  natGateway: { argument: 'nat_gateway_id', attribute: 'id' },
  transitGateway: { argument: 'transit_gateway_id', attribute: 'id' },
  vpcPeeringConnection: { argument: 'vpc_peering_connection_id', attribute: 'id' },
  ec2Instance: { argument: 'network_interface_id', attribute: 'primary_network_interface_id' },
  vpcEndpoint: { argument: 'vpc_endpoint_id', attribute: 'id' },
};
const ROUTE_TARGET_ARGUMENTS = [...new Set(Object.values(ROUTE_TARGET_ARGUMENT).map((t) => t.argument))];

function routeBlocks(routes: readonly Route[], ctx: EncodeContext): HclBody {
  return routes
    .filter((r) => r.target !== 'local')
    .map((route) => {
      const target = ctx.design.resources[route.target];
      const how = target ? ROUTE_TARGET_ARGUMENT[target.kind] : undefined;
      const destination = ctx.design.resources[route.destination];
      return block(
        'route',
        [],
        [
          destination?.kind === 'managedPrefixList'
            ? attr('destination_prefix_list_id', ctx.ref(route.destination))
            : attr('cidr_block', route.destination),
          attr(how?.argument ?? 'gateway_id', ctx.ref(route.target, how?.attribute)),
        ],
      );
    });
}

function routesOf(
  resource: TfResource,
  ctx: DecodeContext,
  vpcId: string | null,
  vpcCidrs: (id: string) => string[],
): Route[] {
  const local: Route[] = vpcId ? vpcCidrs(vpcId).map((cidr) => ({ destination: cidr, target: 'local' })) : [];
  const routes = list(resource.values.route).map((route): Route => {
    const argument = ROUTE_TARGET_ARGUMENTS.find((a) => route[a] !== undefined && route[a] !== null && route[a] !== '');
    const targetValue = argument ? route[argument] : undefined;
    const target =
      (targetValue !== undefined ? ctx.id(targetValue) : null) ??
      (typeof targetValue === 'string' ? targetValue : 'local');
    const prefixList = route.destination_prefix_list_id;
    const destination =
      prefixList !== undefined && prefixList !== null && prefixList !== ''
        ? (ctx.id(prefixList) ?? String(prefixList))
        : typeof route.cidr_block === 'string'
          ? route.cidr_block
          : '0.0.0.0/0';
    return { destination, target: target as never };
  });
  return [...local, ...routes];
}

const isIpv4 = (value: unknown): boolean => typeof value === 'string' && /^\d{1,3}(\.\d{1,3}){3}$/.test(value);

// --- the table ------------------------------------------------------------------------------

/** Lambda runtimes as Nimbus names them → AWS's runtime identifiers. */
const lambdaRuntime = (runtime: string): string => /\((provided\.al2023)\)/.exec(runtime)?.[1] ?? runtime;

/** What invokes a function, as the principal of its resource-based policy (AWS Lambda Developer Guide, "Using resource-based policies"). */
const TRIGGER_PRINCIPAL: Record<string, string> = {
  apiGateway: 'apigateway.amazonaws.com',
  s3: 's3.amazonaws.com',
  eventBridgeSchedule: 'scheduler.amazonaws.com',
};

const mapsBack = <T extends string>(table: Record<T, string>, value: unknown, fallback: T): T =>
  (Object.keys(table) as T[]).find((k) => table[k] === value) ?? fallback;

/** Names AWS allows for load balancers and target groups: letters, digits and hyphens, at most 32. */
const elbName = (name: string, fallback: string): string =>
  name
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32) || fallback;

export function createMappings(vpcCidrs: (vpcId: string) => string[]): KindMappings {
  return {
    region: sidecarOnly('the `provider "aws"` region; the Region itself is kept in the sidecar'),
    availabilityZone: sidecarOnly("each subnet's `availability_zone`; the zone itself is kept in the sidecar"),
    internet: sidecarOnly('not an AWS resource; kept in the sidecar'),
    onPremisesNetwork: sidecarOnly('outside AWS; kept in the sidecar'),
    vpc: {
      types: ['aws_vpc'],
      parts: ['aws_vpc_ipv4_cidr_block_association'],
      typeOf: () => 'aws_vpc',
      encode: (r, ctx) => ({
        body: [attr('cidr_block', r.cidr), attr('tags', ctx.tags(r))],
        secondary: r.secondaryCidrs.map((cidr, i) => ({
          type: 'aws_vpc_ipv4_cidr_block_association',
          suffix: `cidr_${i + 1}`,
          body: [attr('vpc_id', ctx.ref(r.id)), attr('cidr_block', cidr)],
        })),
      }),
      decode: (r, ctx) => ({
        name: ctx.name(r),
        regionId: ctx.regionId(),
        cidr: ctx.str(r, 'cidr_block', '10.0.0.0/16'),
        secondaryCidrs: ctx
          .children('aws_vpc_ipv4_cidr_block_association', 'vpc_id', r.address)
          .map((c) => ctx.str(c, 'cidr_block', '')),
      }),
    },
    subnet: {
      types: ['aws_subnet'],
      typeOf: () => 'aws_subnet',
      encode: (r, ctx) => ({
        body: [
          attr('vpc_id', ctx.ref(r.vpcId)),
          attr('cidr_block', r.cidr),
          attr('availability_zone', ctx.zoneName(r.azId)),
          attr('map_public_ip_on_launch', r.mapPublicIpOnLaunch),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => {
        const vpcId = ctx.id(r.values.vpc_id);
        return {
          name: ctx.name(r),
          vpcId: vpcId ?? '',
          azId: ctx.azId(ctx.str(r, 'availability_zone', 'us-east-1a'), vpcId),
          cidr: ctx.str(r, 'cidr_block', ''),
          mapPublicIpOnLaunch: ctx.bool(r, 'map_public_ip_on_launch', false),
        };
      },
    },
    internetGateway: {
      types: ['aws_internet_gateway'],
      typeOf: () => 'aws_internet_gateway',
      encode: (r, ctx) => ({
        body: [...present(r.vpcId, (v) => [attr('vpc_id', ctx.ref(v))]), attr('tags', ctx.tags(r))],
      }),
      decode: (r, ctx) => ({ name: ctx.name(r), vpcId: ctx.id(r.values.vpc_id) }),
    },
    natGateway: {
      types: ['aws_nat_gateway'],
      typeOf: () => 'aws_nat_gateway',
      encode: (r, ctx) => ({
        body: [
          attr('subnet_id', ctx.ref(r.subnetId)),
          ...(r.elasticIpId ? [attr('allocation_id', ctx.ref(r.elasticIpId))] : [attr('connectivity_type', 'private')]),
          ...(r.privateIp ? [attr('private_ip', r.privateIp)] : []),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => ({
        name: ctx.name(r),
        subnetId: ctx.id(r.values.subnet_id) ?? '',
        elasticIpId: ctx.id(r.values.allocation_id),
        privateIp: ctx.str(r, 'private_ip', ''),
      }),
    },
    elasticIp: {
      types: ['aws_eip'],
      note: 'the public address is known after apply: in the outputs, and kept in the sidecar',
      typeOf: () => 'aws_eip',
      encode: (r, ctx) => ({ body: [attr('domain', 'vpc'), attr('tags', ctx.tags(r))] }),
      decode: (r, ctx) => ({ name: ctx.name(r), publicIp: ctx.str(r, 'public_ip', '') }),
    },
    virtualPrivateGateway: {
      types: ['aws_vpn_gateway'],
      typeOf: () => 'aws_vpn_gateway',
      encode: (r, ctx) => ({
        body: [
          ...present(r.vpcId, (v) => [attr('vpc_id', ctx.ref(v))]),
          attr('amazon_side_asn', String(r.amazonSideAsn)),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => ({
        name: ctx.name(r),
        vpcId: ctx.id(r.values.vpc_id),
        amazonSideAsn: ctx.num(r, 'amazon_side_asn', 64512),
      }),
    },
    customerGateway: {
      types: ['aws_customer_gateway'],
      note: 'its on-premises network is kept in the sidecar',
      typeOf: () => 'aws_customer_gateway',
      encode: (r, ctx) => ({
        body: [
          attr('bgp_asn', String(r.bgpAsn)),
          attr('ip_address', r.ipAddress),
          attr('type', 'ipsec.1'),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => ({
        name: ctx.name(r),
        ipAddress: ctx.str(r, 'ip_address', ''),
        bgpAsn: ctx.num(r, 'bgp_asn', 65000),
        onPremisesNetworkId: null,
      }),
    },
    vpnConnection: {
      types: ['aws_vpn_connection'],
      parts: ['aws_vpn_connection_route'],
      typeOf: () => 'aws_vpn_connection',
      encode: (r, ctx) => ({
        body: [
          attr('vpn_gateway_id', ctx.ref(r.vpnGatewayId)),
          attr('customer_gateway_id', ctx.ref(r.customerGatewayId)),
          attr('type', 'ipsec.1'),
          attr('static_routes_only', r.routing === 'static'),
          attr('tags', ctx.tags(r)),
        ],
        secondary: r.staticRoutes.map((cidr, i) => ({
          type: 'aws_vpn_connection_route',
          suffix: `route_${i + 1}`,
          body: [attr('vpn_connection_id', ctx.ref(r.id)), attr('destination_cidr_block', cidr)],
        })),
      }),
      decode: (r, ctx) => ({
        name: ctx.name(r),
        vpnGatewayId: ctx.id(r.values.vpn_gateway_id) ?? '',
        customerGatewayId: ctx.id(r.values.customer_gateway_id) ?? '',
        routing: ctx.bool(r, 'static_routes_only', false) ? 'static' : 'dynamic',
        staticRoutes: ctx
          .children('aws_vpn_connection_route', 'vpn_connection_id', r.address)
          .map((c) => ctx.str(c, 'destination_cidr_block', '')),
      }),
    },
    clientVpnEndpoint: {
      types: ['aws_ec2_client_vpn_endpoint'],
      parts: [
        'aws_ec2_client_vpn_network_association',
        'aws_ec2_client_vpn_authorization_rule',
        'aws_ec2_client_vpn_route',
      ],
      typeOf: () => 'aws_ec2_client_vpn_endpoint',
      encode: (r, ctx) => {
        const endpoint = ctx.ref(r.id);
        const secondary: SecondaryBlock[] = [
          ...r.targetSubnetIds.map((subnet, i) => ({
            type: 'aws_ec2_client_vpn_network_association',
            suffix: `subnet_${i + 1}`,
            body: [attr('client_vpn_endpoint_id', endpoint), attr('subnet_id', ctx.ref(subnet))],
          })),
          ...r.authorizationRules.map((rule, i) => ({
            type: 'aws_ec2_client_vpn_authorization_rule',
            suffix: `rule_${i + 1}`,
            body: [
              attr('client_vpn_endpoint_id', endpoint),
              attr('target_network_cidr', rule.destinationCidr),
              ...(rule.accessGroup
                ? [attr('access_group_id', rule.accessGroup)]
                : [attr('authorize_all_groups', true)]),
            ],
          })),
          ...r.routes.map((route, i) => ({
            type: 'aws_ec2_client_vpn_route',
            suffix: `route_${i + 1}`,
            body: [
              attr('client_vpn_endpoint_id', endpoint),
              attr('destination_cidr_block', route.destinationCidr),
              attr('target_vpc_subnet_id', ctx.ref(route.targetSubnetId)),
            ],
          })),
        ];
        return {
          body: [
            attr('description', r.name),
            attr('client_cidr_block', r.clientCidr),
            attr(
              'server_certificate_arn',
              ctx.variable('client_vpn_server_certificate_arn', 'ACM certificate of the Client VPN endpoint'),
            ),
            attr('vpc_id', ctx.ref(r.vpcId)),
            attr('security_group_ids', ctx.refs(r.securityGroupIds)),
            attr('split_tunnel', r.splitTunnel),
            block(
              'authentication_options',
              [],
              [
                attr('type', 'certificate-authentication'),
                attr(
                  'root_certificate_chain_arn',
                  ctx.variable('client_vpn_root_certificate_arn', 'ACM certificate of the client root CA'),
                ),
              ],
            ),
            block('connection_log_options', [], [attr('enabled', false)]),
            attr('tags', ctx.tags(r)),
          ],
          secondary,
        };
      },
      decode: (r, ctx) => ({
        name: ctx.name(r),
        vpcId: ctx.id(r.values.vpc_id) ?? '',
        clientCidr: ctx.str(r, 'client_cidr_block', ''),
        targetSubnetIds: ctx
          .children('aws_ec2_client_vpn_network_association', 'client_vpn_endpoint_id', r.address)
          .map((c) => ctx.id(c.values.subnet_id))
          .filter((id): id is string => id !== null),
        securityGroupIds: ctx.ids(r.values.security_group_ids),
        authorizationRules: ctx
          .children('aws_ec2_client_vpn_authorization_rule', 'client_vpn_endpoint_id', r.address)
          .map((c) => ({
            destinationCidr: ctx.str(c, 'target_network_cidr', ''),
            accessGroup: typeof c.values.access_group_id === 'string' ? c.values.access_group_id : null,
          })),
        routes: ctx.children('aws_ec2_client_vpn_route', 'client_vpn_endpoint_id', r.address).map((c) => ({
          destinationCidr: ctx.str(c, 'destination_cidr_block', ''),
          targetSubnetId: ctx.id(c.values.target_vpc_subnet_id) ?? '',
        })),
        splitTunnel: ctx.bool(r, 'split_tunnel', false),
      }),
    },
    directConnectConnection: {
      types: ['aws_dx_connection'],
      note: 'its gateway and on-premises network are kept in the sidecar (a Direct Connect gateway association is not drawn)',
      typeOf: () => 'aws_dx_connection',
      encode: (r, ctx) => ({
        body: [
          attr('name', r.name),
          attr('bandwidth', r.bandwidth),
          attr('location', r.location),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => ({
        name: ctx.name(r),
        location: ctx.str(r, 'location', ''),
        bandwidth: ctx.str(r, 'bandwidth', '1Gbps') === '10Gbps' ? '10Gbps' : '1Gbps',
        vpnGatewayId: null,
        onPremisesNetworkId: null,
      }),
    },
    routeTable: {
      types: ['aws_route_table', 'aws_default_route_table'],
      parts: ['aws_route_table_association'],
      note: 'the main table as `aws_default_route_table`; routes inline',
      typeOf: (r) => (r.main ? 'aws_default_route_table' : 'aws_route_table'),
      encode: (r, ctx) => ({
        body: [
          r.main
            ? attr('default_route_table_id', ctx.ref(r.vpcId, 'default_route_table_id'))
            : attr('vpc_id', ctx.ref(r.vpcId)),
          ...routeBlocks(r.routes, ctx),
          ...(r.propagatingGatewayIds.length > 0 ? [attr('propagating_vgws', ctx.refs(r.propagatingGatewayIds))] : []),
          attr('tags', ctx.tags(r)),
        ],
        secondary: r.subnetIds.map((subnet, i) => ({
          type: 'aws_route_table_association',
          suffix: `subnet_${i + 1}`,
          body: [attr('subnet_id', ctx.ref(subnet)), attr('route_table_id', ctx.ref(r.id))],
        })),
      }),
      decode: (r, ctx) => {
        const main = r.type === 'aws_default_route_table';
        const vpcId = ctx.id(r.values.vpc_id) ?? (main ? ctx.id(r.values.default_route_table_id) : null);
        return {
          name: ctx.name(r),
          vpcId: vpcId ?? '',
          main,
          routes: routesOf(r, ctx, vpcId, vpcCidrs),
          subnetIds: ctx
            .children('aws_route_table_association', 'route_table_id', r.address)
            .map((c) => ctx.id(c.values.subnet_id))
            .filter((id): id is string => id !== null),
          propagatingGatewayIds: ctx.ids(r.values.propagating_vgws),
        };
      },
    },
    networkAcl: {
      types: ['aws_network_acl', 'aws_default_network_acl'],
      parts: ['aws_network_acl_rule'],
      note: "the VPC's default ACL as `aws_default_network_acl` (rules inline, the only way it takes them); others with one `aws_network_acl_rule` a rule",
      typeOf: (r) => (r.isDefault ? 'aws_default_network_acl' : 'aws_network_acl'),
      encode: (r, ctx) => {
        if (r.isDefault)
          return {
            body: [
              attr('default_network_acl_id', ctx.ref(r.vpcId, 'default_network_acl_id')),
              ...r.inbound.map((rule) => block('ingress', [], naclInline(rule))),
              ...r.outbound.map((rule) => block('egress', [], naclInline(rule))),
              attr('subnet_ids', ctx.refs(r.subnetIds)),
              attr('tags', ctx.tags(r)),
            ],
          };
        const acl = ctx.ref(r.id);
        return {
          body: [
            attr('vpc_id', ctx.ref(r.vpcId)),
            attr('subnet_ids', ctx.refs(r.subnetIds)),
            attr('tags', ctx.tags(r)),
          ],
          secondary: [
            ...r.inbound.map((rule, i) => ({
              type: 'aws_network_acl_rule',
              suffix: `in_${i + 1}`,
              body: naclRuleResource(acl, rule, false),
            })),
            ...r.outbound.map((rule, i) => ({
              type: 'aws_network_acl_rule',
              suffix: `out_${i + 1}`,
              body: naclRuleResource(acl, rule, true),
            })),
          ],
        };
      },
      decode: (r, ctx) => {
        const isDefault = r.type === 'aws_default_network_acl';
        const vpcId = ctx.id(r.values.vpc_id) ?? (isDefault ? ctx.id(r.values.default_network_acl_id) : null);
        const rules = isDefault ? [] : ctx.children('aws_network_acl_rule', 'network_acl_id', r.address);
        const inline = (key: string) => list(r.values[key]).map((v) => naclRuleOf(v, 'rule_no', 'action'));
        return {
          name: ctx.name(r),
          vpcId: vpcId ?? '',
          isDefault,
          inbound: [
            ...inline('ingress'),
            ...rules
              .filter((c) => c.values.egress !== true)
              .map((c) => naclRuleOf(c.values, 'rule_number', 'rule_action')),
          ],
          outbound: [
            ...inline('egress'),
            ...rules
              .filter((c) => c.values.egress === true)
              .map((c) => naclRuleOf(c.values, 'rule_number', 'rule_action')),
          ],
          subnetIds: ctx.ids(r.values.subnet_ids),
        };
      },
    },
    securityGroup: {
      types: ['aws_security_group', 'aws_default_security_group'],
      parts: ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'],
      note: "the VPC's default group as `aws_default_security_group` (rules inline, the only way it takes them); others with one `aws_vpc_security_group_ingress_rule`/`egress_rule` a rule",
      typeOf: (r) => (r.isDefault ? 'aws_default_security_group' : 'aws_security_group'),
      encode: (r, ctx) => {
        if (r.isDefault)
          return {
            body: [
              attr('vpc_id', ctx.ref(r.vpcId)),
              ...r.inbound.map((rule) => block('ingress', [], sgInline(rule, ctx, r.id))),
              ...r.outbound.map((rule) => block('egress', [], sgInline(rule, ctx, r.id))),
              attr('tags', ctx.tags(r)),
            ],
          };
        const group = ctx.ref(r.id);
        return {
          body: [
            attr('name', r.name),
            ...(r.description ? [attr('description', r.description)] : []),
            attr('vpc_id', ctx.ref(r.vpcId)),
            attr('tags', ctx.tags(r)),
          ],
          secondary: [
            ...r.inbound.map((rule, i) => ({
              type: 'aws_vpc_security_group_ingress_rule',
              suffix: `in_${i + 1}`,
              body: sgRuleResource(group, rule, ctx),
            })),
            ...r.outbound.map((rule, i) => ({
              type: 'aws_vpc_security_group_egress_rule',
              suffix: `out_${i + 1}`,
              body: sgRuleResource(group, rule, ctx),
            })),
          ],
        };
      },
      decode: (r, ctx) => {
        const isDefault = r.type === 'aws_default_security_group';
        const self = ctx.id(`\${${r.address}.id}`) ?? '';
        const inline = (key: string) =>
          list(r.values[key]).flatMap((v) => sgRuleOf(v, ctx, 'protocol', self, `${r.address} ${key}`));
        const separate = (type: string) =>
          ctx
            .children(type, 'security_group_id', r.address)
            .flatMap((c) => sgRuleOf(c.values, ctx, 'ip_protocol', self, c.address));
        return {
          name: isDefault ? ctx.name(r) : typeof r.values.name === 'string' ? r.values.name : ctx.name(r),
          vpcId: ctx.id(r.values.vpc_id) ?? '',
          isDefault,
          description: isDefault ? 'default VPC security group' : ctx.str(r, 'description', ''),
          inbound: [...inline('ingress'), ...separate('aws_vpc_security_group_ingress_rule')],
          outbound: [...inline('egress'), ...separate('aws_vpc_security_group_egress_rule')],
        };
      },
    },
    ec2Instance: {
      types: ['aws_instance'],
      parts: ['aws_eip_association'],
      note: 'AMIs from their public SSM parameter (`data "aws_ssm_parameter"`) where one exists',
      typeOf: () => 'aws_instance',
      encode: (r, ctx) => ({
        body: [
          attr('ami', ctx.ami(r.amiId)),
          attr('instance_type', r.instanceType),
          attr('subnet_id', ctx.ref(r.subnetId)),
          ...(r.privateIp ? [attr('private_ip', r.privateIp)] : []),
          attr('vpc_security_group_ids', ctx.refs(r.securityGroupIds)),
          attr('associate_public_ip_address', r.publicIp),
          attr('hibernation', r.hibernationEnabled),
          attr('disable_api_termination', r.terminationProtection),
          ...(r.sourceDestCheck !== undefined ? [attr('source_dest_check', r.sourceDestCheck)] : []),
          attr('tags', ctx.tags(r)),
        ],
        secondary: r.elasticIpId
          ? [
              {
                type: 'aws_eip_association',
                suffix: 'eip',
                body: [attr('instance_id', ctx.ref(r.id)), attr('allocation_id', ctx.ref(r.elasticIpId))],
              },
            ]
          : [],
      }),
      decode: (r, ctx) => {
        const eip = ctx.children('aws_eip_association', 'instance_id', r.address)[0];
        return {
          name: ctx.name(r),
          subnetId: ctx.id(r.values.subnet_id) ?? '',
          amiId: ctx.amiId(r.values.ami),
          instanceType: ctx.str(r, 'instance_type', 't3.micro'),
          privateIp: ctx.str(r, 'private_ip', ''),
          // Left out or unknown: the subnet's map_public_ip_on_launch, settled once every resource is read.
          publicIp: ctx.optionalBool(r, 'associate_public_ip_address'),
          publicIpAddress:
            typeof r.values.public_ip === 'string' && r.values.public_ip !== '' ? r.values.public_ip : null,
          elasticIpId: eip ? ctx.id(eip.values.allocation_id) : null,
          securityGroupIds: ctx.ids(r.values.vpc_security_group_ids),
          hibernationEnabled: ctx.bool(r, 'hibernation', false),
          terminationProtection: ctx.bool(r, 'disable_api_termination', false),
          state: 'running',
          ...(typeof r.values.source_dest_check === 'boolean' ? { sourceDestCheck: r.values.source_dest_check } : {}),
        };
      },
    },
    ebsVolume: {
      types: ['aws_ebs_volume'],
      parts: ['aws_volume_attachment'],
      typeOf: () => 'aws_ebs_volume',
      encode: (r, ctx) => ({
        body: [
          attr('availability_zone', ctx.zoneName(r.availabilityZoneId)),
          attr('size', r.sizeGiB),
          attr('type', r.volumeType),
          attr('tags', ctx.tags(r)),
        ],
        secondary: r.attachedInstanceId
          ? [
              {
                type: 'aws_volume_attachment',
                suffix: 'attachment',
                body: [
                  attr('device_name', '/dev/sdf'),
                  attr('volume_id', ctx.ref(r.id)),
                  attr('instance_id', ctx.ref(r.attachedInstanceId)),
                ],
              },
            ]
          : [],
      }),
      decode: (r, ctx) => {
        const attachment = ctx.children('aws_volume_attachment', 'volume_id', r.address)[0];
        return {
          name: ctx.name(r),
          availabilityZoneId: ctx.azId(ctx.str(r, 'availability_zone', 'us-east-1a'), null),
          volumeType: ctx.str(r, 'type', 'gp3'),
          sizeGiB: ctx.num(r, 'size', 8),
          attachedInstanceId: attachment ? ctx.id(attachment.values.instance_id) : null,
          deleteOnTermination: false,
        };
      },
    },
    ecsCluster: {
      types: ['aws_ecs_cluster'],
      typeOf: () => 'aws_ecs_cluster',
      encode: (r, ctx) => ({ body: [attr('name', r.name), attr('tags', ctx.tags(r))] }),
      decode: (r, ctx) => ({ name: ctx.name(r), regionId: ctx.regionId() }),
    },
    ecsService: {
      types: ['aws_ecs_service'],
      note: 'task size and load are kept in the sidecar (no task definition is written)',
      typeOf: () => 'aws_ecs_service',
      encode: (r, ctx) => ({
        body: [
          attr('name', r.name),
          attr('cluster', ctx.ref(r.clusterId)),
          attr('launch_type', r.launchType),
          attr('desired_count', r.desiredCount),
          block(
            'network_configuration',
            [],
            [attr('subnets', ctx.refs(r.subnetIds)), attr('security_groups', ctx.refs(r.securityGroupIds))],
          ),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => {
        const network = list(r.values.network_configuration)[0] ?? {};
        return {
          name: ctx.name(r),
          clusterId: ctx.id(r.values.cluster) ?? '',
          launchType: ctx.str(r, 'launch_type', 'FARGATE') === 'EC2' ? 'EC2' : 'FARGATE',
          taskCpu: 256,
          taskMemory: 512,
          desiredCount: ctx.num(r, 'desired_count', 1),
          subnetIds: ctx.ids(network.subnets),
          securityGroupIds: ctx.ids(network.security_groups),
        };
      },
    },
    eksCluster: {
      types: ['aws_eks_cluster'],
      note: 'Fargate profiles, deployments and compute are kept in the sidecar',
      typeOf: () => 'aws_eks_cluster',
      encode: (r, ctx) => ({
        body: [
          attr('name', r.name),
          attr('role_arn', ctx.variable('eks_cluster_role_arn', 'IAM role of the EKS cluster')),
          attr('version', r.kubernetesVersion),
          block('vpc_config', [], [attr('subnet_ids', ctx.refs(r.subnetIds))]),
          block('upgrade_policy', [], [attr('support_type', r.upgradePolicy)]),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => {
        const vpc = list(r.values.vpc_config)[0] ?? {};
        const policy = list(r.values.upgrade_policy)[0] ?? {};
        return {
          name: ctx.name(r),
          regionId: ctx.regionId(),
          kubernetesVersion: ctx.str(r, 'version', '1.34'),
          upgradePolicy: policy.support_type === 'EXTENDED' ? 'EXTENDED' : 'STANDARD',
          subnetIds: ctx.ids(vpc.subnet_ids),
        };
      },
    },
    eksNodeGroup: {
      types: ['aws_eks_node_group'],
      typeOf: () => 'aws_eks_node_group',
      encode: (r, ctx) => ({
        body: [
          attr('cluster_name', ctx.ref(r.clusterId, 'name')),
          attr('node_group_name', r.name),
          attr('node_role_arn', ctx.variable('eks_node_role_arn', 'IAM role of the EKS nodes')),
          attr('subnet_ids', ctx.refs(r.subnetIds)),
          attr('instance_types', [r.instanceType]),
          attr('ami_type', r.amiType),
          attr('disk_size', r.diskSizeGiB),
          block(
            'scaling_config',
            [],
            [attr('min_size', r.minSize), attr('desired_size', r.desiredSize), attr('max_size', r.maxSize)],
          ),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => {
        const scaling = inner(r, list(r.values.scaling_config)[0] ?? {}, 'scaling_config');
        return {
          name: ctx.name(r),
          clusterId: ctx.id(r.values.cluster_name) ?? '',
          subnetIds: ctx.ids(r.values.subnet_ids),
          instanceType: strings(r.values.instance_types)[0] ?? 't3.medium',
          amiType: ctx.str(r, 'ami_type', 'AL2023_x86_64_STANDARD'),
          minSize: ctx.num(scaling, 'min_size', 1),
          desiredSize: ctx.num(scaling, 'desired_size', 1),
          maxSize: ctx.num(scaling, 'max_size', 1),
          diskSizeGiB: ctx.num(r, 'disk_size', 20),
          securityGroupIds: [],
        };
      },
    },
    lambdaFunction: {
      types: ['aws_lambda_function'],
      note: 'duration, error rate and provisioned concurrency are kept in the sidecar',
      typeOf: () => 'aws_lambda_function',
      encode: (r, ctx) => ({
        body: [
          attr('function_name', r.name),
          attr('role', ctx.variable('lambda_role_arn', 'IAM execution role of the Lambda functions')),
          attr('runtime', lambdaRuntime(r.runtime)),
          attr('handler', 'index.handler'),
          attr('filename', 'function.zip'),
          attr('architectures', [r.architecture]),
          attr('memory_size', r.memoryMb),
          attr('timeout', r.timeoutSeconds),
          ...(r.reservedConcurrency !== null ? [attr('reserved_concurrent_executions', r.reservedConcurrency)] : []),
          ...(r.vpcConfig
            ? [
                block(
                  'vpc_config',
                  [],
                  [
                    attr('subnet_ids', ctx.refs(r.vpcConfig.subnetIds)),
                    attr('security_group_ids', ctx.refs(r.vpcConfig.securityGroupIds)),
                  ],
                ),
              ]
            : []),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => {
        const vpc = list(r.values.vpc_config)[0];
        const runtime = ctx.str(r, 'runtime', 'nodejs22.x');
        const reserved = r.values.reserved_concurrent_executions;
        return {
          name: ctx.name(r),
          regionId: ctx.regionId(),
          runtime: runtime === 'provided.al2023' ? 'go (provided.al2023)' : runtime,
          architecture: strings(r.values.architectures)[0] === 'arm64' ? 'arm64' : 'x86_64',
          memoryMb: ctx.num(r, 'memory_size', 128),
          timeoutSeconds: ctx.num(r, 'timeout', 3),
          averageDurationMs: 100,
          reservedConcurrency: typeof reserved === 'number' && reserved >= 0 ? reserved : null,
          vpcConfig: vpc
            ? { subnetIds: ctx.ids(vpc.subnet_ids), securityGroupIds: ctx.ids(vpc.security_group_ids) }
            : null,
        };
      },
    },
    lambdaTrigger: {
      types: ['aws_lambda_permission', 'aws_lambda_event_source_mapping'],
      note: 'SQS as an event source mapping, the others as the permission their service needs; event rates are kept in the sidecar',
      typeOf: (r) => (r.source === 'sqs' ? 'aws_lambda_event_source_mapping' : 'aws_lambda_permission'),
      encode: (r, ctx) =>
        r.source === 'sqs'
          ? {
              body: [
                attr('function_name', ctx.ref(r.functionId, 'arn')),
                attr(
                  'event_source_arn',
                  ctx.variable('sqs_queue_arn', 'ARN of the SQS queue that triggers the function'),
                ),
                attr('tags', ctx.tags(r)),
              ],
            }
          : {
              body: [
                attr('action', 'lambda:InvokeFunction'),
                attr('function_name', ctx.ref(r.functionId, 'function_name')),
                attr('principal', TRIGGER_PRINCIPAL[r.source] ?? 'apigateway.amazonaws.com'),
              ],
            },
      decode: (r, ctx) => ({
        name: ctx.name(r),
        functionId: ctx.id(r.values.function_name) ?? '',
        source:
          r.type === 'aws_lambda_event_source_mapping'
            ? 'sqs'
            : mapsBack(
                TRIGGER_PRINCIPAL as Record<'apiGateway' | 's3' | 'eventBridgeSchedule', string>,
                r.values.principal,
                'apiGateway',
              ),
      }),
    },
    vpcPeeringConnection: {
      types: ['aws_vpc_peering_connection'],
      typeOf: () => 'aws_vpc_peering_connection',
      encode: (r, ctx) => ({
        body: [
          attr('vpc_id', ctx.ref(r.requesterVpcId)),
          attr('peer_vpc_id', ctx.ref(r.accepterVpcId)),
          attr('auto_accept', true),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => ({
        name: ctx.name(r),
        requesterVpcId: ctx.id(r.values.vpc_id) ?? '',
        accepterVpcId: ctx.id(r.values.peer_vpc_id) ?? '',
        status: 'active',
      }),
    },
    transitGateway: {
      types: ['aws_ec2_transit_gateway'],
      note: 'its route tables and routes are kept in the sidecar',
      typeOf: () => 'aws_ec2_transit_gateway',
      encode: (r, ctx) => ({
        body: [
          attr('description', r.name),
          attr('amazon_side_asn', r.amazonSideAsn),
          attr('default_route_table_association', 'disable'),
          attr('default_route_table_propagation', 'disable'),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => ({
        name: ctx.name(r),
        regionId: ctx.regionId(),
        amazonSideAsn: ctx.num(r, 'amazon_side_asn', 64512),
      }),
    },
    transitGatewayAttachment: {
      types: ['aws_ec2_transit_gateway_vpc_attachment', 'aws_ec2_transit_gateway_peering_attachment'],
      note: 'a VPN attachment (made by its VPN connection in AWS) is kept in the sidecar',
      typeOf: (r) =>
        r.type === 'vpc'
          ? 'aws_ec2_transit_gateway_vpc_attachment'
          : r.type === 'peering'
            ? 'aws_ec2_transit_gateway_peering_attachment'
            : null,
      encode: (r, ctx) =>
        r.type === 'vpc'
          ? {
              body: [
                attr('transit_gateway_id', ctx.ref(r.transitGatewayId)),
                attr('vpc_id', ctx.ref(r.vpcId)),
                attr('subnet_ids', ctx.refs(r.subnetIds)),
                attr('tags', ctx.tags(r)),
              ],
            }
          : {
              body: [
                attr('transit_gateway_id', ctx.ref(r.transitGatewayId)),
                attr('peer_transit_gateway_id', ctx.ref(r.peerTransitGatewayId)),
                attr('peer_region', ctx.variable('peer_region', 'Region of the peer transit gateway')),
                attr('tags', ctx.tags(r)),
              ],
            },
      decode: (r, ctx) =>
        r.type === 'aws_ec2_transit_gateway_vpc_attachment'
          ? {
              name: ctx.name(r),
              transitGatewayId: ctx.id(r.values.transit_gateway_id) ?? '',
              type: 'vpc',
              vpcId: ctx.id(r.values.vpc_id),
              subnetIds: ctx.ids(r.values.subnet_ids),
            }
          : {
              name: ctx.name(r),
              transitGatewayId: ctx.id(r.values.transit_gateway_id) ?? '',
              type: 'peering',
              peerTransitGatewayId: ctx.id(r.values.peer_transit_gateway_id),
            },
    },
    managedPrefixList: {
      types: ['aws_ec2_managed_prefix_list'],
      note: "AWS-managed lists (a service's) are AWS's to create: kept in the sidecar",
      typeOf: (r) => (r.ownedBy === 'customer' ? 'aws_ec2_managed_prefix_list' : null),
      encode: (r, ctx) => ({
        body: [
          attr('name', r.prefixListName || r.name),
          attr('address_family', 'IPv4'),
          attr('max_entries', r.maxEntries),
          ...r.cidrs.map((cidr) => block('entry', [], [attr('cidr', cidr)])),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => ({
        name: ctx.name(r),
        regionId: ctx.regionId(),
        prefixListName: ctx.str(r, 'name', ''),
        ownedBy: 'customer',
        cidrs: list(r.values.entry).map((e) => (typeof e.cidr === 'string' ? e.cidr : '')),
        maxEntries: ctx.num(r, 'max_entries', 10),
      }),
    },
    vpcEndpoint: {
      types: ['aws_vpc_endpoint'],
      typeOf: () => 'aws_vpc_endpoint',
      encode: (r, ctx) => ({
        body: [
          attr('vpc_id', ctx.ref(r.vpcId)),
          attr('service_name', r.serviceName),
          attr('vpc_endpoint_type', r.type === 'gateway' ? 'Gateway' : 'Interface'),
          ...(r.type === 'gateway'
            ? [attr('route_table_ids', ctx.refs(r.routeTableIds))]
            : [attr('subnet_ids', ctx.refs(r.subnetIds)), attr('security_group_ids', ctx.refs(r.securityGroupIds))]),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => ({
        name: ctx.name(r),
        vpcId: ctx.id(r.values.vpc_id) ?? '',
        type: ctx.str(r, 'vpc_endpoint_type', 'Gateway') === 'Interface' ? 'interface' : 'gateway',
        serviceName: ctx.str(r, 'service_name', ''),
        routeTableIds: ctx.ids(r.values.route_table_ids),
        subnetIds: ctx.ids(r.values.subnet_ids),
        securityGroupIds: ctx.ids(r.values.security_group_ids),
      }),
    },
    loadBalancer: {
      types: ['aws_lb'],
      parts: ['aws_lb_listener'],
      typeOf: () => 'aws_lb',
      encode: (r, ctx) => ({
        body: [
          attr('name', elbName(r.name, 'lb')),
          attr('load_balancer_type', r.type),
          attr('internal', r.scheme === 'internal'),
          ...(r.securityGroupIds.length > 0 ? [attr('security_groups', ctx.refs(r.securityGroupIds))] : []),
          attr('enable_cross_zone_load_balancing', r.crossZone),
          ...r.subnetMappings.map((m) =>
            block(
              'subnet_mapping',
              [],
              [
                attr('subnet_id', ctx.ref(m.subnetId)),
                ...(m.privateIp ? [attr('private_ipv4_address', m.privateIp)] : []),
                ...(m.elasticIpId ? [attr('allocation_id', ctx.ref(m.elasticIpId))] : []),
              ],
            ),
          ),
          attr('tags', ctx.tags(r)),
        ],
        secondary: r.listeners.map((l, i) => ({
          type: 'aws_lb_listener',
          suffix: `listener_${i + 1}`,
          body: [
            attr('load_balancer_arn', ctx.ref(r.id, 'arn')),
            attr('port', l.port),
            attr('protocol', l.protocol),
            l.targetGroupId
              ? block(
                  'default_action',
                  [],
                  [attr('type', 'forward'), attr('target_group_arn', ctx.ref(l.targetGroupId, 'arn'))],
                )
              : block(
                  'default_action',
                  [],
                  [
                    attr('type', 'fixed-response'),
                    block('fixed_response', [], [attr('content_type', 'text/plain'), attr('status_code', '503')]),
                  ],
                ),
          ],
        })),
      }),
      decode: (r, ctx) => ({
        name: ctx.name(r),
        type: ctx.str(r, 'load_balancer_type', 'application') === 'network' ? 'network' : 'application',
        scheme: ctx.bool(r, 'internal', false) ? 'internal' : 'internet-facing',
        // Settled from its subnets once every resource is read.
        vpcId: '',
        subnetMappings: list(r.values.subnet_mapping).map((m) => ({
          subnetId: ctx.id(m.subnet_id) ?? '',
          privateIp:
            typeof m.private_ipv4_address === 'string' && m.private_ipv4_address ? m.private_ipv4_address : null,
          elasticIpId: m.allocation_id ? ctx.id(m.allocation_id) : null,
        })),
        securityGroupIds: ctx.ids(r.values.security_groups),
        listeners: ctx.children('aws_lb_listener', 'load_balancer_arn', r.address).map((l) => {
          const action = list(l.values.default_action)[0] ?? {};
          const protocol = ctx.str(l, 'protocol', 'HTTP');
          return {
            protocol,
            port: ctx.num(l, 'port', 80),
            targetGroupId: action.type === 'forward' ? ctx.id(action.target_group_arn) : null,
          };
        }),
        crossZone: ctx.bool(r, 'enable_cross_zone_load_balancing', false),
      }),
    },
    targetGroup: {
      types: ['aws_lb_target_group'],
      parts: ['aws_lb_target_group_attachment'],
      typeOf: () => 'aws_lb_target_group',
      encode: (r, ctx) => ({
        body: [
          attr('name', elbName(r.name, 'tg')),
          attr('vpc_id', ctx.ref(r.vpcId)),
          attr('target_type', r.targetType),
          ...(r.targetType === 'lambda' ? [] : [attr('port', r.port), attr('protocol', r.protocol)]),
          attr('deregistration_delay', String(r.deregistrationDelaySeconds)),
          ...(r.preserveClientIp === true || r.preserveClientIp === false
            ? [attr('preserve_client_ip', String(r.preserveClientIp))]
            : []),
          block(
            'health_check',
            [],
            [
              attr('enabled', r.healthCheck.enabled),
              attr('protocol', r.healthCheck.protocol),
              ...(r.healthCheck.protocol === 'TCP' ? [] : [attr('path', r.healthCheck.path)]),
              attr('port', String(r.healthCheck.port)),
              attr('interval', r.healthCheck.intervalSeconds),
              attr('timeout', r.healthCheck.timeoutSeconds),
              attr('healthy_threshold', r.healthCheck.healthyThreshold),
              attr('unhealthy_threshold', r.healthCheck.unhealthyThreshold),
            ],
          ),
          attr('tags', ctx.tags(r)),
        ],
        secondary: [
          ...r.targetIds.map((id, i) => ({
            type: 'aws_lb_target_group_attachment',
            suffix: `target_${i + 1}`,
            body: [
              attr('target_group_arn', ctx.ref(r.id, 'arn')),
              attr('target_id', ctx.ref(id, ctx.design.resources[id]?.kind === 'lambdaFunction' ? 'arn' : 'id')),
            ],
          })),
          ...r.targetIps.map((ip, i) => ({
            type: 'aws_lb_target_group_attachment',
            suffix: `ip_${i + 1}`,
            body: [attr('target_group_arn', ctx.ref(r.id, 'arn')), attr('target_id', ip), attr('port', r.port)],
          })),
        ],
      }),
      decode: (r, ctx) => {
        const hc = inner(r, list(r.values.health_check)[0] ?? {}, 'health_check');
        const attachments = ctx.children('aws_lb_target_group_attachment', 'target_group_arn', r.address);
        const port = hc.values.port;
        const preserve = r.values.preserve_client_ip;
        return {
          name: ctx.name(r),
          vpcId: ctx.id(r.values.vpc_id) ?? '',
          targetType: ctx.str(r, 'target_type', 'instance'),
          protocol: ctx.str(r, 'protocol', 'HTTP'),
          port: ctx.num(r, 'port', 80),
          healthCheck: {
            enabled: ctx.bool(hc, 'enabled', true),
            protocol: ctx.str(hc, 'protocol', 'HTTP'),
            path: ctx.str(hc, 'path', '/'),
            port: port === undefined || port === 'traffic-port' ? 'traffic-port' : Number(port),
            intervalSeconds: ctx.num(hc, 'interval', 30),
            timeoutSeconds: ctx.num(hc, 'timeout', 5),
            healthyThreshold: ctx.num(hc, 'healthy_threshold', 5),
            unhealthyThreshold: ctx.num(hc, 'unhealthy_threshold', 2),
          },
          targetIds: attachments
            .filter((a) => !isIpv4(a.values.target_id))
            .map((a) => ctx.id(a.values.target_id))
            .filter((id): id is string => id !== null),
          targetIps: attachments.filter((a) => isIpv4(a.values.target_id)).map((a) => a.values.target_id as string),
          deregistrationDelaySeconds: ctx.num(r, 'deregistration_delay', 300),
          ...(preserve === 'true' || preserve === 'false' || typeof preserve === 'boolean'
            ? { preserveClientIp: String(preserve) === 'true' }
            : {}),
        };
      },
    },
    launchTemplate: {
      types: ['aws_launch_template'],
      typeOf: () => 'aws_launch_template',
      encode: (r, ctx) => ({
        body: [
          attr('name', r.name.replace(/[^A-Za-z0-9()./_-]+/g, '-') || 'template'),
          attr('image_id', ctx.ami(r.amiId)),
          attr('instance_type', r.instanceType),
          block(
            'network_interfaces',
            [],
            [
              attr('associate_public_ip_address', String(r.associatePublicIp)),
              attr('security_groups', ctx.refs(r.securityGroupIds)),
            ],
          ),
          block(
            'tag_specifications',
            [],
            [attr('resource_type', 'instance'), attr('tags', new HclMap({ Name: r.instanceName }))],
          ),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => {
        const nic = list(r.values.network_interfaces)[0] ?? {};
        const spec = list(r.values.tag_specifications)[0];
        const specTags =
          spec && typeof spec.tags === 'object' && spec.tags !== null ? (spec.tags as Record<string, unknown>) : {};
        return {
          name: ctx.name(r),
          regionId: ctx.regionId(),
          amiId: ctx.amiId(r.values.image_id),
          instanceType: ctx.str(r, 'instance_type', 't3.micro'),
          securityGroupIds: [...ctx.ids(nic.security_groups), ...ctx.ids(r.values.vpc_security_group_ids)],
          associatePublicIp: String(nic.associate_public_ip_address) === 'true',
          instanceName: typeof specTags.Name === 'string' ? specTags.Name : 'web',
        };
      },
    },
    autoScalingGroup: {
      types: ['aws_autoscaling_group'],
      note: 'scaling policies and scheduled actions are kept in the sidecar',
      typeOf: () => 'aws_autoscaling_group',
      encode: (r, ctx) => ({
        body: [
          attr('name', r.name),
          attr('min_size', r.minSize),
          attr('max_size', r.maxSize),
          attr('desired_capacity', r.desiredCapacity),
          attr('vpc_zone_identifier', ctx.refs(r.subnetIds)),
          block('launch_template', [], [attr('id', ctx.ref(r.launchTemplateId)), attr('version', '$Latest')]),
          attr('health_check_type', r.healthCheckType),
          attr('health_check_grace_period', r.healthCheckGracePeriodSeconds),
          attr('target_group_arns', ctx.refs(r.targetGroupIds, 'arn')),
          ...(r.defaultInstanceWarmupSeconds !== null
            ? [attr('default_instance_warmup', r.defaultInstanceWarmupSeconds)]
            : []),
          attr('default_cooldown', r.defaultCooldownSeconds),
          ...(r.azRebalance ? [] : [attr('suspended_processes', ['AZRebalance'])]),
        ],
      }),
      decode: (r, ctx) => {
        const template = list(r.values.launch_template)[0] ?? {};
        const subnetIds = ctx.ids(r.values.vpc_zone_identifier);
        const warmup = r.values.default_instance_warmup;
        return {
          name: ctx.str(r, 'name', r.name),
          vpcId: '',
          launchTemplateId: ctx.id(template.id) ?? '',
          subnetIds,
          minSize: ctx.num(r, 'min_size', 0),
          desiredCapacity: ctx.num(r, 'desired_capacity', ctx.num(r, 'min_size', 0)),
          maxSize: ctx.num(r, 'max_size', 1),
          healthCheckType: ctx.str(r, 'health_check_type', 'EC2') === 'ELB' ? 'ELB' : 'EC2',
          healthCheckGracePeriodSeconds: ctx.num(r, 'health_check_grace_period', 300),
          targetGroupIds: ctx.ids(r.values.target_group_arns),
          defaultInstanceWarmupSeconds: typeof warmup === 'number' && warmup > 0 ? warmup : null,
          defaultCooldownSeconds: ctx.num(r, 'default_cooldown', 300),
          azRebalance: !strings(r.values.suspended_processes).includes('AZRebalance'),
        };
      },
    },
    dbSubnetGroup: {
      types: ['aws_db_subnet_group'],
      typeOf: () => 'aws_db_subnet_group',
      encode: (r, ctx) => ({
        body: [
          attr('name', r.name.toLowerCase().replace(/[^a-z0-9._ -]+/g, '-') || 'db'),
          attr('subnet_ids', ctx.refs(r.subnetIds)),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => ({ name: ctx.name(r), vpcId: '', subnetIds: ctx.ids(r.values.subnet_ids) }),
    },
    dbInstance: {
      types: ['aws_db_instance'],
      note: "where the primary and standby run (subnet, address) is AWS's choice: kept in the sidecar",
      typeOf: () => 'aws_db_instance',
      encode: (r, ctx) => ({
        body: [
          attr(
            'identifier',
            r.name
              .toLowerCase()
              .replace(/[^a-z0-9-]+/g, '-')
              .replace(/^[^a-z]+/, '') || 'db',
          ),
          attr('engine', r.engine),
          attr('instance_class', r.instanceClass),
          attr('allocated_storage', r.allocatedStorageGb),
          attr('storage_type', r.storageType),
          attr('port', r.port),
          attr('db_subnet_group_name', ctx.ref(r.dbSubnetGroupId, 'name')),
          attr('vpc_security_group_ids', ctx.refs(r.securityGroupIds)),
          attr('multi_az', r.multiAz),
          ...(r.readReplicaSourceId
            ? [attr('replicate_source_db', ctx.ref(r.readReplicaSourceId, 'identifier'))]
            : [attr('username', 'admin'), attr('manage_master_user_password', true)]),
          attr('skip_final_snapshot', true),
          attr('tags', ctx.tags(r)),
        ],
      }),
      decode: (r, ctx) => ({
        name: ctx.name(r),
        engine: ctx.str(r, 'engine', 'mysql') === 'postgres' ? 'postgres' : 'mysql',
        instanceClass: ctx.str(r, 'instance_class', 'db.t3.micro'),
        allocatedStorageGb: ctx.num(r, 'allocated_storage', 20),
        storageType: ctx.str(r, 'storage_type', 'gp3') === 'gp2' ? 'gp2' : 'gp3',
        port: ctx.num(r, 'port', 3306),
        dbSubnetGroupId: ctx.id(r.values.db_subnet_group_name) ?? '',
        securityGroupIds: ctx.ids(r.values.vpc_security_group_ids),
        multiAz: ctx.bool(r, 'multi_az', false),
        subnetId: '',
        privateIp: '',
        readReplicaSourceId: r.values.replicate_source_db ? ctx.id(r.values.replicate_source_db) : null,
      }),
    },
  };
}
