import { resourceById } from '../lookup';
import { listRef, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';

export const launchTemplateKind: KindSpec<'launchTemplate'> = {
  kind: 'launchTemplate',
  idPrefix: 'lt',
  label: 'a launch template',
  containers: ['region'],
  isContainer: false,
  containerOf: (design, template) => resourceById(design, template.regionId),
  references: [requiredRef('regionId', ['region'], 'deleteSelf'), listRef('securityGroupIds', ['securityGroup'])],
  create({ region, ids }) {
    if (!region) return refusedDrop('Drop the launch template inside a Region.');
    return created({
      kind: 'launchTemplate',
      id: ids.next('launchTemplate'),
      name: 'web-template',
      regionId: region.id,
      amiId: 'ami-0a1b2c3d4e5f60001',
      instanceType: 't3.micro',
      securityGroupIds: [],
      associatePublicIp: false,
      instanceName: 'web',
    });
  },
  duplicate: { reset: (copy) => copy },
};

export type { LaunchTemplate } from './launchTemplate.schema';
