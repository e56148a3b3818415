import { z } from 'zod';
import { InternetIdSchema } from '../ids';
import { NameSchema } from '../common';
import type { KindSpec } from './spec';
import { resourcesOfKind } from '../lookup';
import { created, refusedDrop } from './drop';

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
  // One internet: every outside address is in it.
  create: ({ design, ids }) =>
    resourcesOfKind(design, 'internet').length > 0
      ? refusedDrop('The internet is already on the canvas.')
      : created({ kind: 'internet', id: ids.next('internet'), name: 'Internet' }),
  duplicate: false,
};
