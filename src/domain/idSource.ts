import type { Design, Kind } from './design';
import { KIND_SPECS } from './kinds/registry';

/** Hands out ids for new resources, one kind at a time. */
export interface IdSource {
  next<T extends string>(kind: Kind): T;
}

/** Makes an id like `subnet-0a1b2c3d` that is not yet in `taken`. */
export function newId<T extends string>(
  kind: Kind,
  taken: (id: string) => boolean,
  random: () => number = Math.random,
): T {
  for (;;) {
    const suffix = Math.floor(random() * 0xffffffff)
      .toString(16)
      .padStart(8, '0');
    const id = `${KIND_SPECS[kind].idPrefix}-${suffix}`;
    if (!taken(id)) return id as T;
  }
}

/**
 * Ids that avoid those already in the design, those of its set-aside resources
 * (so a newer Nimbus can bring them back) and those handed out by this source.
 */
export function idSourceFor(design: Design, random: () => number = Math.random): IdSource {
  const handedOut = new Set<string>(Object.keys(design.setAside?.resources ?? {}));
  return {
    next<T extends string>(kind: Kind): T {
      const id = newId<T>(
        kind,
        (candidate) => Object.hasOwn(design.resources, candidate) || handedOut.has(candidate),
        random,
      );
      handedOut.add(id);
      return id;
    },
  };
}
