import { parseDesign } from '../../domain';
import { diffDesigns, type DesignDiff } from './diffDesigns';

export type DiffCallResult = { ok: true; diff: DesignDiff } | { ok: false; errors: string[] };

/**
 * `diffDesigns` for the worker: two exposure analyses, two validations and two
 * short simulations are too heavy for the page's thread on a big design.
 * The designs cross as plain data and are parsed again here.
 */
export const diffApi = {
  diffDesigns(before: unknown, after: unknown, options?: { matchByName?: boolean }): DiffCallResult {
    const left = parseDesign(before);
    if (!left.ok) return { ok: false, errors: left.errors.map((e) => `before: ${e}`) };
    const right = parseDesign(after);
    if (!right.ok) return { ok: false, errors: right.errors.map((e) => `after: ${e}`) };
    return { ok: true, diff: diffDesigns(left.design, right.design, { matchByName: options?.matchByName === true }) };
  },
};

export type DiffApi = typeof diffApi;
