import type { ResourceId } from '../domain';

/**
 * `error`: AWS would refuse this (or it breaks an AWS rule outright).
 * `warning`: AWS accepts it, but it will not work the way it looks.
 */
export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  /** Stable machine-readable code, e.g. `SUBNET_OVERLAP`. */
  code: string;
  resourceId: ResourceId;
  /** One sentence a student understands. */
  message: string;
  /** What to do about it, when there is one obvious fix. */
  fix?: string;
}

export const finding = (
  severity: Severity,
  code: string,
  resourceId: string,
  message: string,
  fix?: string,
): Finding =>
  fix === undefined
    ? { severity, code, resourceId: resourceId as ResourceId, message }
    : { severity, code, resourceId: resourceId as ResourceId, message, fix };
