import { protocolNumber, readProtocol, type PortRange, type Protocol } from '../../domain/common';
import type { Design, Resource } from '../../domain/design';
import { ALLOW_ALL_OUTBOUND_SG_RULE } from '../../domain/factories';
import type { NaclRule, RouteTable, SgRule } from '../../domain/kinds';
import { AMI_PARAMETERS } from './amis';
import { ResourceRef } from './evaluate';
import {
  tagsOf,
  type CfnProperties,
  type CfnValue,
  type ExportContext,
  type ImportContext,
  type MappingTable,
} from './context';

/**
 * Every kind, and how CloudFormation says it. Typed against every kind, so a
 * new kind does not compile until it has an entry here (its types, or why it
 * stays in the metadata). Property names and types: AWS CloudFormation User
 * Guide, "AWS resource and property types reference", checked by the tests
 * against the CloudFormation resource specification (`@aws-cdk/cfnspec`).
 */

const compact = (props: CfnProperties): CfnProperties =>
  Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));

const refs = (ctx: ExportContext, ids: readonly string[]) => ids.map((id) => ctx.ref(id));

// ---- rules ----------------------------------------------------------------

/** AWS's `IpProtocol`: `-1` for all, a name or a number. */
const ipProtocol = (protocol: Protocol) => (protocol === 'all' ? '-1' : String(protocol));

function sgRuleProperties(rule: SgRule, direction: 'in' | 'out', ctx: ExportContext): CfnProperties {
  const ports = portsOf(rule.protocol, rule.ports);
  const peer =
    rule.peer.type === 'cidr'
      ? { CidrIp: rule.peer.cidr }
      : rule.peer.type === 'prefixList'
        ? { [direction === 'in' ? 'SourcePrefixListId' : 'DestinationPrefixListId']: ctx.ref(rule.peer.prefixListId) }
        : {
            [direction === 'in' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId']: ctx.att(
              rule.peer.groupId,
              'GroupId',
            ),
          };
  return compact({
    IpProtocol: ipProtocol(rule.protocol),
    ...ports,
    ...peer,
    Description: rule.description || undefined,
  });
}

/** ICMP rules carry type and code in the port fields; -1 for all of them. Protocols without ports: none. */
function portsOf(protocol: Protocol, ports: PortRange) {
  if (ports) return { FromPort: ports.from, ToPort: ports.to };
  return protocol === 'icmp' ? { FromPort: -1, ToPort: -1 } : {};
}

function readSgRule(props: CfnProperties, direction: 'in' | 'out', ctx: ImportContext, where: string): SgRule | null {
  const protocol = readProtocol(String(props.IpProtocol ?? '-1'));
  if (protocol === null) {
    ctx.warn(`a group rule with protocol ${String(props.IpProtocol)} was skipped: not an IP protocol`);
    return null;
  }
  const from = ctx.number(props.FromPort, `${where}.FromPort`);
  const to = ctx.number(props.ToPort, `${where}.ToPort`);
  const ports = (protocol === 'tcp' || protocol === 'udp') && from !== null ? { from, to: to ?? from } : null;
  const groupKey = direction === 'in' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId';
  const listKey = direction === 'in' ? 'SourcePrefixListId' : 'DestinationPrefixListId';
  const group = props[groupKey] ?? (direction === 'in' ? props.SourceSecurityGroupName : undefined);
  if (group === undefined && props[listKey] === undefined && props.CidrIp === undefined) {
    // Never widen a rule to the IPv4 internet: an IPv6-only rule (or one naming no peer) is left out.
    ctx.warn(
      props.CidrIpv6 !== undefined
        ? `${where}: a rule for IPv6 ${String(props.CidrIpv6)} was left out (Nimbus models IPv4; AWS also allows IPv6 rules)`
        : `${where}: a rule naming no peer (CidrIp, a group or a prefix list) was left out`,
    );
    return null;
  }
  const peer =
    group !== undefined
      ? { type: 'securityGroup' as const, groupId: ctx.idOf(group) ?? '' }
      : props[listKey] !== undefined
        ? { type: 'prefixList' as const, prefixListId: ctx.idOf(props[listKey]) ?? '' }
        : { type: 'cidr' as const, cidr: ctx.text(props.CidrIp, `${where}.CidrIp`) ?? '' };
  return {
    protocol,
    ports,
    peer: peer as SgRule['peer'],
    description: typeof props.Description === 'string' ? props.Description : '',
  };
}

/** What AWS gives a group written without egress rules (and every VPC's default group). */
const ALL_TRAFFIC_OUT: SgRule = ALLOW_ALL_OUTBOUND_SG_RULE;

/**
 * An egress rule that matches nothing (ICMP type 252 code 86 to 255.255.255.255/32),
 * written for a group with no outbound rules: AWS gives a group declared without
 * egress rules "all traffic out" (AWS CloudFormation User Guide, AWS::EC2::SecurityGroup,
 * SecurityGroupEgress), so "none" has to be said with a rule. The AWS CDK writes the same one.
 */
const MATCHES_NOTHING_OUT: CfnProperties = {
  IpProtocol: 'icmp',
  FromPort: 252,
  ToPort: 86,
  CidrIp: '255.255.255.255/32',
  Description: 'Disallow all traffic',
};
const matchesNothing = (props: CfnProperties) =>
  String(props.IpProtocol) === 'icmp' &&
  Number(props.FromPort) === 252 &&
  Number(props.ToPort) === 86 &&
  props.CidrIp === '255.255.255.255/32';

/** A rule naming a group goes in its own resource, so groups that name each other (or themselves) make no cycle. */
const namesGroup = (rule: SgRule) => rule.peer.type === 'securityGroup';

function writeGroupRules(
  groupId: string,
  inbound: readonly SgRule[],
  outbound: readonly SgRule[],
  base: string,
  ctx: ExportContext,
) {
  const group = ctx.att(groupId, 'GroupId');
  inbound.forEach((rule) =>
    ctx.add(`${base}Ingress`, {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: { GroupId: group, ...sgRuleProperties(rule, 'in', ctx) },
    }),
  );
  outbound.forEach((rule) =>
    ctx.add(`${base}Egress`, {
      Type: 'AWS::EC2::SecurityGroupEgress',
      Properties: { GroupId: group, ...sgRuleProperties(rule, 'out', ctx) },
    }),
  );
}

function readGroupRules(logicalId: string, attributeOfVpc: string | null, ctx: ImportContext) {
  const pick = (type: string, direction: 'in' | 'out') =>
    [...ctx.beside(type, 'GroupId', logicalId), ...(attributeOfVpc ? ctx.beside(type, 'GroupId', attributeOfVpc) : [])]
      .map((r) => readSgRule(r.properties, direction, ctx, r.logicalId))
      .filter((r): r is SgRule => r !== null);
  return {
    inbound: pick('AWS::EC2::SecurityGroupIngress', 'in'),
    outbound: pick('AWS::EC2::SecurityGroupEgress', 'out'),
  };
}

function writeAclEntries(
  aclRef: CfnValue,
  rules: readonly NaclRule[],
  egress: boolean,
  base: string,
  ctx: ExportContext,
) {
  for (const rule of rules) {
    ctx.add(`${base}${egress ? 'Out' : 'In'}${rule.ruleNumber}`, {
      Type: 'AWS::EC2::NetworkAclEntry',
      Properties: compact({
        NetworkAclId: aclRef,
        RuleNumber: rule.ruleNumber,
        Protocol: protocolNumber(rule.protocol),
        RuleAction: rule.action,
        Egress: egress,
        CidrBlock: rule.cidr,
        PortRange: rule.ports ? { From: rule.ports.from, To: rule.ports.to } : undefined,
        Icmp: rule.protocol === 'icmp' ? { Code: -1, Type: -1 } : undefined,
      }),
    });
  }
}

function readAclEntries(keys: readonly string[], ctx: ImportContext) {
  const entries = keys.flatMap((key) => ctx.beside('AWS::EC2::NetworkAclEntry', 'NetworkAclId', key));
  const rules = (egress: boolean) =>
    entries
      .filter((e) => (ctx.flag(e.properties.Egress) ?? false) === egress)
      .flatMap((e): NaclRule[] => {
        const protocol = readProtocol(String(e.properties.Protocol ?? '-1'));
        const range = e.properties.PortRange as CfnProperties | undefined;
        const from = range ? ctx.number(range.From, 'PortRange.From') : null;
        const to = range ? ctx.number(range.To, 'PortRange.To') : null;
        if (protocol === null) return [];
        return [
          {
            ruleNumber: ctx.number(e.properties.RuleNumber, 'RuleNumber') ?? 0,
            protocol,
            ports: (protocol === 'tcp' || protocol === 'udp') && from !== null ? { from, to: to ?? from } : null,
            cidr: ctx.text(e.properties.CidrBlock, 'CidrBlock') ?? '',
            action: e.properties.RuleAction === 'deny' ? 'deny' : 'allow',
          },
        ];
      });
  return { inbound: rules(false), outbound: rules(true) };
}

const ALLOW_ALL_ACL: NaclRule = { ruleNumber: 100, protocol: 'all', ports: null, cidr: '0.0.0.0/0', action: 'allow' };
const sameRule = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Route targets by kind: the `AWS::EC2::Route` property that names them. */
const ROUTE_TARGET_PROPERTY: Partial<Record<Resource['kind'], string>> = {
  internetGateway: 'GatewayId',
  virtualPrivateGateway: 'GatewayId',
  natGateway: 'NatGatewayId',
  ec2Instance: 'InstanceId',
  vpcPeeringConnection: 'VpcPeeringConnectionId',
  transitGateway: 'TransitGatewayId',
  vpcEndpoint: 'VpcEndpointId',
};
const ROUTE_TARGET_PROPERTIES = [...new Set(Object.values(ROUTE_TARGET_PROPERTY))];

/** A route through a gateway needs its attachment first (AWS CloudFormation User Guide, "DependsOn attribute"). */
const gatewayAttachment = (ctx: ExportContext, targetId: string) => {
  const logical = ctx.logicalOf(targetId);
  const gateway = ctx.design.resources[targetId];
  const attached =
    (gateway?.kind === 'internetGateway' || gateway?.kind === 'virtualPrivateGateway') && gateway.vpcId !== null;
  return logical && attached ? [ctx.attachmentOf(targetId)] : [];
};

const mainTableRoutesBeyondLocal = (table: RouteTable) =>
  table.main && (table.routes.some((r) => r.target !== 'local') || table.propagatingGatewayIds.length > 0);

/** The VPC's subnets no table names: they use its main table. */
function subnetsOnMainTable(table: RouteTable, design: Design): string[] {
  const resources = Object.values(design.resources);
  const explicit = new Set(
    resources.flatMap((r) => (r.kind === 'routeTable' && r.vpcId === table.vpcId && !r.main ? r.subnetIds : [])),
  );
  return resources
    .filter((r) => r.kind === 'subnet' && r.vpcId === table.vpcId && !explicit.has(r.id))
    .map((r) => r.id);
}

const AMAZON_DNS_SUFFIX = '.amazonaws.com';

export const CFN_MAPPINGS: MappingTable = {
  region: {
    inMetadataOnly: 'A stack is deployed into one Region; the Region is where it is deployed, not a resource.',
  },
  availabilityZone: {
    inMetadataOnly: 'Zones are not resources; subnets and volumes name theirs (`AvailabilityZone`).',
  },
  internet: { inMetadataOnly: 'The internet is where traffic comes from, not a resource.' },
  onPremisesNetwork: { inMetadataOnly: 'An on-premises network is not an AWS resource.' },
  directConnectConnection: {
    inMetadataOnly:
      'CloudFormation has no resource type for a Direct Connect connection (it is ordered from AWS, not declared).',
  },

  vpc: {
    types: ['AWS::EC2::VPC'],
    beside: ['AWS::EC2::VPCCidrBlock'],
    write(vpc, ctx) {
      vpc.secondaryCidrs.forEach((cidr) =>
        ctx.add(`${ctx.logicalOf(vpc.id)}Cidr`, {
          Type: 'AWS::EC2::VPCCidrBlock',
          Properties: { VpcId: ctx.ref(vpc.id), CidrBlock: cidr },
        }),
      );
      return { Type: 'AWS::EC2::VPC', Properties: compact({ CidrBlock: vpc.cidr, Tags: tagsOf(vpc.name) }) };
    },
    read({ logicalId, properties }, ctx) {
      const cidr = ctx.text(properties.CidrBlock, `${logicalId}.CidrBlock`) ?? '';
      const secondaryCidrs = ctx
        .beside('AWS::EC2::VPCCidrBlock', 'VpcId', logicalId)
        .map((r) => ctx.text(r.properties.CidrBlock, `${r.logicalId}.CidrBlock`) ?? '');
      const id = ctx.idOf(new ResourceRef(logicalId)) ?? '';
      const name = ctx.nameOf(properties, logicalId);
      // What AWS creates with every VPC: the main route table, the default ACL and the default group.
      const groupId = ctx.impliedId('securityGroup', `${logicalId}.DefaultSecurityGroup`);
      const groupRules = readGroupRules(`${logicalId}.DefaultSecurityGroup`, null, ctx);
      ctx.imply({
        kind: 'securityGroup',
        id: groupId,
        name: 'default',
        vpcId: id,
        isDefault: true,
        description: 'default VPC security group',
        inbound: [
          {
            protocol: 'all',
            ports: null,
            peer: { type: 'securityGroup', groupId },
            description: 'From members of this group',
          },
          ...groupRules.inbound,
        ],
        outbound: [ALL_TRAFFIC_OUT, ...groupRules.outbound],
      });
      const aclKey = `${logicalId}.DefaultNetworkAcl`;
      const aclRules = readAclEntries([aclKey], ctx);
      ctx.imply({
        kind: 'networkAcl',
        id: ctx.impliedId('networkAcl', aclKey),
        name: `${name} default network ACL`,
        vpcId: id,
        isDefault: true,
        inbound: [ALLOW_ALL_ACL, ...aclRules.inbound.filter((r) => !sameRule(r, ALLOW_ALL_ACL))],
        outbound: [ALLOW_ALL_ACL, ...aclRules.outbound.filter((r) => !sameRule(r, ALLOW_ALL_ACL))],
        subnetIds: ctx
          .beside('AWS::EC2::SubnetNetworkAclAssociation', 'NetworkAclId', aclKey)
          .map((a) => ctx.idOf(a.properties.SubnetId)),
      });
      ctx.imply({
        kind: 'routeTable',
        id: ctx.impliedId('routeTable', `${logicalId}.MainRouteTable`),
        name: `${name} main route table`,
        vpcId: id,
        main: true,
        routes: [cidr, ...secondaryCidrs].map((destination) => ({ destination, target: 'local' })),
      });
      return { kind: 'vpc', name, regionId: ctx.region(), cidr, secondaryCidrs };
    },
    notes:
      'Secondary CIDRs as `AWS::EC2::VPCCidrBlock`. The main route table, default ACL and default group come with the VPC.',
  },

  subnet: {
    types: ['AWS::EC2::Subnet'],
    beside: [],
    write(subnet, ctx) {
      const zone = ctx.design.resources[subnet.azId];
      return {
        Type: 'AWS::EC2::Subnet',
        Properties: compact({
          VpcId: ctx.ref(subnet.vpcId),
          CidrBlock: subnet.cidr,
          AvailabilityZone: zone?.kind === 'availabilityZone' ? zone.zoneName : undefined,
          MapPublicIpOnLaunch: subnet.mapPublicIpOnLaunch || undefined,
          Tags: tagsOf(subnet.name),
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const vpcId = ctx.idOf(properties.VpcId);
      // Without a zone AWS picks one; Nimbus draws the Region's first ("us-east-1a").
      const zoneName = ctx.text(properties.AvailabilityZone ?? `${ctx.regionCode()}a`, `${logicalId}.AvailabilityZone`);
      return {
        kind: 'subnet',
        name: ctx.nameOf(properties, logicalId),
        vpcId,
        azId: ctx.zone(zoneName ?? 'unknown', vpcId),
        cidr: ctx.text(properties.CidrBlock, `${logicalId}.CidrBlock`) ?? '',
        mapPublicIpOnLaunch: ctx.flag(properties.MapPublicIpOnLaunch) ?? false,
      };
    },
    notes: 'The zone by name (`AvailabilityZone`).',
  },

  internetGateway: {
    types: ['AWS::EC2::InternetGateway'],
    beside: ['AWS::EC2::VPCGatewayAttachment'],
    write(gateway, ctx) {
      if (gateway.vpcId)
        ctx.put(ctx.attachmentOf(gateway.id), {
          Type: 'AWS::EC2::VPCGatewayAttachment',
          Properties: { VpcId: ctx.ref(gateway.vpcId), InternetGatewayId: ctx.ref(gateway.id) },
        });
      return { Type: 'AWS::EC2::InternetGateway', Properties: compact({ Tags: tagsOf(gateway.name) }) };
    },
    read({ logicalId, properties }, ctx) {
      const attachment = ctx.beside('AWS::EC2::VPCGatewayAttachment', 'InternetGatewayId', logicalId)[0];
      return {
        kind: 'internetGateway',
        name: ctx.nameOf(properties, logicalId),
        vpcId: attachment ? ctx.idOf(attachment.properties.VpcId) : null,
      };
    },
    notes: 'Attached by `AWS::EC2::VPCGatewayAttachment`.',
  },

  natGateway: {
    types: ['AWS::EC2::NatGateway'],
    beside: [],
    write(nat, ctx) {
      return {
        Type: 'AWS::EC2::NatGateway',
        Properties: compact({
          SubnetId: ctx.ref(nat.subnetId),
          ConnectivityType: nat.elasticIpId ? undefined : 'private',
          AllocationId: nat.elasticIpId ? ctx.att(nat.elasticIpId, 'AllocationId') : undefined,
          PrivateIpAddress: nat.privateIp || undefined,
          Tags: tagsOf(nat.name),
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      return {
        kind: 'natGateway',
        name: ctx.nameOf(properties, logicalId),
        subnetId: ctx.idOf(properties.SubnetId),
        elasticIpId: properties.AllocationId === undefined ? null : ctx.idOf(properties.AllocationId),
        privateIp: typeof properties.PrivateIpAddress === 'string' ? properties.PrivateIpAddress : '',
      };
    },
    notes:
      'Its address comes from the Elastic IP (`!GetAtt Eip.AllocationId`); without one it is a private NAT gateway.',
  },

  elasticIp: {
    types: ['AWS::EC2::EIP'],
    beside: ['AWS::EC2::EIPAssociation'],
    write(address, ctx) {
      ctx.output(
        `${ctx.logicalOf(address.id)}Address`,
        ctx.att(address.id, 'PublicIp'),
        `${address.name || address.id}: public IPv4 address`,
      );
      return { Type: 'AWS::EC2::EIP', Properties: compact({ Domain: 'vpc', Tags: tagsOf(address.name) }) };
    },
    read({ logicalId, properties }, ctx) {
      ctx.unknownUntilDeploy(`${logicalId}.PublicIp`);
      return { kind: 'elasticIp', name: ctx.nameOf(properties, logicalId), publicIp: '' };
    },
    notes: 'AWS gives the address on deploy (an output); the one drawn is kept in the metadata.',
  },

  virtualPrivateGateway: {
    types: ['AWS::EC2::VPNGateway'],
    beside: [],
    write(gateway, ctx) {
      if (gateway.vpcId)
        ctx.put(ctx.attachmentOf(gateway.id), {
          Type: 'AWS::EC2::VPCGatewayAttachment',
          Properties: { VpcId: ctx.ref(gateway.vpcId), VpnGatewayId: ctx.ref(gateway.id) },
        });
      return {
        Type: 'AWS::EC2::VPNGateway',
        Properties: compact({ Type: 'ipsec.1', AmazonSideAsn: gateway.amazonSideAsn, Tags: tagsOf(gateway.name) }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const attachment = ctx.beside('AWS::EC2::VPCGatewayAttachment', 'VpnGatewayId', logicalId)[0];
      return {
        kind: 'virtualPrivateGateway',
        name: ctx.nameOf(properties, logicalId),
        vpcId: attachment ? ctx.idOf(attachment.properties.VpcId) : null,
        amazonSideAsn: ctx.number(properties.AmazonSideAsn ?? 64512, `${logicalId}.AmazonSideAsn`) ?? 64512,
      };
    },
    notes: 'Attached by `AWS::EC2::VPCGatewayAttachment`.',
  },

  customerGateway: {
    types: ['AWS::EC2::CustomerGateway'],
    beside: [],
    write(gateway) {
      return {
        Type: 'AWS::EC2::CustomerGateway',
        Properties: compact({
          Type: 'ipsec.1',
          IpAddress: gateway.ipAddress,
          BgpAsn: gateway.bgpAsn,
          Tags: tagsOf(gateway.name),
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      return {
        kind: 'customerGateway',
        name: ctx.nameOf(properties, logicalId),
        ipAddress: ctx.text(properties.IpAddress, `${logicalId}.IpAddress`) ?? '',
        bgpAsn: ctx.number(properties.BgpAsn ?? 65000, `${logicalId}.BgpAsn`) ?? 65000,
        onPremisesNetworkId: null,
      };
    },
    notes: 'The on-premises network behind it is kept in the metadata.',
  },

  vpnConnection: {
    types: ['AWS::EC2::VPNConnection'],
    beside: ['AWS::EC2::VPNConnectionRoute'],
    write(vpn, ctx) {
      const logical = ctx.logicalOf(vpn.id)!;
      vpn.staticRoutes.forEach((cidr) =>
        ctx.add(`${logical}Route`, {
          Type: 'AWS::EC2::VPNConnectionRoute',
          Properties: { VpnConnectionId: ctx.ref(vpn.id), DestinationCidrBlock: cidr },
        }),
      );
      return {
        Type: 'AWS::EC2::VPNConnection',
        Properties: compact({
          Type: 'ipsec.1',
          CustomerGatewayId: ctx.ref(vpn.customerGatewayId),
          VpnGatewayId: ctx.ref(vpn.vpnGatewayId),
          StaticRoutesOnly: vpn.routing === 'static',
          Tags: tagsOf(vpn.name),
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      if (properties.VpnGatewayId === undefined) return null;
      return {
        kind: 'vpnConnection',
        name: ctx.nameOf(properties, logicalId),
        vpnGatewayId: ctx.idOf(properties.VpnGatewayId),
        customerGatewayId: ctx.idOf(properties.CustomerGatewayId),
        routing: ctx.flag(properties.StaticRoutesOnly) ? 'static' : 'dynamic',
        staticRoutes: ctx
          .beside('AWS::EC2::VPNConnectionRoute', 'VpnConnectionId', logicalId)
          .map((r) => ctx.text(r.properties.DestinationCidrBlock, `${r.logicalId}.DestinationCidrBlock`) ?? ''),
      };
    },
    notes: 'Static routes as `AWS::EC2::VPNConnectionRoute`.',
  },

  clientVpnEndpoint: {
    types: ['AWS::EC2::ClientVpnEndpoint'],
    beside: [
      'AWS::EC2::ClientVpnTargetNetworkAssociation',
      'AWS::EC2::ClientVpnAuthorizationRule',
      'AWS::EC2::ClientVpnRoute',
    ],
    write(endpoint, ctx) {
      const logical = ctx.logicalOf(endpoint.id)!;
      const certificate = ctx.parameter('ClientVpnServerCertificateArn', {
        Type: 'String',
        Description:
          'ACM certificate of the Client VPN endpoints (server and client root chain); Nimbus does not model certificates.',
      });
      endpoint.targetSubnetIds.forEach((subnetId) =>
        ctx.add(`${logical}Association`, {
          Type: 'AWS::EC2::ClientVpnTargetNetworkAssociation',
          Properties: { ClientVpnEndpointId: ctx.ref(endpoint.id), SubnetId: ctx.ref(subnetId) },
        }),
      );
      endpoint.authorizationRules.forEach((rule) =>
        ctx.add(`${logical}Authorization`, {
          Type: 'AWS::EC2::ClientVpnAuthorizationRule',
          Properties: compact({
            ClientVpnEndpointId: ctx.ref(endpoint.id),
            TargetNetworkCidr: rule.destinationCidr,
            AuthorizeAllGroups: rule.accessGroup === null ? true : undefined,
            AccessGroupId: rule.accessGroup ?? undefined,
          }),
        }),
      );
      endpoint.routes.forEach((route) =>
        ctx.add(`${logical}Route`, {
          Type: 'AWS::EC2::ClientVpnRoute',
          Properties: {
            ClientVpnEndpointId: ctx.ref(endpoint.id),
            DestinationCidrBlock: route.destinationCidr,
            TargetVpcSubnetId: ctx.ref(route.targetSubnetId),
          },
        }),
      );
      return {
        Type: 'AWS::EC2::ClientVpnEndpoint',
        Properties: compact({
          ClientCidrBlock: endpoint.clientCidr,
          VpcId: ctx.ref(endpoint.vpcId),
          SecurityGroupIds: refs(ctx, endpoint.securityGroupIds),
          SplitTunnel: endpoint.splitTunnel,
          ServerCertificateArn: certificate,
          AuthenticationOptions: [
            {
              Type: 'certificate-authentication',
              MutualAuthentication: { ClientRootCertificateChainArn: certificate },
            },
          ],
          ConnectionLogOptions: { Enabled: false },
          Description: endpoint.name || undefined,
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const beside = (type: string) => ctx.beside(type, 'ClientVpnEndpointId', logicalId);
      return {
        kind: 'clientVpnEndpoint',
        name: typeof properties.Description === 'string' ? properties.Description : logicalId,
        vpcId: ctx.idOf(properties.VpcId),
        clientCidr: ctx.text(properties.ClientCidrBlock, `${logicalId}.ClientCidrBlock`) ?? '',
        targetSubnetIds: beside('AWS::EC2::ClientVpnTargetNetworkAssociation').map((a) =>
          ctx.idOf(a.properties.SubnetId),
        ),
        securityGroupIds: ctx.ids(properties.SecurityGroupIds),
        authorizationRules: beside('AWS::EC2::ClientVpnAuthorizationRule').map((r) => ({
          destinationCidr: ctx.text(r.properties.TargetNetworkCidr, `${r.logicalId}.TargetNetworkCidr`) ?? '',
          accessGroup: typeof r.properties.AccessGroupId === 'string' ? r.properties.AccessGroupId : null,
        })),
        routes: beside('AWS::EC2::ClientVpnRoute').map((r) => ({
          destinationCidr: ctx.text(r.properties.DestinationCidrBlock, `${r.logicalId}.DestinationCidrBlock`) ?? '',
          targetSubnetId: ctx.idOf(r.properties.TargetVpcSubnetId),
        })),
        splitTunnel: ctx.flag(properties.SplitTunnel) ?? false,
      };
    },
    notes: 'The certificate is a parameter; connected clients and the simulated user’s group are kept in the metadata.',
  },

  routeTable: {
    types: ['AWS::EC2::RouteTable'],
    beside: ['AWS::EC2::Route', 'AWS::EC2::SubnetRouteTableAssociation', 'AWS::EC2::VPNGatewayRoutePropagation'],
    // CloudFormation can't declare a VPC's main route table (it has no attribute naming it either). A main
    // table with routes of its own is written as a table of its own, associated with every subnet that
    // uses the main table, so the deployed subnets route the same way.
    inCode: (table) => !table.main || mainTableRoutesBeyondLocal(table),
    write(table, ctx) {
      const logical = ctx.logicalOf(table.id)!;
      const subnetIds = table.main ? subnetsOnMainTable(table, ctx.design) : table.subnetIds;
      for (const route of table.routes) {
        if (route.target === 'local') continue;
        const target = ctx.design.resources[route.target];
        const property = (target && ROUTE_TARGET_PROPERTY[target.kind]) ?? 'GatewayId';
        ctx.add(`${logical}Route`, {
          Type: 'AWS::EC2::Route',
          Properties: {
            RouteTableId: ctx.ref(table.id),
            [route.destination.startsWith('pl-') ? 'DestinationPrefixListId' : 'DestinationCidrBlock']:
              route.destination,
            [property]: ctx.ref(route.target),
          },
          DependsOn:
            target?.kind === 'internetGateway' || target?.kind === 'virtualPrivateGateway'
              ? gatewayAttachment(ctx, target.id)
              : undefined,
        });
      }
      subnetIds.forEach((subnetId) =>
        ctx.add(`${logical}Association`, {
          Type: 'AWS::EC2::SubnetRouteTableAssociation',
          Properties: { RouteTableId: ctx.ref(table.id), SubnetId: ctx.ref(subnetId) },
        }),
      );
      if (table.propagatingGatewayIds.length > 0)
        ctx.add(`${logical}Propagation`, {
          Type: 'AWS::EC2::VPNGatewayRoutePropagation',
          Properties: { RouteTableIds: [ctx.ref(table.id)], VpnGatewayId: ctx.ref(table.propagatingGatewayIds[0]) },
          DependsOn: gatewayAttachment(ctx, table.propagatingGatewayIds[0]!),
        });
      return {
        Type: 'AWS::EC2::RouteTable',
        Properties: compact({ VpcId: ctx.ref(table.vpcId), Tags: tagsOf(table.name) }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const vpcId = ctx.idOf(properties.VpcId);
      const vpc = ctx.read(
        typeof properties.VpcId === 'object' && properties.VpcId && 'logicalId' in properties.VpcId
          ? String(properties.VpcId.logicalId)
          : '',
      );
      const local = vpc ? [ctx.text(vpc.properties.CidrBlock, `${vpc.logicalId}.CidrBlock`) ?? ''] : [];
      const routes = ctx.beside('AWS::EC2::Route', 'RouteTableId', logicalId).flatMap((r) => {
        const key = ROUTE_TARGET_PROPERTIES.find((p) => r.properties[p] !== undefined);
        const target = key ? ctx.idOf(r.properties[key]) : null;
        if (!target) {
          ctx.warn(`${r.logicalId}: a route to a target Nimbus does not model was left out`);
          return [];
        }
        const destination =
          ctx.text(
            r.properties.DestinationCidrBlock ?? r.properties.DestinationPrefixListId,
            `${r.logicalId}.DestinationCidrBlock`,
          ) ?? '';
        return [{ destination, target }];
      });
      return {
        kind: 'routeTable',
        name: ctx.nameOf(properties, logicalId),
        vpcId,
        main: false,
        routes: [...local.map((destination) => ({ destination, target: 'local' })), ...routes],
        subnetIds: ctx
          .beside('AWS::EC2::SubnetRouteTableAssociation', 'RouteTableId', logicalId)
          .map((a) => ctx.idOf(a.properties.SubnetId)),
        propagatingGatewayIds: ctx
          .beside('AWS::EC2::VPNGatewayRoutePropagation', 'RouteTableIds', logicalId)
          .map((p) => ctx.idOf(p.properties.VpnGatewayId)),
      };
    },
    notes:
      'Routes as `AWS::EC2::Route`, associations as `AWS::EC2::SubnetRouteTableAssociation`. A VPC’s main route table can’t be declared in CloudFormation: it is kept in the metadata, and when it has routes beyond local it is written as a table of its own associated with the subnets that use it (subnets added later in AWS use the VPC’s own main table).',
  },

  networkAcl: {
    types: ['AWS::EC2::NetworkAcl'],
    beside: ['AWS::EC2::NetworkAclEntry', 'AWS::EC2::SubnetNetworkAclAssociation'],
    inCode: (acl) => !acl.isDefault,
    write(acl, ctx) {
      const logical = ctx.logicalOf(acl.id)!;
      writeAclEntries(ctx.ref(acl.id), acl.inbound, false, logical, ctx);
      writeAclEntries(ctx.ref(acl.id), acl.outbound, true, logical, ctx);
      acl.subnetIds.forEach((subnetId) =>
        ctx.add(`${logical}Association`, {
          Type: 'AWS::EC2::SubnetNetworkAclAssociation',
          Properties: { NetworkAclId: ctx.ref(acl.id), SubnetId: ctx.ref(subnetId) },
        }),
      );
      return {
        Type: 'AWS::EC2::NetworkAcl',
        Properties: compact({ VpcId: ctx.ref(acl.vpcId), Tags: tagsOf(acl.name) }),
      };
    },
    read({ logicalId, properties }, ctx) {
      return {
        kind: 'networkAcl',
        name: ctx.nameOf(properties, logicalId),
        vpcId: ctx.idOf(properties.VpcId),
        isDefault: false,
        ...readAclEntries([logicalId], ctx),
        subnetIds: ctx
          .beside('AWS::EC2::SubnetNetworkAclAssociation', 'NetworkAclId', logicalId)
          .map((a) => ctx.idOf(a.properties.SubnetId)),
      };
    },
    notes:
      'Rules as `AWS::EC2::NetworkAclEntry`. The default ACL is the VPC’s (`!GetAtt Vpc.DefaultNetworkAcl`): its rules and associations beyond AWS’s are written against it.',
  },

  securityGroup: {
    types: ['AWS::EC2::SecurityGroup'],
    beside: ['AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'],
    inCode: (group) => !group.isDefault,
    write(group, ctx) {
      const logical = ctx.logicalOf(group.id)!;
      writeGroupRules(group.id, group.inbound.filter(namesGroup), group.outbound.filter(namesGroup), logical, ctx);
      const outbound = group.outbound.filter((r) => !namesGroup(r));
      // Without egress rules AWS gives a group "all traffic out"; a group with only such a rule needs none written.
      const onlyDefaultOut = outbound.length === 1 && sameRule(outbound[0], ALL_TRAFFIC_OUT);
      // No rules out at all: say so with a rule that matches nothing. Rules naming groups are their own
      // resources, and the first of those already takes AWS's default away.
      const noneOut = group.outbound.length === 0;
      return {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: compact({
          GroupDescription: group.description || group.name || 'Security group',
          GroupName: group.name || undefined,
          VpcId: ctx.ref(group.vpcId),
          SecurityGroupIngress: group.inbound.filter((r) => !namesGroup(r)).map((r) => sgRuleProperties(r, 'in', ctx)),
          SecurityGroupEgress: noneOut
            ? [MATCHES_NOTHING_OUT]
            : onlyDefaultOut
              ? undefined
              : outbound.map((r) => sgRuleProperties(r, 'out', ctx)),
          Tags: tagsOf(group.name),
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const listed = (key: string) => (Array.isArray(properties[key]) ? (properties[key] as CfnProperties[]) : []);
      const inline = (key: string, direction: 'in' | 'out') =>
        listed(key)
          .map((r, i) =>
            direction === 'out' && matchesNothing(r)
              ? null
              : readSgRule(r, direction, ctx, `${logicalId}.${key}[${i}]`),
          )
          .filter((r): r is SgRule => r !== null);
      const separate = readGroupRules(logicalId, null, ctx);
      const outbound = [...inline('SecurityGroupEgress', 'out'), ...separate.outbound];
      // No egress rule written (absent or `[]`) and none beside: AWS adds "all traffic out". A separate
      // `AWS::EC2::SecurityGroupEgress` takes that default away (AWS CloudFormation User Guide,
      // AWS::EC2::SecurityGroup, SecurityGroupEgress).
      const nothingWritten =
        listed('SecurityGroupEgress').length === 0 &&
        ctx.beside('AWS::EC2::SecurityGroupEgress', 'GroupId', logicalId).length === 0;
      return {
        kind: 'securityGroup',
        name: typeof properties.GroupName === 'string' ? properties.GroupName : ctx.nameOf(properties, logicalId),
        vpcId: ctx.idOf(properties.VpcId),
        isDefault: false,
        description: typeof properties.GroupDescription === 'string' ? properties.GroupDescription : '',
        inbound: [...inline('SecurityGroupIngress', 'in'), ...separate.inbound],
        outbound: nothingWritten ? [ALL_TRAFFIC_OUT] : outbound,
      };
    },
    notes:
      'Rules naming a group (another or itself) as `AWS::EC2::SecurityGroupIngress`/`Egress`, so groups can name each other. The default group is the VPC’s (`!GetAtt Vpc.DefaultSecurityGroup`).',
  },

  ec2Instance: {
    types: ['AWS::EC2::Instance'],
    beside: ['AWS::EC2::EIPAssociation'],
    write(instance, ctx) {
      const logical = ctx.logicalOf(instance.id)!;
      const ssm = AMI_PARAMETERS[instance.amiId];
      const image = ssm
        ? ctx.parameter(ssm.parameter, {
            Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
            Default: ssm.path,
            Description: ssm.name,
          })
        : instance.amiId;
      if (instance.elasticIpId)
        ctx.add(`${logical}Address`, {
          Type: 'AWS::EC2::EIPAssociation',
          Properties: { AllocationId: ctx.att(instance.elasticIpId, 'AllocationId'), InstanceId: ctx.ref(instance.id) },
        });
      if (instance.publicIp && !instance.elasticIpId)
        ctx.output(
          `${logical}PublicIp`,
          ctx.att(instance.id, 'PublicIp'),
          `${instance.name || instance.id}: public IPv4 address`,
        );
      return {
        Type: 'AWS::EC2::Instance',
        Properties: compact({
          ImageId: image,
          InstanceType: instance.instanceType,
          NetworkInterfaces: [
            compact({
              DeviceIndex: '0',
              SubnetId: ctx.ref(instance.subnetId),
              PrivateIpAddress: instance.privateIp || undefined,
              GroupSet: refs(ctx, instance.securityGroupIds),
              AssociatePublicIpAddress: instance.publicIp,
            }),
          ],
          SourceDestCheck: instance.sourceDestCheck,
          DisableApiTermination: instance.terminationProtection || undefined,
          HibernationOptions: instance.hibernationEnabled ? { Configured: true } : undefined,
          Tags: tagsOf(instance.name),
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const nic = (
        Array.isArray(properties.NetworkInterfaces) ? (properties.NetworkInterfaces as CfnProperties[]) : []
      ).find((n) => String(n.DeviceIndex) === '0');
      const subnetId = ctx.idOf(nic?.SubnetId ?? properties.SubnetId);
      const subnet = ctx.read(
        typeof (nic?.SubnetId ?? properties.SubnetId) === 'object'
          ? String(((nic?.SubnetId ?? properties.SubnetId) as { logicalId?: string }).logicalId)
          : '',
      );
      const association = ctx.beside('AWS::EC2::EIPAssociation', 'InstanceId', logicalId)[0];
      const image = properties.ImageId;
      const amiId =
        typeof image === 'string' ? (amiOfPath(image) ?? image) : (ctx.text(image, `${logicalId}.ImageId`) ?? '');
      const hibernation = properties.HibernationOptions as CfnProperties | undefined;
      return {
        kind: 'ec2Instance',
        name: ctx.nameOf(properties, logicalId),
        subnetId,
        amiId,
        instanceType: ctx.text(properties.InstanceType ?? 'm1.small', `${logicalId}.InstanceType`) ?? '',
        privateIp:
          typeof (nic?.PrivateIpAddress ?? properties.PrivateIpAddress) === 'string'
            ? (nic?.PrivateIpAddress ?? properties.PrivateIpAddress)
            : '',
        publicIp:
          ctx.flag(nic?.AssociatePublicIpAddress) ??
          (subnet ? (ctx.flag(subnet.properties.MapPublicIpOnLaunch) ?? false) : false),
        elasticIpId: association ? ctx.idOf(association.properties.AllocationId ?? association.properties.EIP) : null,
        securityGroupIds: ctx.ids(nic?.GroupSet ?? properties.SecurityGroupIds),
        hibernationEnabled: hibernation ? (ctx.flag(hibernation.Configured) ?? false) : false,
        terminationProtection: ctx.flag(properties.DisableApiTermination) ?? false,
        ...(properties.SourceDestCheck !== undefined
          ? { sourceDestCheck: ctx.flag(properties.SourceDestCheck) ?? true }
          : {}),
      };
    },
    notes:
      'AMIs as SSM public parameters where one exists; the Elastic IP by `AWS::EC2::EIPAssociation`. State, transition times and the drawn public address are kept in the metadata.',
  },

  ebsVolume: {
    types: ['AWS::EC2::Volume'],
    beside: ['AWS::EC2::VolumeAttachment'],
    write(volume, ctx) {
      const zone = ctx.design.resources[volume.availabilityZoneId];
      if (volume.attachedInstanceId)
        ctx.add(`${ctx.logicalOf(volume.id)}Attachment`, {
          Type: 'AWS::EC2::VolumeAttachment',
          Properties: {
            InstanceId: ctx.ref(volume.attachedInstanceId),
            VolumeId: ctx.ref(volume.id),
            Device: '/dev/sdf',
          },
        });
      return {
        Type: 'AWS::EC2::Volume',
        Properties: compact({
          AvailabilityZone: zone?.kind === 'availabilityZone' ? zone.zoneName : '',
          Size: volume.sizeGiB,
          VolumeType: volume.volumeType,
          Tags: tagsOf(volume.name),
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const attachment = ctx.beside('AWS::EC2::VolumeAttachment', 'VolumeId', logicalId)[0];
      return {
        kind: 'ebsVolume',
        name: ctx.nameOf(properties, logicalId),
        availabilityZoneId: ctx.zone(
          ctx.text(properties.AvailabilityZone, `${logicalId}.AvailabilityZone`) ?? 'unknown',
          null,
        ),
        volumeType: typeof properties.VolumeType === 'string' ? properties.VolumeType : 'gp3',
        sizeGiB: ctx.number(properties.Size ?? 8, `${logicalId}.Size`) ?? 8,
        attachedInstanceId: attachment ? ctx.idOf(attachment.properties.InstanceId) : null,
      };
    },
    notes: 'Attached by `AWS::EC2::VolumeAttachment`; delete-on-termination is kept in the metadata.',
  },

  ecsCluster: {
    types: ['AWS::ECS::Cluster'],
    beside: [],
    write: (cluster) => ({ Type: 'AWS::ECS::Cluster', Properties: compact({ Tags: tagsOf(cluster.name) }) }),
    read: ({ logicalId, properties }, ctx) => ({
      kind: 'ecsCluster',
      name: ctx.nameOf(properties, logicalId),
      regionId: ctx.region(),
    }),
    notes: '',
  },

  ecsService: {
    types: ['AWS::ECS::Service'],
    beside: ['AWS::ECS::TaskDefinition'],
    write(service, ctx) {
      const task = ctx.add(`${ctx.logicalOf(service.id)}Task`, {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Cpu: String(service.taskCpu),
          Memory: String(service.taskMemory),
          NetworkMode: 'awsvpc',
          RequiresCompatibilities: [service.launchType],
          ContainerDefinitions: [{ Name: 'app', Image: 'public.ecr.aws/docker/library/nginx:latest', Essential: true }],
        },
      });
      return {
        Type: 'AWS::ECS::Service',
        Properties: compact({
          ServiceName: service.name || undefined,
          Cluster: ctx.ref(service.clusterId),
          LaunchType: service.launchType,
          DesiredCount: service.desiredCount,
          TaskDefinition: { Ref: task },
          NetworkConfiguration:
            service.subnetIds.length > 0
              ? {
                  AwsvpcConfiguration: compact({
                    Subnets: refs(ctx, service.subnetIds),
                    SecurityGroups: refs(ctx, service.securityGroupIds),
                  }),
                }
              : undefined,
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const taskRef = properties.TaskDefinition;
      const task =
        taskRef && typeof taskRef === 'object' && 'logicalId' in taskRef
          ? ctx.read(String(taskRef.logicalId))
          : undefined;
      const network = (properties.NetworkConfiguration as CfnProperties | undefined)?.AwsvpcConfiguration as
        CfnProperties | undefined;
      return {
        kind: 'ecsService',
        name: typeof properties.ServiceName === 'string' ? properties.ServiceName : logicalId,
        clusterId: ctx.idOf(properties.Cluster),
        launchType: properties.LaunchType === 'EC2' ? 'EC2' : 'FARGATE',
        taskCpu: Number(task?.properties.Cpu ?? 256),
        taskMemory: Number(task?.properties.Memory ?? 512),
        desiredCount: ctx.number(properties.DesiredCount ?? 1, `${logicalId}.DesiredCount`) ?? 1,
        subnetIds: ctx.ids(network?.Subnets),
        securityGroupIds: ctx.ids(network?.SecurityGroups),
      };
    },
    notes:
      'With its `AWS::ECS::TaskDefinition` (task size; a stand-in container image). Load and scaling are kept in the metadata.',
  },

  eksCluster: {
    types: ['AWS::EKS::Cluster'],
    beside: ['AWS::EKS::FargateProfile'],
    write(cluster, ctx) {
      const role = ctx.parameter('EksClusterRoleArn', {
        Type: 'String',
        Description: 'IAM role of the EKS clusters; Nimbus does not model IAM.',
      });
      cluster.fargateProfiles.forEach((profile) =>
        ctx.add(`${ctx.logicalOf(cluster.id)}Fargate`, {
          Type: 'AWS::EKS::FargateProfile',
          Properties: compact({
            ClusterName: ctx.ref(cluster.id),
            FargateProfileName: profile.name || undefined,
            PodExecutionRoleArn: ctx.parameter('EksPodExecutionRoleArn', {
              Type: 'String',
              Description: 'IAM role of Fargate pods.',
            }),
            Selectors: profile.namespaces.map((Namespace) => ({ Namespace })),
            Subnets: refs(ctx, profile.subnetIds),
          }),
        }),
      );
      return {
        Type: 'AWS::EKS::Cluster',
        Properties: compact({
          Name: cluster.name || undefined,
          Version: cluster.kubernetesVersion,
          RoleArn: role,
          // The upgrade policy (`UpgradePolicy`) is newer than the resource specification the export is checked against: kept in the metadata.
          ResourcesVpcConfig: { SubnetIds: refs(ctx, cluster.subnetIds) },
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const vpc = properties.ResourcesVpcConfig as CfnProperties | undefined;
      const policy = properties.UpgradePolicy as CfnProperties | undefined;
      return {
        kind: 'eksCluster',
        name: typeof properties.Name === 'string' ? properties.Name : logicalId,
        regionId: ctx.region(),
        kubernetesVersion: typeof properties.Version === 'string' ? properties.Version : '1.34',
        upgradePolicy: policy?.SupportType === 'EXTENDED' ? 'EXTENDED' : 'STANDARD',
        subnetIds: ctx.ids(vpc?.SubnetIds),
        fargateProfiles: ctx.beside('AWS::EKS::FargateProfile', 'ClusterName', logicalId).map((p) => ({
          name: typeof p.properties.FargateProfileName === 'string' ? p.properties.FargateProfileName : p.logicalId,
          namespaces: (Array.isArray(p.properties.Selectors) ? (p.properties.Selectors as CfnProperties[]) : []).map(
            (s) => String(s.Namespace),
          ),
          subnetIds: ctx.ids(p.properties.Subnets),
        })),
      };
    },
    notes:
      'Fargate profiles as `AWS::EKS::FargateProfile`; IAM roles are parameters. Kubernetes deployments are kept in the metadata.',
  },

  eksNodeGroup: {
    types: ['AWS::EKS::Nodegroup'],
    beside: [],
    write(group, ctx) {
      return {
        Type: 'AWS::EKS::Nodegroup',
        Properties: compact({
          ClusterName: ctx.ref(group.clusterId),
          NodegroupName: group.name || undefined,
          NodeRole: ctx.parameter('EksNodeRoleArn', {
            Type: 'String',
            Description: 'IAM role of EKS nodes; Nimbus does not model IAM.',
          }),
          Subnets: refs(ctx, group.subnetIds),
          InstanceTypes: [group.instanceType],
          AmiType: group.amiType,
          DiskSize: group.diskSizeGiB,
          ScalingConfig: { MinSize: group.minSize, DesiredSize: group.desiredSize, MaxSize: group.maxSize },
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const scaling = (properties.ScalingConfig ?? {}) as CfnProperties;
      const types = Array.isArray(properties.InstanceTypes) ? properties.InstanceTypes : [];
      return {
        kind: 'eksNodeGroup',
        name: typeof properties.NodegroupName === 'string' ? properties.NodegroupName : logicalId,
        clusterId: ctx.idOf(properties.ClusterName),
        subnetIds: ctx.ids(properties.Subnets),
        instanceType: typeof types[0] === 'string' ? types[0] : 't3.medium',
        ...(typeof properties.AmiType === 'string' ? { amiType: properties.AmiType } : {}),
        minSize: ctx.number(scaling.MinSize ?? 1, 'MinSize') ?? 1,
        desiredSize: ctx.number(scaling.DesiredSize ?? 2, 'DesiredSize') ?? 2,
        maxSize: ctx.number(scaling.MaxSize ?? 2, 'MaxSize') ?? 2,
        diskSizeGiB: ctx.number(properties.DiskSize ?? 20, 'DiskSize') ?? 20,
      };
    },
    notes: 'Node security groups are kept in the metadata.',
  },

  lambdaFunction: {
    types: ['AWS::Lambda::Function'],
    beside: ['AWS::Lambda::EventInvokeConfig'],
    write(fn, ctx) {
      ctx.add(`${ctx.logicalOf(fn.id)}Async`, {
        Type: 'AWS::Lambda::EventInvokeConfig',
        Properties: {
          FunctionName: ctx.ref(fn.id),
          Qualifier: '$LATEST',
          MaximumRetryAttempts: fn.asyncInvocation.maximumRetryAttempts,
          MaximumEventAgeInSeconds: fn.asyncInvocation.maximumEventAgeSeconds,
        },
      });
      return {
        Type: 'AWS::Lambda::Function',
        Properties: compact({
          FunctionName: fn.name || undefined,
          Runtime: fn.runtime,
          Handler: 'index.handler',
          Code: { ZipFile: 'exports.handler = async () => ({ statusCode: 200 });' },
          Role: ctx.parameter('LambdaRoleArn', {
            Type: 'String',
            Description: 'IAM execution role of the functions; Nimbus does not model IAM.',
          }),
          Architectures: [fn.architecture],
          MemorySize: fn.memoryMb,
          Timeout: fn.timeoutSeconds,
          ReservedConcurrentExecutions: fn.reservedConcurrency ?? undefined,
          VpcConfig: fn.vpcConfig
            ? {
                SubnetIds: refs(ctx, fn.vpcConfig.subnetIds),
                SecurityGroupIds: refs(ctx, fn.vpcConfig.securityGroupIds),
              }
            : undefined,
          Tags: tagsOf(fn.name),
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const vpc = properties.VpcConfig as CfnProperties | undefined;
      const arch = Array.isArray(properties.Architectures) ? properties.Architectures[0] : undefined;
      const async = ctx.beside('AWS::Lambda::EventInvokeConfig', 'FunctionName', logicalId)[0]?.properties;
      return {
        kind: 'lambdaFunction',
        name:
          (properties.FunctionName === undefined
            ? null
            : ctx.text(properties.FunctionName, `${logicalId}.FunctionName`)) ?? ctx.nameOf(properties, logicalId),
        regionId: ctx.region(),
        runtime: properties.Runtime,
        architecture: arch === 'arm64' ? 'arm64' : 'x86_64',
        memoryMb: ctx.number(properties.MemorySize ?? 128, `${logicalId}.MemorySize`) ?? 128,
        timeoutSeconds: ctx.number(properties.Timeout ?? 3, `${logicalId}.Timeout`) ?? 3,
        averageDurationMs: 100,
        reservedConcurrency:
          properties.ReservedConcurrentExecutions === undefined
            ? null
            : ctx.number(properties.ReservedConcurrentExecutions, 'ReservedConcurrentExecutions'),
        ...(async
          ? {
              asyncInvocation: {
                maximumRetryAttempts: ctx.number(async.MaximumRetryAttempts ?? 2, 'MaximumRetryAttempts') ?? 2,
                maximumEventAgeSeconds:
                  ctx.number(async.MaximumEventAgeInSeconds ?? 21600, 'MaximumEventAgeInSeconds') ?? 21600,
                onFailure: 'discard',
              },
            }
          : {}),
        vpcConfig: vpc ? { subnetIds: ctx.ids(vpc.SubnetIds), securityGroupIds: ctx.ids(vpc.SecurityGroupIds) } : null,
      };
    },
    notes:
      'A stand-in handler; the role is a parameter; retries and event age as `AWS::Lambda::EventInvokeConfig`. Duration, error rate and provisioned concurrency are kept in the metadata.',
  },

  lambdaTrigger: {
    types: ['AWS::Lambda::Permission', 'AWS::Events::Rule', 'AWS::Lambda::EventSourceMapping'],
    beside: [],
    write(trigger, ctx) {
      if (trigger.source === 'eventBridgeSchedule')
        return {
          Type: 'AWS::Events::Rule',
          Properties: {
            ScheduleExpression: 'rate(1 minute)',
            State: 'ENABLED',
            Targets: [{ Arn: ctx.att(trigger.functionId, 'Arn'), Id: 'function' }],
          },
        };
      if (trigger.source === 'sqs')
        return {
          Type: 'AWS::Lambda::EventSourceMapping',
          Properties: {
            FunctionName: ctx.ref(trigger.functionId),
            EventSourceArn: ctx.parameter(`${ctx.logicalOf(trigger.id)}QueueArn`, {
              Type: 'String',
              Description: 'ARN of the SQS queue (Nimbus does not model queues).',
            }),
          },
        };
      return {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          Action: 'lambda:InvokeFunction',
          FunctionName: ctx.ref(trigger.functionId),
          Principal: trigger.source === 's3' ? 's3.amazonaws.com' : 'apigateway.amazonaws.com',
        },
      };
    },
    read({ logicalId, type, properties }, ctx) {
      if (type === 'AWS::Events::Rule') {
        const target = (Array.isArray(properties.Targets) ? (properties.Targets as CfnProperties[]) : [])[0];
        const functionId = target ? ctx.idOf(target.Arn) : null;
        if (!functionId || properties.ScheduleExpression === undefined) return null;
        return { kind: 'lambdaTrigger', name: logicalId, functionId, source: 'eventBridgeSchedule' };
      }
      const functionId = ctx.idOf(properties.FunctionName);
      if (!functionId) return null;
      const principal =
        typeof properties.Principal === 'string' ? properties.Principal.replace(AMAZON_DNS_SUFFIX, '') : '';
      const source =
        type === 'AWS::Lambda::EventSourceMapping'
          ? 'sqs'
          : principal === 's3'
            ? 's3'
            : principal === 'events'
              ? 'eventBridgeSchedule'
              : 'apiGateway';
      return { kind: 'lambdaTrigger', name: logicalId, functionId, source };
    },
    notes:
      'API Gateway and S3 as `AWS::Lambda::Permission`, a schedule as `AWS::Events::Rule`, SQS as `AWS::Lambda::EventSourceMapping` (the queue is a parameter). Event rates are kept in the metadata.',
  },

  vpcPeeringConnection: {
    types: ['AWS::EC2::VPCPeeringConnection'],
    beside: [],
    write: (peering, ctx) => ({
      Type: 'AWS::EC2::VPCPeeringConnection',
      Properties: compact({
        VpcId: ctx.ref(peering.requesterVpcId),
        PeerVpcId: ctx.ref(peering.accepterVpcId),
        Tags: tagsOf(peering.name),
      }),
    }),
    read: ({ logicalId, properties }, ctx) => ({
      kind: 'vpcPeeringConnection',
      name: ctx.nameOf(properties, logicalId),
      requesterVpcId: ctx.idOf(properties.VpcId),
      accepterVpcId: ctx.idOf(properties.PeerVpcId),
    }),
    notes: 'Its status is kept in the metadata.',
  },

  transitGateway: {
    types: ['AWS::EC2::TransitGateway'],
    beside: [],
    write: (gateway) => ({
      Type: 'AWS::EC2::TransitGateway',
      Properties: compact({
        AmazonSideAsn: gateway.amazonSideAsn,
        DefaultRouteTableAssociation: 'disable',
        DefaultRouteTablePropagation: 'disable',
        Tags: tagsOf(gateway.name),
      }),
    }),
    read: ({ logicalId, properties }, ctx) => ({
      kind: 'transitGateway',
      name: ctx.nameOf(properties, logicalId),
      regionId: ctx.region(),
      amazonSideAsn: ctx.number(properties.AmazonSideAsn ?? 64512, `${logicalId}.AmazonSideAsn`) ?? 64512,
    }),
    notes: 'Its route tables are kept in the metadata.',
  },

  transitGatewayAttachment: {
    types: ['AWS::EC2::TransitGatewayAttachment', 'AWS::EC2::TransitGatewayPeeringAttachment'],
    beside: [],
    // A VPN attachment is made by its VPN connection, not declared.
    inCode: (attachment) => attachment.type !== 'vpn',
    write(attachment, ctx) {
      if (attachment.type === 'peering')
        return {
          Type: 'AWS::EC2::TransitGatewayPeeringAttachment',
          Properties: {
            TransitGatewayId: ctx.ref(attachment.transitGatewayId),
            PeerTransitGatewayId: ctx.ref(attachment.peerTransitGatewayId),
            PeerAccountId: { Ref: 'AWS::AccountId' },
            PeerRegion: { Ref: 'AWS::Region' },
          },
        };
      return {
        Type: 'AWS::EC2::TransitGatewayAttachment',
        Properties: compact({
          TransitGatewayId: ctx.ref(attachment.transitGatewayId),
          VpcId: ctx.ref(attachment.vpcId),
          SubnetIds: attachment.subnetIds.map((id) => ctx.ref(id)),
          Tags: tagsOf(attachment.name),
        }),
      };
    },
    read({ logicalId, type, properties }, ctx) {
      if (type === 'AWS::EC2::TransitGatewayPeeringAttachment')
        return {
          kind: 'transitGatewayAttachment',
          name: logicalId,
          transitGatewayId: ctx.idOf(properties.TransitGatewayId),
          type: 'peering',
          peerTransitGatewayId: ctx.idOf(properties.PeerTransitGatewayId),
        };
      return {
        kind: 'transitGatewayAttachment',
        name: ctx.nameOf(properties, logicalId),
        transitGatewayId: ctx.idOf(properties.TransitGatewayId),
        type: 'vpc',
        vpcId: ctx.idOf(properties.VpcId),
        subnetIds: ctx.ids(properties.SubnetIds),
      };
    },
    notes:
      'VPC and peering attachments; a VPN attachment (made by its VPN connection), route-table associations and propagations are kept in the metadata.',
  },

  managedPrefixList: {
    types: ['AWS::EC2::PrefixList'],
    beside: [],
    // AWS's own lists (S3, DynamoDB) exist in every Region; only a customer's is declared.
    inCode: (list) => list.ownedBy === 'customer',
    write: (list) => ({
      Type: 'AWS::EC2::PrefixList',
      Properties: compact({
        PrefixListName: list.prefixListName || list.name || 'prefix-list',
        AddressFamily: 'IPv4',
        MaxEntries: list.maxEntries,
        Entries: list.cidrs.map((Cidr) => ({ Cidr })),
        Tags: tagsOf(list.name),
      }),
    }),
    read: ({ logicalId, properties }, ctx) => ({
      kind: 'managedPrefixList',
      name: ctx.nameOf(properties, logicalId),
      regionId: ctx.region(),
      prefixListName: typeof properties.PrefixListName === 'string' ? properties.PrefixListName : '',
      ownedBy: 'customer',
      cidrs: (Array.isArray(properties.Entries) ? (properties.Entries as CfnProperties[]) : []).map(
        (e) => ctx.text(e.Cidr, 'Cidr') ?? '',
      ),
      maxEntries: ctx.number(properties.MaxEntries ?? 10, `${logicalId}.MaxEntries`) ?? 10,
    }),
    notes: 'AWS-managed lists are kept in the metadata.',
  },

  vpcEndpoint: {
    types: ['AWS::EC2::VPCEndpoint'],
    beside: [],
    write: (endpoint, ctx) => ({
      Type: 'AWS::EC2::VPCEndpoint',
      Properties: compact({
        VpcId: ctx.ref(endpoint.vpcId),
        ServiceName: endpoint.serviceName,
        VpcEndpointType: endpoint.type === 'gateway' ? 'Gateway' : 'Interface',
        RouteTableIds: refs(ctx, endpoint.routeTableIds),
        SubnetIds: refs(ctx, endpoint.subnetIds),
        SecurityGroupIds: refs(ctx, endpoint.securityGroupIds),
      }),
    }),
    read: ({ logicalId, properties }, ctx) => ({
      kind: 'vpcEndpoint',
      name: logicalId,
      vpcId: ctx.idOf(properties.VpcId),
      type: properties.VpcEndpointType === 'Interface' ? 'interface' : 'gateway',
      serviceName: ctx.text(properties.ServiceName, `${logicalId}.ServiceName`) ?? '',
      routeTableIds: ctx.ids(properties.RouteTableIds),
      subnetIds: ctx.ids(properties.SubnetIds),
      securityGroupIds: ctx.ids(properties.SecurityGroupIds),
    }),
    notes: 'Its name, the service’s prefix list and the interfaces’ addresses are kept in the metadata.',
  },

  loadBalancer: {
    types: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
    beside: ['AWS::ElasticLoadBalancingV2::Listener'],
    write(lb, ctx) {
      const logical = ctx.logicalOf(lb.id)!;
      lb.listeners.forEach((listener) =>
        ctx.add(`${logical}Listener${listener.port}`, {
          Type: 'AWS::ElasticLoadBalancingV2::Listener',
          Properties: {
            LoadBalancerArn: ctx.ref(lb.id),
            Port: listener.port,
            Protocol: listener.protocol,
            DefaultActions: listener.targetGroupId
              ? [{ Type: 'forward', TargetGroupArn: ctx.ref(listener.targetGroupId) }]
              : [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '503' } }],
          },
        }),
      );
      ctx.output(`${logical}DnsName`, ctx.att(lb.id, 'DNSName'), `${lb.name || lb.id}: DNS name`);
      return {
        Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        Properties: compact({
          Name: lb.name ? lb.name.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 32) : undefined,
          Type: lb.type,
          Scheme: lb.scheme,
          SubnetMappings: lb.subnetMappings.map((m) =>
            compact({
              SubnetId: ctx.ref(m.subnetId),
              PrivateIPv4Address: m.privateIp ?? undefined,
              AllocationId: m.elasticIpId ? ctx.att(m.elasticIpId, 'AllocationId') : undefined,
            }),
          ),
          SecurityGroups: refs(ctx, lb.securityGroupIds),
          LoadBalancerAttributes: [{ Key: 'load_balancing.cross_zone.enabled', Value: String(lb.crossZone) }],
          Tags: tagsOf(lb.name),
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const attributes = Array.isArray(properties.LoadBalancerAttributes)
        ? (properties.LoadBalancerAttributes as CfnProperties[])
        : [];
      const mappings = Array.isArray(properties.SubnetMappings) ? (properties.SubnetMappings as CfnProperties[]) : [];
      const subnets =
        mappings.length > 0 ? mappings : ctx.ids(properties.Subnets).map((id): CfnProperties => ({ SubnetId: id }));
      const subnetMappings = subnets.map((m) => ({
        subnetId: ctx.idOf(m.SubnetId),
        privateIp: typeof m.PrivateIPv4Address === 'string' ? m.PrivateIPv4Address : null,
        elasticIpId: m.AllocationId === undefined ? null : ctx.idOf(m.AllocationId),
      }));
      const vpcOfFirstSubnet = subnetMappings[0] ? ctx.read(logicalOfValue(mappings[0]?.SubnetId) ?? '') : undefined;
      return {
        kind: 'loadBalancer',
        name: ctx.nameOf(properties, typeof properties.Name === 'string' ? properties.Name : logicalId),
        type: properties.Type === 'network' ? 'network' : 'application',
        scheme: properties.Scheme === 'internal' ? 'internal' : 'internet-facing',
        vpcId: vpcOfFirstSubnet ? ctx.idOf(vpcOfFirstSubnet.properties.VpcId) : '',
        subnetMappings,
        securityGroupIds: ctx.ids(properties.SecurityGroups),
        listeners: ctx.beside('AWS::ElasticLoadBalancingV2::Listener', 'LoadBalancerArn', logicalId).map((l) => {
          const action = (
            Array.isArray(l.properties.DefaultActions) ? (l.properties.DefaultActions as CfnProperties[]) : []
          )[0];
          return {
            protocol: typeof l.properties.Protocol === 'string' ? l.properties.Protocol : 'HTTP',
            port: ctx.number(l.properties.Port, `${l.logicalId}.Port`) ?? 80,
            targetGroupId: action?.Type === 'forward' ? ctx.idOf(action.TargetGroupArn) : null,
          };
        }),
        crossZone: attributes.some((a) => a.Key === 'load_balancing.cross_zone.enabled' && String(a.Value) === 'true'),
      };
    },
    notes: 'Listeners as `AWS::ElasticLoadBalancingV2::Listener`; its DNS name is an output.',
  },

  targetGroup: {
    types: ['AWS::ElasticLoadBalancingV2::TargetGroup'],
    beside: [],
    write(group, ctx) {
      const check = group.healthCheck;
      const lambda = group.targetType === 'lambda';
      return {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: compact({
          Name: group.name ? group.name.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 32) : undefined,
          TargetType: group.targetType,
          VpcId: lambda ? undefined : ctx.ref(group.vpcId),
          Protocol: lambda ? undefined : group.protocol,
          Port: lambda ? undefined : group.port,
          HealthCheckEnabled: check.enabled,
          HealthCheckProtocol: check.protocol,
          HealthCheckPath: check.protocol === 'TCP' ? undefined : check.path,
          HealthCheckPort: String(check.port),
          HealthCheckIntervalSeconds: check.intervalSeconds,
          HealthCheckTimeoutSeconds: check.timeoutSeconds,
          HealthyThresholdCount: check.healthyThreshold,
          UnhealthyThresholdCount: check.unhealthyThreshold,
          Targets: [...group.targetIds.map((id) => ({ Id: ctx.ref(id) })), ...group.targetIps.map((Id) => ({ Id }))],
          TargetGroupAttributes: [
            { Key: 'deregistration_delay.timeout_seconds', Value: String(group.deregistrationDelaySeconds) },
            ...(typeof group.preserveClientIp === 'boolean'
              ? [{ Key: 'preserve_client_ip.enabled', Value: String(group.preserveClientIp) }]
              : []),
          ],
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      const targets = Array.isArray(properties.Targets) ? (properties.Targets as CfnProperties[]) : [];
      const attributes = Array.isArray(properties.TargetGroupAttributes)
        ? (properties.TargetGroupAttributes as CfnProperties[])
        : [];
      const attribute = (key: string) => attributes.find((a) => a.Key === key)?.Value;
      const num = (v: unknown, fallback: number) =>
        v === undefined ? fallback : (ctx.number(v, logicalId) ?? fallback);
      const port = properties.HealthCheckPort;
      const delay = attribute('deregistration_delay.timeout_seconds');
      const preserve = attribute('preserve_client_ip.enabled');
      return {
        kind: 'targetGroup',
        name: typeof properties.Name === 'string' ? properties.Name : logicalId,
        vpcId: ctx.idOf(properties.VpcId) ?? '',
        targetType: typeof properties.TargetType === 'string' ? properties.TargetType : 'instance',
        protocol: typeof properties.Protocol === 'string' ? properties.Protocol : 'HTTP',
        port: num(properties.Port, 80),
        healthCheck: {
          enabled: ctx.flag(properties.HealthCheckEnabled) ?? true,
          protocol: typeof properties.HealthCheckProtocol === 'string' ? properties.HealthCheckProtocol : 'HTTP',
          path: typeof properties.HealthCheckPath === 'string' ? properties.HealthCheckPath : '/',
          port: port === undefined || port === 'traffic-port' ? 'traffic-port' : num(port, 80),
          intervalSeconds: num(properties.HealthCheckIntervalSeconds, 30),
          timeoutSeconds: num(properties.HealthCheckTimeoutSeconds, 5),
          healthyThreshold: num(properties.HealthyThresholdCount, 5),
          unhealthyThreshold: num(properties.UnhealthyThresholdCount, 2),
        },
        targetIds: targets.filter((t) => typeof t.Id !== 'string').map((t) => ctx.idOf(t.Id)),
        targetIps: targets.filter((t) => typeof t.Id === 'string').map((t) => t.Id),
        deregistrationDelaySeconds: num(delay, 300),
        ...(preserve !== undefined ? { preserveClientIp: String(preserve) === 'true' } : {}),
      };
    },
    notes: 'Targets by `!Ref`; health check and attributes as properties.',
  },

  launchTemplate: {
    types: ['AWS::EC2::LaunchTemplate'],
    beside: [],
    write(template, ctx) {
      const ssm = AMI_PARAMETERS[template.amiId];
      const image = ssm
        ? ctx.parameter(ssm.parameter, {
            Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
            Default: ssm.path,
            Description: ssm.name,
          })
        : template.amiId;
      return {
        Type: 'AWS::EC2::LaunchTemplate',
        Properties: {
          LaunchTemplateName: template.name ? template.name.replace(/[^A-Za-z0-9().\-/_]/g, '-') : undefined,
          LaunchTemplateData: compact({
            ImageId: image,
            InstanceType: template.instanceType,
            NetworkInterfaces: [
              {
                DeviceIndex: 0,
                AssociatePublicIpAddress: template.associatePublicIp,
                Groups: refs(ctx, template.securityGroupIds),
              },
            ],
            TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: template.instanceName }] }],
          }),
        },
      };
    },
    read({ logicalId, properties }, ctx) {
      const data = (properties.LaunchTemplateData ?? {}) as CfnProperties;
      const nic = (Array.isArray(data.NetworkInterfaces) ? (data.NetworkInterfaces as CfnProperties[]) : [])[0];
      const spec = (Array.isArray(data.TagSpecifications) ? (data.TagSpecifications as CfnProperties[]) : []).find(
        (s) => s.ResourceType === 'instance',
      );
      const image = data.ImageId;
      return {
        kind: 'launchTemplate',
        name: typeof properties.LaunchTemplateName === 'string' ? properties.LaunchTemplateName : logicalId,
        regionId: ctx.region(),
        amiId: typeof image === 'string' ? (amiOfPath(image) ?? image) : '',
        instanceType: typeof data.InstanceType === 'string' ? data.InstanceType : '',
        securityGroupIds: ctx.ids(nic?.Groups ?? data.SecurityGroupIds),
        associatePublicIp: ctx.flag(nic?.AssociatePublicIpAddress) ?? false,
        instanceName: ctx.nameOf({ Tags: spec?.Tags }, 'web'),
      };
    },
    notes: 'AMIs as SSM public parameters where one exists.',
  },

  autoScalingGroup: {
    types: ['AWS::AutoScaling::AutoScalingGroup'],
    beside: [],
    write: (group, ctx) => ({
      Type: 'AWS::AutoScaling::AutoScalingGroup',
      Properties: compact({
        AutoScalingGroupName: group.name || undefined,
        LaunchTemplate: {
          LaunchTemplateId: ctx.ref(group.launchTemplateId),
          Version: ctx.att(group.launchTemplateId, 'LatestVersionNumber'),
        },
        VPCZoneIdentifier: refs(ctx, group.subnetIds),
        MinSize: String(group.minSize),
        MaxSize: String(group.maxSize),
        DesiredCapacity: String(group.desiredCapacity),
        HealthCheckType: group.healthCheckType,
        HealthCheckGracePeriod: group.healthCheckGracePeriodSeconds,
        TargetGroupARNs: refs(ctx, group.targetGroupIds),
        DefaultInstanceWarmup: group.defaultInstanceWarmupSeconds ?? undefined,
        Cooldown: String(group.defaultCooldownSeconds),
      }),
    }),
    read({ logicalId, properties }, ctx) {
      const launch = (properties.LaunchTemplate ?? {}) as CfnProperties;
      const subnets = ctx.ids(properties.VPCZoneIdentifier);
      const firstSubnet = ctx.read(logicalOfValue((properties.VPCZoneIdentifier as unknown[] | undefined)?.[0]) ?? '');
      const size = (v: unknown, fallback: number) =>
        v === undefined ? fallback : (ctx.number(v, logicalId) ?? fallback);
      return {
        kind: 'autoScalingGroup',
        name: typeof properties.AutoScalingGroupName === 'string' ? properties.AutoScalingGroupName : logicalId,
        vpcId: firstSubnet ? ctx.idOf(firstSubnet.properties.VpcId) : '',
        launchTemplateId: ctx.idOf(launch.LaunchTemplateId) ?? '',
        subnetIds: subnets,
        minSize: size(properties.MinSize, 0),
        maxSize: size(properties.MaxSize, 0),
        desiredCapacity: size(properties.DesiredCapacity ?? properties.MinSize, 0),
        healthCheckType: properties.HealthCheckType === 'ELB' ? 'ELB' : 'EC2',
        healthCheckGracePeriodSeconds: size(properties.HealthCheckGracePeriod, 300),
        targetGroupIds: ctx.ids(properties.TargetGroupARNs),
        defaultInstanceWarmupSeconds:
          properties.DefaultInstanceWarmup === undefined ? null : size(properties.DefaultInstanceWarmup, 0),
        defaultCooldownSeconds: size(properties.Cooldown, 300),
      };
    },
    notes:
      'Scaling policies, scheduled actions, the AZ-rebalance process and the per-instance capacity are kept in the metadata.',
  },

  dbSubnetGroup: {
    types: ['AWS::RDS::DBSubnetGroup'],
    beside: [],
    write: (group, ctx) => ({
      Type: 'AWS::RDS::DBSubnetGroup',
      Properties: compact({
        DBSubnetGroupDescription: group.name || 'DB subnet group',
        SubnetIds: refs(ctx, group.subnetIds),
        Tags: tagsOf(group.name),
      }),
    }),
    read({ logicalId, properties }, ctx) {
      const first = ctx.read(logicalOfValue((properties.SubnetIds as unknown[] | undefined)?.[0]) ?? '');
      return {
        kind: 'dbSubnetGroup',
        name: ctx.nameOf(properties, logicalId),
        vpcId: first ? ctx.idOf(first.properties.VpcId) : '',
        subnetIds: ctx.ids(properties.SubnetIds),
      };
    },
    notes: '',
  },

  dbInstance: {
    types: ['AWS::RDS::DBInstance'],
    beside: [],
    write(db, ctx) {
      ctx.output(
        `${ctx.logicalOf(db.id)}Endpoint`,
        ctx.att(db.id, 'Endpoint.Address'),
        `${db.name || db.id}: endpoint`,
      );
      return {
        Type: 'AWS::RDS::DBInstance',
        Properties: compact({
          Engine: db.engine,
          DBInstanceClass: db.instanceClass,
          AllocatedStorage: db.readReplicaSourceId ? undefined : String(db.allocatedStorageGb),
          StorageType: db.storageType,
          Port: String(db.port),
          DBSubnetGroupName: db.readReplicaSourceId ? undefined : ctx.ref(db.dbSubnetGroupId),
          VPCSecurityGroups: refs(ctx, db.securityGroupIds),
          MultiAZ: db.multiAz,
          SourceDBInstanceIdentifier: db.readReplicaSourceId ? ctx.ref(db.readReplicaSourceId) : undefined,
          MasterUsername: db.readReplicaSourceId ? undefined : 'admin_user',
          ManageMasterUserPassword: db.readReplicaSourceId ? undefined : true,
          Tags: tagsOf(db.name),
        }),
      };
    },
    read({ logicalId, properties }, ctx) {
      // RDS picks the subnet in the group; Nimbus draws it in the group's first.
      const group = ctx.read(logicalOfValue(properties.DBSubnetGroupName) ?? '');
      const firstSubnet = group ? (ctx.ids(group.properties.SubnetIds)[0] ?? '') : '';
      return {
        kind: 'dbInstance',
        name: ctx.nameOf(properties, logicalId),
        engine: properties.Engine === 'mysql' ? 'mysql' : 'postgres',
        instanceClass: typeof properties.DBInstanceClass === 'string' ? properties.DBInstanceClass : '',
        allocatedStorageGb: Number(properties.AllocatedStorage ?? 20),
        storageType: properties.StorageType === 'gp2' ? 'gp2' : 'gp3',
        port: Number(properties.Port ?? (properties.Engine === 'mysql' ? 3306 : 5432)),
        dbSubnetGroupId: ctx.idOf(properties.DBSubnetGroupName) ?? '',
        securityGroupIds: ctx.ids(properties.VPCSecurityGroups),
        multiAz: ctx.flag(properties.MultiAZ) ?? false,
        subnetId: firstSubnet,
        privateIp: '',
        readReplicaSourceId:
          properties.SourceDBInstanceIdentifier === undefined ? null : ctx.idOf(properties.SourceDBInstanceIdentifier),
      };
    },
    notes:
      'The password is managed by RDS in Secrets Manager; the subnets and addresses the instance and standby hold are kept in the metadata; the endpoint is an output.',
  },
};

const logicalOfValue = (value: unknown): string | undefined =>
  value && typeof value === 'object' && 'logicalId' in value
    ? String((value as { logicalId: unknown }).logicalId)
    : undefined;

const amiOfPath = (value: string): string | undefined =>
  Object.entries(AMI_PARAMETERS).find(([, p]) => p.path === value)?.[0];
