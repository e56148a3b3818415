import type { KindSpec } from './spec';
import { resourcesOfKind } from '../lookup';
import { created, refusedDrop } from './drop';

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

export type { Internet } from './internet.schema';
