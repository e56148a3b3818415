import { ResourceRef } from '../evaluate';
import { tagsOf, type MappingTable } from '../context';
import { compact, refs, ALL_TRAFFIC_OUT, readGroupRules, readAclEntries, ALLOW_ALL_ACL, sameRule } from './helpers';

/** The Region, zones, the VPC, its subnets and gateways, and the hybrid links (VPN, Direct Connect, Client VPN). */
export const NETWORK_MAPPINGS = {
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
} satisfies Partial<MappingTable>;
