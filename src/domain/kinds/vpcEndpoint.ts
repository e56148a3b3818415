import { getResource, resourceById, resourcesOfKind } from '../lookup';
import { listRef, optionalRef, requiredRef } from './references';
import type { KindSpec } from './spec';
import { SERVICE_PREFIX_LISTS, type GatewayService } from '../catalogs/servicePrefixLists';
import { refusedDrop } from './drop';
import type { ManagedPrefixList } from './managedPrefixList';
import type { VpcEndpoint } from './vpcEndpoint.schema';

export const vpcEndpointKind: KindSpec<'vpcEndpoint'> = {
  kind: 'vpcEndpoint',
  idPrefix: 'vpce',
  label: 'a VPC endpoint',
  containers: ['vpc'],
  isContainer: false,
  containerOf: (design, endpoint) => resourceById(design, endpoint.vpcId),
  references: [
    requiredRef('vpcId', ['vpc'], 'deleteSelf'),
    optionalRef('prefixListId', ['managedPrefixList']),
    listRef('routeTableIds', ['routeTable']),
    listRef('subnetIds', ['subnet']),
    listRef('securityGroupIds', ['securityGroup']),
  ],
  routeTarget: {
    vpcOf: (_, endpoint) => (endpoint.type === 'gateway' ? endpoint.vpcId : null),
    blackholeReason(design, table, endpoint) {
      if (endpoint.type !== 'gateway')
        return `its target ${endpoint.name} is an interface endpoint, not a route target`;
      if (endpoint.vpcId !== table.vpcId) return `its target ${endpoint.name} is in another VPC`;
      if (!getResource(design, endpoint.prefixListId, 'managedPrefixList'))
        return `its target ${endpoint.name} has no prefix list`;
      return null;
    },
  },
  // A gateway endpoint for S3 (or DynamoDB, the variant) in every route table of the VPC, with the service's prefix list.
  create({ design, vpc, region, ids, variant }) {
    if (!vpc || !region) return refusedDrop('Drop the endpoint inside a VPC.');
    const service: GatewayService = variant === 'dynamodb' ? 'dynamodb' : 's3';
    const known = SERVICE_PREFIX_LISTS[service];
    const existing = resourcesOfKind(design, 'managedPrefixList').find(
      (l) => l.prefixListName === known.serviceName(region.code),
    );
    const list: ManagedPrefixList = existing ?? {
      kind: 'managedPrefixList',
      id: `${known.prefixListId}${region.code === 'us-east-1' ? '' : `-${region.code}`}` as ManagedPrefixList['id'],
      name: known.label,
      regionId: region.id,
      prefixListName: known.serviceName(region.code),
      ownedBy: 'aws',
      cidrs: [...known.cidrs],
      maxEntries: known.cidrs.length,
    };
    const endpoint: VpcEndpoint = {
      kind: 'vpcEndpoint',
      id: ids.next('vpcEndpoint'),
      name: `${known.label} gateway endpoint`,
      vpcId: vpc.id,
      type: 'gateway',
      serviceName: known.serviceName(region.code),
      prefixListId: list.id,
      routeTableIds: resourcesOfKind(design, 'routeTable')
        .filter((t) => t.vpcId === vpc.id)
        .map((t) => t.id),
      subnetIds: [],
      privateIps: [],
      securityGroupIds: [],
    };
    return { ok: true, resources: existing ? [endpoint] : [endpoint, list], primaryId: endpoint.id };
  },
  duplicate: false,
};

export type { VpcEndpoint } from './vpcEndpoint.schema';
