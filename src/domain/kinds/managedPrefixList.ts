import { resourceById, resourcesOfKind } from '../lookup';
import { requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';

export const managedPrefixListKind: KindSpec<'managedPrefixList'> = {
  kind: 'managedPrefixList',
  idPrefix: 'pl',
  label: 'a prefix list',
  containers: ['region'],
  isContainer: false,
  containerOf: (design, list) => resourceById(design, list.regionId),
  references: [requiredRef('regionId', ['region'], 'keep')],
  create({ design, region, ids }) {
    if (!region) return refusedDrop('Drop the prefix list inside a Region.');
    return created({
      kind: 'managedPrefixList',
      id: ids.next('managedPrefixList'),
      name: `Prefix list ${resourcesOfKind(design, 'managedPrefixList').length + 1}`,
      regionId: region.id,
      prefixListName: '',
      ownedBy: 'customer',
      cidrs: [],
      maxEntries: 10,
    });
  },
  duplicate: { reset: (copy) => ({ ...copy, ownedBy: 'customer' }) },
};

export type { ManagedPrefixList } from './managedPrefixList.schema';
