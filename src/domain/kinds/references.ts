import type { Kind } from '../design';
import type { OnDelete, Reference } from './spec';

type KeysWhere<R, V> = { [F in keyof R]-?: R[F] extends V ? F : never }[keyof R] & string;

/** A field holding one id that must exist (`subnetId`). */
export function requiredRef<R, F extends KeysWhere<R, string>>(
  field: F,
  kinds: Reference<R>['kinds'],
  onDelete: Extract<OnDelete, 'deleteSelf' | 'keep'>,
): Reference<R> {
  return {
    field,
    kinds,
    onDelete,
    ids: (r) => [r[field] as string],
    without: (r) => r,
  };
}

/** A field holding one id or null (`elasticIpId`); a deleted target clears it. */
export function optionalRef<R, F extends KeysWhere<R, string | null>>(
  field: F,
  kinds: Reference<R>['kinds'],
  onDelete: Extract<OnDelete, 'clear' | 'deleteSelf' | 'keep'> = 'clear',
): Reference<R> {
  return {
    field,
    kinds,
    onDelete,
    ids: (r) => (r[field] ? [r[field] as string] : []),
    without: (r, gone) => (r[field] && gone.has(r[field] as string) ? { ...r, [field]: null } : r),
  };
}

/** A field holding a list of ids (`securityGroupIds`); a deleted target leaves the list. */
export function listRef<R, F extends KeysWhere<R, readonly string[]>>(field: F, kinds: readonly Kind[]): Reference<R> {
  return listIn(
    field,
    kinds,
    (r) => r[field] as readonly string[],
    (r, next) => ({ ...r, [field]: next }),
  );
}

/** A list of ids somewhere deeper in the resource (`vpcConfig.subnetIds`). */
export function listIn<R>(
  field: string,
  kinds: Reference<R>['kinds'],
  get: (resource: R) => readonly string[],
  set: (resource: R, next: string[]) => R,
): Reference<R> {
  return {
    field,
    kinds,
    onDelete: 'remove',
    ids: get,
    without: (r, gone) => {
      const ids = get(r);
      return ids.some((id) => gone.has(id))
        ? set(
            r,
            ids.filter((id) => !gone.has(id)),
          )
        : r;
    },
  };
}

/** The same reference, reported missing by the topic rule with this code. */
export const reportedAs = <R>(missingCode: string, reference: Reference<R>): Reference<R> => ({
  ...reference,
  missingCode,
});
