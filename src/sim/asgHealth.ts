import { getResource, type AutoScalingGroup, type Design, type InstanceState } from '../domain';
import type { GroupMetrics } from './asgScaling';
import type { Member } from './asgRun';
import type { TargetHealthState } from './protocol';

/** What an Auto Scaling group reads of its instances' health checks and its members' load. */

/** The health verdicts a group reads: EC2 status checks and its target groups' health. */
export interface HealthReadings {
  /** When the instance's one-minute EC2 status check failed (null: it passes). */
  statusCheckFailedAt(instanceId: string): number | null;
  /** A target's health in a target group and since when it holds. */
  targetHealth(targetGroupId: string, instanceId: string): { health: TargetHealthState; since: number } | undefined;
}

/**
 * Which health check finds a member unhealthy at `now`, null when none
 * does. EC2 checks apply even in the grace period: any state but running at
 * once; an impaired instance once its one-minute status check has failed.
 * ELB checks after the grace period. The group acts on a check's verdict at
 * its next look after it, so with ELB checks the load balancer stops sending
 * to a failed instance (interval × unhealthy threshold) before or as the
 * group replaces it. Source: EC2 Auto Scaling User Guide, "Health checks for
 * Auto Scaling instances".
 */
export function unhealthyBy(
  group: AutoScalingGroup,
  m: Member,
  state: InstanceState | undefined,
  now: number,
  readings: HealthReadings,
): Member['unhealthyBy'] {
  // A launch not yet seen by EC2 (undefined) is still on its way.
  if (m.lifecycle === 'Pending')
    return state === undefined || state === 'pending' || state === 'running' ? null : 'EC2';
  if (state !== 'running') return 'EC2';
  const failedAt = readings.statusCheckFailedAt(m.instance.id);
  if (failedAt !== null && now > failedAt) return 'EC2';
  const graceOver = now >= m.launchedAt + group.healthCheckGracePeriodSeconds;
  if (group.healthCheckType === 'ELB' && graceOver)
    for (const tg of group.targetGroupIds) {
      const target = readings.targetHealth(tg, m.instance.id);
      if (target?.health === 'unhealthy' && now > target.since) return 'ELB';
    }
  return null;
}

/** How long a terminating instance drains first: the longest deregistration delay of the group's target groups. */
export function drainSeconds(design: Design, group: AutoScalingGroup): number {
  let delay = 0;
  for (const id of group.targetGroupIds)
    delay = Math.max(delay, getResource(design, id, 'targetGroup')?.deregistrationDelaySeconds ?? 0);
  return delay;
}

/**
 * One one-minute datapoint's metrics from the requests the group's load
 * balancers sent in that minute, and how many healthy in-service instances share them.
 * Warm-up: DefaultInstanceWarmup, else DefaultCooldown (EC2 Auto Scaling
 * User Guide, "Set the default instance warmup for an Auto Scaling group":
 * EstimatedInstanceWarmup falls back to it, then to DefaultCooldown). The
 * metric is the warmed instances' (their data is what the group aggregates;
 * none warmed, no metric), but every in-service instance, warming or not,
 * serves its share of the requests, so each warmed one sees requests ÷ in service.
 */
export function groupMetrics(
  group: AutoScalingGroup,
  members: readonly Member[],
  requestsPerMinute: number,
  now: number,
): { metrics: GroupMetrics; inService: number } {
  const inService = members.filter((m) => m.lifecycle === 'InService' && m.health === 'Healthy');
  const warmup = group.defaultInstanceWarmupSeconds ?? group.defaultCooldownSeconds;
  const warmed = inService.some((m) => m.inServiceAt !== null && now >= m.inServiceAt + warmup);
  const n = inService.length;
  return {
    metrics: {
      averageCpu: warmed ? (requestsPerMinute / 60 / (n * group.instanceCapacityRps)) * 100 : null,
      requestsPerTarget: n > 0 ? requestsPerMinute / n : null,
    },
    inService: n,
  };
}
