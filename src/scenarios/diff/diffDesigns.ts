import { resourceById, type Design } from '../../domain';
import { analyzeExposure, validateDesign, type ExposureFinding, type Finding } from '../../engine';
import { diffCost, monthlyCostEstimate, type CostDiff } from './cost';
import { openingRule, openPaths, subnetPathChanges, type ReachPath } from './paths';
import { diffResources, matchResources, type MatchOptions, type ResourceDiff } from './resources';

/** A finding as the diff lists it: which side's design it is in is said by the list it is in. */
export type DiffFinding = Pick<Finding, 'severity' | 'code' | 'resourceId' | 'message'>;

/**
 * What a change to a design does: which resources it adds, removes and
 * changes; which paths it opens and closes (internet → instance, on-premises
 * → VPC, subnet → subnet, each on a TCP port); which exposure and validation
 * findings it brings and resolves; and the monthly cost before and after.
 */
export interface DesignDiff {
  before: { name: string; resources: number };
  after: { name: string; resources: number };
  resources: ResourceDiff;
  /** Opened: open in the after design only, with the rule that opens it there; closed: the reverse. */
  paths: { opened: ReachPath[]; closed: ReachPath[] };
  exposure: { new: ExposureFinding[]; resolved: ExposureFinding[] };
  findings: { new: DiffFinding[]; resolved: DiffFinding[] };
  cost: CostDiff;
}

export type DiffOptions = MatchOptions;

/** More opened or closed paths than this are listed without the rule of each (one path analysis each). */
const MAX_RULE_LOOKUPS = 500;

/**
 * Findings in one side but not the other. A finding is the same on both sides
 * when its code, resource (in the before side's ids) and message are; those
 * left over are then paired with the resource's own name taken out of the
 * message, because messages name their resource and a rename rewrites them
 * without changing what the finding says.
 */
function splitFindings<F extends { code: string; resourceId: string; message: string }>(
  sides: { before: Design; after: Design },
  before: readonly F[],
  after: readonly F[],
  canon: (id: string) => string,
): { new: F[]; resolved: F[] } {
  const unnamed = (design: Design) => (f: F) => {
    const name = resourceById(design, f.resourceId)?.name;
    return name ? f.message.split(name).join('\u0000') : f.message;
  };
  const beforeText = unnamed(sides.before);
  const afterText = unnamed(sides.after);
  let leftBefore = [...before];
  let leftAfter = [...after];
  for (const key of [
    (f: F, id: string) => `${f.code}|${id}|${f.message}`,
    (f: F, id: string, side: 'before' | 'after') =>
      `${f.code}|${id}|${(side === 'before' ? beforeText : afterText)(f)}`,
  ]) {
    const waiting = new Map<string, F[]>();
    for (const f of leftBefore) {
      const k = key(f, f.resourceId, 'before');
      const queue = waiting.get(k);
      if (queue) queue.push(f);
      else waiting.set(k, [f]);
    }
    const paired = new Set<F>();
    leftAfter = leftAfter.filter((f) => {
      const match = waiting.get(key(f, canon(f.resourceId), 'after'))?.shift();
      if (match) paired.add(match);
      return !match;
    });
    leftBefore = leftBefore.filter((f) => !paired.has(f));
  }
  return { new: leftAfter, resolved: leftBefore };
}

const plain = (f: Finding): DiffFinding => ({
  severity: f.severity,
  code: f.code,
  resourceId: f.resourceId,
  message: f.message,
});

const byText = (a: ReachPath, b: ReachPath) => a.text.localeCompare(b.text);

export function diffDesigns(before: Design, after: Design, options: DiffOptions = {}): DesignDiff {
  const matching = matchResources(before, after, options);
  const canon = (id: string) => matching.toBefore.get(id) ?? id;
  const sides = { before, after };

  const exposureBefore = analyzeExposure(before);
  const exposureAfter = analyzeExposure(after);
  const pathsBefore = openPaths(before, exposureBefore);
  const pathsAfter = openPaths(after, exposureAfter, canon);
  const fromBefore = new Map([...matching.toBefore].map(([afterId, beforeId]) => [beforeId, afterId]));
  const opened = [
    ...[...pathsAfter.outside.values()].filter((p) => !pathsBefore.outside.has(p.key)),
    ...subnetPathChanges(pathsBefore, pathsAfter, after, (id) => fromBefore.get(id) ?? id),
  ].sort(byText);
  const closed = [
    ...[...pathsBefore.outside.values()].filter((p) => !pathsAfter.outside.has(p.key)),
    ...subnetPathChanges(pathsAfter, pathsBefore, before, (id) => id),
  ].sort(byText);
  const withRule = (design: Design) => (path: ReachPath, i: number) => {
    if (i >= MAX_RULE_LOOKUPS) return path;
    const rule = openingRule(design, path);
    return rule ? { ...path, rule } : path;
  };

  return {
    before: { name: before.name, resources: Object.keys(before.resources).length },
    after: { name: after.name, resources: Object.keys(after.resources).length },
    resources: diffResources(matching),
    paths: { opened: opened.map(withRule(after)), closed: closed.map(withRule(before)) },
    exposure: splitFindings(sides, exposureBefore.findings, exposureAfter.findings, canon),
    findings: splitFindings(sides, validateDesign(before).map(plain), validateDesign(after).map(plain), canon),
    cost: diffCost(monthlyCostEstimate(before), monthlyCostEstimate(after), canon),
  };
}
