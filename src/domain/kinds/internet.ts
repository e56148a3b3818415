import { z } from 'zod';
import { InternetIdSchema } from '../ids';
import { NameSchema } from '../common';
import type { KindSpec } from './spec';

/** The public internet as an actor: where users and outside services are. */
export const InternetSchema = z.object({
  kind: z.literal('internet'),
  id: InternetIdSchema,
  name: NameSchema,
});
export type Internet = z.infer<typeof InternetSchema>;

export const internetKind: KindSpec<'internet'> = {
  kind: 'internet',
  idPrefix: 'internet',
  label: 'the internet',
  containers: [null],
  isContainer: false,
  containerOf: () => undefined,
  references: [],
  duplicate: false,
};
