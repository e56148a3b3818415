import type { KindSpec } from './spec';
import { REGIONS } from '../catalogs/regions';
import { createRegion } from '../factories';
import { resourcesOfKind } from '../lookup';
import { created } from './drop';

export const regionKind: KindSpec<'region'> = {
  kind: 'region',
  idPrefix: 'region',
  label: 'a Region',
  containers: [null],
  isContainer: true,
  containerOf: () => undefined,
  references: [],
  create({ design, ids }) {
    const used = new Set(resourcesOfKind(design, 'region').map((r) => r.code));
    const info = REGIONS.find((r) => !used.has(r.code)) ?? REGIONS[0]!;
    return created(createRegion(ids, info.code, info.name));
  },
  duplicate: false,
};

export type { Region } from './region.schema';
