import { resourceById } from '../lookup';
import { listRef, reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { createNetworkAcl } from '../factories';
import { created, refusedDrop } from './drop';

export const networkAclKind: KindSpec<'networkAcl'> = {
  kind: 'networkAcl',
  idPrefix: 'acl',
  label: 'a network ACL',
  containers: ['vpc'],
  isContainer: false,
  containerOf: (design, acl) => resourceById(design, acl.vpcId),
  references: [
    requiredRef('vpcId', ['vpc'], 'deleteSelf'),
    reportedAs('ASSOCIATION_SUBNET_MISSING', listRef('subnetIds', ['subnet'])),
  ],
  create: ({ vpc, ids }) =>
    vpc ? created(createNetworkAcl(ids, vpc.id)) : refusedDrop('Drop the network ACL inside a VPC.'),
  duplicate: { reset: (copy) => ({ ...copy, subnetIds: [], isDefault: false }) },
};

export type { NaclRule, NetworkAcl } from './networkAcl.schema';
