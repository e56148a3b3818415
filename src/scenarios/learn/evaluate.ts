import type { Design } from '../../domain';
import { checkInstances, checkNoFindings, checkReach, checkUsableAddresses, type CheckOutcome } from './designChecks';
import type { Goal, GoalCheck } from './schema';
import { checkMonthlyCost, checkNoThrottles, checkServiceRunning } from './simChecks';

/** One goal's verdict: `detail` says why, in words a student can act on. */
export interface GoalResult {
  id: string;
  met: boolean;
  detail: string;
}

export function evaluateCheck(design: Design, check: GoalCheck): CheckOutcome {
  switch (check.type) {
    case 'reach':
      return checkReach(design, check);
    case 'usableAddresses':
      return checkUsableAddresses(design, check);
    case 'noFindings':
      return checkNoFindings(design, check);
    case 'instances':
      return checkInstances(design, check);
    case 'noThrottles':
      return checkNoThrottles(design, check);
    case 'monthlyCostUnder':
      return checkMonthlyCost(design, check);
    case 'serviceRunning':
      return checkServiceRunning(design, check);
  }
}

/** Checks every goal against the design as it is now. Pure and deterministic: same design, same results. */
export function evaluateGoals(design: Design, goals: readonly Goal[]): GoalResult[] {
  return goals.map((goal) => ({ id: goal.id, ...evaluateCheck(design, goal.check) }));
}

/** A lesson is complete when it has goals and every one is met. */
export function lessonComplete(results: readonly GoalResult[]): boolean {
  return results.length > 0 && results.every((r) => r.met);
}
