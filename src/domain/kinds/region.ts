import { z } from 'zod';
import { RegionIdSchema } from '../ids';
import { NameSchema } from '../common';
import type { KindSpec } from './spec';

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
  duplicate: false,
};
