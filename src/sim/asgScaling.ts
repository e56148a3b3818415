import type { AutoScalingGroup, ScalingPolicy } from '../domain';
import type { Random } from './random';

/**
 * How EC2 Auto Scaling decides a group's desired capacity from its metrics:
 * target tracking's two alarms, step scaling's adjustments, the default
 * termination policy. Pure functions of the group's state; the kind applies them.
 */

/**
 * Target tracking's alarms (EC2 Auto Scaling User Guide, "Target tracking
 * scaling policies"): AWS creates `AlarmHigh`, in alarm after 3 one-minute
 * datapoints above the target, and `AlarmLow`, after 15 below. AWS does not
 * publish AlarmLow's threshold; Nimbus takes 90 % of the target (captures
 * show 70-90 %).
 */
export const ALARM_HIGH_DATAPOINTS = 3;
export const ALARM_LOW_DATAPOINTS = 15;
export const ALARM_LOW_FRACTION = 0.9;

/** One minute's metrics of a group: average CPU (percent) and requests per target, null without in-service instances. */
export interface GroupMetrics {
  averageCpu: number | null;
  requestsPerTarget: number | null;
}

/** Consecutive datapoints above and below each policy's target, by policy index. */
export interface AlarmState {
  high: number[];
  low: number[];
}

export interface ScalingDecision {
  desired: number;
  /** The alarm or policy that asked, in AWS's words, for the activity's cause. */
  cause: string;
}

/**
 * The desired capacity the policies ask for after one more datapoint, or
 * null when none asks for a change. Scale-out when any policy asks (the
 * largest wins); scale-in only when every policy agrees (the largest of their
 * asks). `capacity` counts the in-service instances the requests are
 * shared by; instances still launching count toward the desired capacity,
 * so a scale-out asks only for what they do not cover already.
 */
export function decideScaling(
  group: AutoScalingGroup,
  metrics: GroupMetrics,
  alarms: AlarmState,
  current: { desired: number; capacity: number },
): ScalingDecision | null {
  const outs: ScalingDecision[] = [];
  const ins: ScalingDecision[] = [];
  let allIn = group.policies.length > 0;
  group.policies.forEach((policy, index) => {
    const ask = policyAsk(group, policy, index, metrics, alarms, current);
    if (ask && ask.desired > current.desired) outs.push(ask);
    else if (ask && ask.desired < current.desired) ins.push(ask);
    else allIn = false;
  });
  const largest = (asks: ScalingDecision[]) => asks.reduce((a, b) => (b.desired > a.desired ? b : a));
  if (outs.length > 0) return largest(outs);
  if (allIn && ins.length > 0) return largest(ins);
  return null;
}

function policyAsk(
  group: AutoScalingGroup,
  policy: ScalingPolicy,
  index: number,
  metrics: GroupMetrics,
  alarms: AlarmState,
  current: { desired: number; capacity: number },
): ScalingDecision | null {
  if (policy.type === 'step') {
    const cpu = metrics.averageCpu;
    if (cpu === null) return null;
    const breach = cpu - policy.threshold;
    if (policy.comparison === 'above' ? breach <= 0 : breach >= 0) return null;
    const step = policy.steps.find(
      (s) => (s.lowerBound === null || breach >= s.lowerBound) && (s.upperBound === null || breach < s.upperBound),
    );
    if (!step) return null;
    const desired =
      policy.adjustmentType === 'ExactCapacity'
        ? step.adjustment
        : policy.adjustmentType === 'PercentChangeInCapacity'
          ? current.desired + percentChange(current.desired, step.adjustment)
          : current.desired + step.adjustment;
    return {
      desired,
      cause: `a CloudWatch alarm on CPUUtilization ${policy.comparison} ${policy.threshold} % triggered a step scaling policy`,
    };
  }
  const value = policy.metric === 'ASGAverageCPUUtilization' ? metrics.averageCpu : metrics.requestsPerTarget;
  alarms.high[index] ??= 0;
  alarms.low[index] ??= 0;
  if (value === null) {
    alarms.high[index] = 0;
    alarms.low[index] = 0;
    return null;
  }
  alarms.high[index] = value > policy.targetValue ? alarms.high[index]! + 1 : 0;
  alarms.low[index] = value < policy.targetValue * ALARM_LOW_FRACTION ? alarms.low[index]! + 1 : 0;
  // Capacity proportional to the metric keeps it at the target; rounded up, so scaling in stays conservative.
  const proportional = Math.ceil((current.capacity * value) / policy.targetValue - 1e-9);
  if (alarms.high[index]! >= ALARM_HIGH_DATAPOINTS) {
    alarms.high[index] = 0;
    // Launches under way (desired above capacity) count toward it: no change when they cover the ask.
    if (proportional <= current.desired) return null;
    return { desired: proportional, cause: alarmCause(group, 'AlarmHigh') };
  }
  // Scale-in is gradual (EC2 Auto Scaling User Guide, "Target tracking scaling policies for Amazon EC2 Auto
  // Scaling": it "scales out proportionally to the metric as fast as it can, but scales in more gradually").
  // Nimbus takes one instance per datapoint while AlarmLow stays in alarm (the counter is kept, not reset),
  // never below what the metric needs; AWS does not publish its scale-in step.
  if (alarms.low[index]! >= ALARM_LOW_DATAPOINTS && !policy.disableScaleIn) {
    const desired = Math.max(proportional, 0, current.desired - 1);
    return desired < current.desired ? { desired, cause: alarmCause(group, 'AlarmLow') } : null;
  }
  return null;
}

const alarmCause = (group: AutoScalingGroup, alarm: string) =>
  `a monitor alarm TargetTracking-${group.name}-${alarm} in state ALARM triggered policy target-tracking`;

/** PercentChangeInCapacity rounds toward zero but moves at least one instance (AWS's rule without MinAdjustmentMagnitude). */
function percentChange(desired: number, percent: number): number {
  const change = Math.trunc((desired * percent) / 100);
  return change === 0 ? Math.sign(percent) : change;
}

/**
 * The default termination policy (EC2 Auto Scaling User Guide, "Default
 * termination policy"): the zone with the most instances, then (all of one
 * launch template here) the instance closest to the next billing hour, then
 * at random. EC2 bills Linux by the second, so Nimbus skips the billing-hour
 * step and draws with the run's seed among the zone's instances.
 */
export function pickForTermination<T extends { zoneId: string }>(candidates: readonly T[], random: Random): T | null {
  if (candidates.length === 0) return null;
  const byZone = new Map<string, T[]>();
  for (const c of candidates) byZone.set(c.zoneId, [...(byZone.get(c.zoneId) ?? []), c]);
  let zone: T[] = [];
  for (const members of byZone.values()) if (members.length > zone.length) zone = members;
  return zone[Math.floor(random.next() * zone.length)] ?? null;
}

/**
 * How far a rebalance may take the group above its maximum: 10 % of max or
 * one instance, whichever is larger (EC2 Auto Scaling User Guide, "Rebalancing activities").
 */
export const rebalanceAllowance = (maxSize: number): number => Math.max(1, Math.floor(maxSize * 0.1));
