import { produce } from 'immer';
import type { Design, InstanceState } from '../../domain';
import {
  checkClientVpnReaches,
  checkFlowKept,
  checkInstances,
  checkNoFindings,
  checkReach,
  checkUsableAddresses,
  type CheckOutcome,
} from './designChecks';
import type { Goal, GoalCheck } from './schema';
import {
  checkMonthlyCost,
  checkNodesReachEndpoint,
  checkNoThrottles,
  checkPodsRunning,
  checkServedThroughZoneOutage,
  checkServiceRunning,
} from './simChecks';

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
    case 'podsRunning':
      return checkPodsRunning(design, check);
    case 'nodesReachEndpoint':
      return checkNodesReachEndpoint(design, check);
    case 'servedThroughZoneOutage':
      return checkServedThroughZoneOutage(design, check);
    case 'clientVpnReaches':
      return checkClientVpnReaches(design, check);
    case 'flowKept':
      return checkFlowKept(design, check);
  }
}

/** Instance states as a running simulation has them, by instance id. */
export type LiveInstanceStates = Readonly<Record<string, InstanceState>>;

/** Where a state in transition ends: what the goals should judge. */
const SETTLED: Record<InstanceState, InstanceState> = {
  pending: 'running',
  running: 'running',
  stopping: 'stopped',
  stopped: 'stopped',
  'shutting-down': 'terminated',
  terminated: 'terminated',
};

/**
 * The design with its instances in the states the running simulation gave
 * them, so stopping or terminating an instance in the simulation counts as
 * much as editing the design (an instance the simulation no longer has was
 * terminated long enough ago to be gone).
 */
export function asSimulated(design: Design, live: LiveInstanceStates): Design {
  return produce(design, (d) => {
    for (const resource of Object.values(d.resources)) {
      if (resource.kind !== 'ec2Instance' || !Object.hasOwn(live, resource.id)) continue;
      resource.state = SETTLED[live[resource.id]!];
    }
  });
}

/**
 * Checks every goal against the design as it is now (with the running
 * simulation's instance states, when given). Pure and deterministic: same
 * design and states, same results.
 */
export function evaluateGoals(design: Design, goals: readonly Goal[], live?: LiveInstanceStates): GoalResult[] {
  const judged = live ? asSimulated(design, live) : design;
  return goals.map((goal) => ({ id: goal.id, ...evaluateCheck(judged, goal.check) }));
}

/** A lesson is complete when it has goals and every one is met. */
export function lessonComplete(results: readonly GoalResult[]): boolean {
  return results.length > 0 && results.every((r) => r.met);
}
