import { protocolNumber, readProtocol, type PortRange, type Protocol } from '../../../domain/common';
import type { Design, Resource } from '../../../domain/design';
import { ALLOW_ALL_OUTBOUND_SG_RULE } from '../../../domain/factories';
import type { NaclRule, RouteTable, SgRule } from '../../../domain/kinds';
import { AMI_PARAMETERS } from '../amis';
import { type CfnProperties, type CfnValue, type ExportContext, type ImportContext } from '../context';

/** What the kinds' CloudFormation mappings share: rule and route writing and reading, property tidying. */

export const compact = (props: CfnProperties): CfnProperties =>
  Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));

export const refs = (ctx: ExportContext, ids: readonly string[]) => ids.map((id) => ctx.ref(id));

// ---- rules ----------------------------------------------------------------

/** AWS's `IpProtocol`: `-1` for all, a name or a number. */
const ipProtocol = (protocol: Protocol) => (protocol === 'all' ? '-1' : String(protocol));

export function sgRuleProperties(rule: SgRule, direction: 'in' | 'out', ctx: ExportContext): CfnProperties {
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

export function readSgRule(
  props: CfnProperties,
  direction: 'in' | 'out',
  ctx: ImportContext,
  where: string,
): SgRule | null {
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
export const ALL_TRAFFIC_OUT: SgRule = ALLOW_ALL_OUTBOUND_SG_RULE;

/**
 * An egress rule that matches nothing (ICMP type 252 code 86 to 255.255.255.255/32),
 * written for a group with no outbound rules: AWS gives a group declared without
 * egress rules "all traffic out" (AWS CloudFormation User Guide, AWS::EC2::SecurityGroup,
 * SecurityGroupEgress), so "none" has to be said with a rule. The AWS CDK writes the same one.
 */
export const MATCHES_NOTHING_OUT: CfnProperties = {
  IpProtocol: 'icmp',
  FromPort: 252,
  ToPort: 86,
  CidrIp: '255.255.255.255/32',
  Description: 'Disallow all traffic',
};
export const matchesNothing = (props: CfnProperties) =>
  String(props.IpProtocol) === 'icmp' &&
  Number(props.FromPort) === 252 &&
  Number(props.ToPort) === 86 &&
  props.CidrIp === '255.255.255.255/32';

/** A rule naming a group goes in its own resource, so groups that name each other (or themselves) make no cycle. */
export const namesGroup = (rule: SgRule) => rule.peer.type === 'securityGroup';

export function writeGroupRules(
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

export function readGroupRules(logicalId: string, attributeOfVpc: string | null, ctx: ImportContext) {
  const pick = (type: string, direction: 'in' | 'out') =>
    [...ctx.beside(type, 'GroupId', logicalId), ...(attributeOfVpc ? ctx.beside(type, 'GroupId', attributeOfVpc) : [])]
      .map((r) => readSgRule(r.properties, direction, ctx, r.logicalId))
      .filter((r): r is SgRule => r !== null);
  return {
    inbound: pick('AWS::EC2::SecurityGroupIngress', 'in'),
    outbound: pick('AWS::EC2::SecurityGroupEgress', 'out'),
  };
}

export function writeAclEntries(
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

export function readAclEntries(keys: readonly string[], ctx: ImportContext) {
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

export const ALLOW_ALL_ACL: NaclRule = {
  ruleNumber: 100,
  protocol: 'all',
  ports: null,
  cidr: '0.0.0.0/0',
  action: 'allow',
};
export const sameRule = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Route targets by kind: the `AWS::EC2::Route` property that names them. */
export const ROUTE_TARGET_PROPERTY: Partial<Record<Resource['kind'], string>> = {
  internetGateway: 'GatewayId',
  virtualPrivateGateway: 'GatewayId',
  natGateway: 'NatGatewayId',
  ec2Instance: 'InstanceId',
  vpcPeeringConnection: 'VpcPeeringConnectionId',
  transitGateway: 'TransitGatewayId',
  vpcEndpoint: 'VpcEndpointId',
};
export const ROUTE_TARGET_PROPERTIES = [...new Set(Object.values(ROUTE_TARGET_PROPERTY))];

/** A route through a gateway needs its attachment first (AWS CloudFormation User Guide, "DependsOn attribute"). */
export const gatewayAttachment = (ctx: ExportContext, targetId: string) => {
  const logical = ctx.logicalOf(targetId);
  const gateway = ctx.design.resources[targetId];
  const attached =
    (gateway?.kind === 'internetGateway' || gateway?.kind === 'virtualPrivateGateway') && gateway.vpcId !== null;
  return logical && attached ? [ctx.attachmentOf(targetId)] : [];
};

export const mainTableRoutesBeyondLocal = (table: RouteTable) =>
  table.main && (table.routes.some((r) => r.target !== 'local') || table.propagatingGatewayIds.length > 0);

/** The VPC's subnets no table names: they use its main table. */
export function subnetsOnMainTable(table: RouteTable, design: Design): string[] {
  const resources = Object.values(design.resources);
  const explicit = new Set(
    resources.flatMap((r) => (r.kind === 'routeTable' && r.vpcId === table.vpcId && !r.main ? r.subnetIds : [])),
  );
  return resources
    .filter((r) => r.kind === 'subnet' && r.vpcId === table.vpcId && !explicit.has(r.id))
    .map((r) => r.id);
}

export const AMAZON_DNS_SUFFIX = '.amazonaws.com';

export const logicalOfValue = (value: unknown): string | undefined =>
  value && typeof value === 'object' && 'logicalId' in value
    ? String((value as { logicalId: unknown }).logicalId)
    : undefined;

export const amiOfPath = (value: string): string | undefined =>
  Object.entries(AMI_PARAMETERS).find(([, p]) => p.path === value)?.[0];
