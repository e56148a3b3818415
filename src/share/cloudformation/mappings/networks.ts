import { tagsOf, type CfnProperties, type MappingTable } from '../context';
import { compact, refs } from './helpers';

/** What joins VPCs and services: peering, transit gateways, prefix lists and VPC endpoints. */
export const NETWORKS_MAPPINGS = {
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
} satisfies Partial<MappingTable>;
