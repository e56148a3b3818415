import { z } from 'zod';
import { RegionIdSchema } from '../ids';
import { NameSchema } from '../common';
import type { KindSpec } from './spec';
import { REGIONS } from '../catalogs/regions';
import { createRegion } from '../factories';
import { resourcesOfKind } from '../lookup';
import { created } from './drop';

export const RegionSchema = z.object({
  kind: z.literal('region'),
  id: RegionIdSchema,
  name: NameSchema,
  /** AWS Region code, e.g. `us-east-1`. */
  code: z.string(),
});
export type Region = z.infer<typeof RegionSchema>;

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
