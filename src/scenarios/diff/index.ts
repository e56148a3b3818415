/**
 * What-if diffs of two designs (`nimbus diff`, the app's "Compare with..."):
 * `diffDesigns` and the shapes it answers with, and `diffApi`, its entry for
 * the worker (inputs as plain data, parsed again there).
 */
export { diffDesigns, type DesignDiff, type DiffFinding, type DiffOptions } from './diffDesigns';
export type { ResourceDiff, ResourceRef, ResourceChange, MatchOptions } from './resources';
export type { ReachPath, OpeningRule } from './paths';
export type { CostDiff, CostEstimate } from './cost';
export { monthlyCostEstimate } from './cost';
export { diffApi, type DiffApi, type DiffCallResult } from './diffApi';
