import type { SgRule } from '../../../domain/kinds';
import { tagsOf, type CfnProperties, type MappingTable } from '../context';
import {
  compact,
  sgRuleProperties,
  readSgRule,
  ALL_TRAFFIC_OUT,
  MATCHES_NOTHING_OUT,
  matchesNothing,
  namesGroup,
  writeGroupRules,
  readGroupRules,
  writeAclEntries,
  readAclEntries,
  sameRule,
  ROUTE_TARGET_PROPERTY,
  ROUTE_TARGET_PROPERTIES,
  gatewayAttachment,
  mainTableRoutesBeyondLocal,
  subnetsOnMainTable,
} from './helpers';

/** Route tables, network ACLs and security groups, with their routes and rules. */
export const RULES_MAPPINGS = {
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
} satisfies Partial<MappingTable>;
