import type { AutoScalingGroup, Ec2Instance } from '../domain';
import type { AlarmState } from './asgScaling';
import { round } from './kind';
import type { AutoScalingGroupFrame } from './protocol';

/** What the simulation keeps of an Auto Scaling group while it runs, and how it reports it. */

type Lifecycle = AutoScalingGroupFrame['instances'][number]['lifecycle'];

export interface Member {
  instance: Ec2Instance;
  zoneId: string;
  launchedAt: number;
  inServiceAt: number | null;
  lifecycle: Lifecycle;
  health: 'Healthy' | 'Unhealthy';
  /** The health check that found it unhealthy (null while healthy). */
  unhealthyBy: 'EC2' | 'ELB' | null;
  terminatedAt: number | null;
  /** In the design already (an import tagged it with the group): counted, checked and replaced, not added. */
  adopted: boolean;
}

export interface GroupRun {
  members: Member[];
  minSize: number;
  desired: number;
  maxSize: number;
  /** The design's capacity last seen: an edit of it takes effect, the scaling's own changes are kept otherwise. */
  designCapacity: string;
  launches: number;
  lastActivity: string | null;
  averageCpu: number | null;
  alarms: AlarmState;
  /** Requests sent so far by each flow to the group's load balancers, at the last datapoint. */
  lastSent: Map<string, number>;
  /** Bumped when an instance joins or leaves, so the zone balance is worked out again only then. */
  membership: number;
  balance: { membership: number; zonesDown: readonly string[]; moves: number } | null;
  /** The last failed launch's activity text, until a launch succeeds (logged once per cause). */
  launchFailure: string | null;
}

/** Counted toward capacity: launching or in service. */
export const isActive = (m: Member) => m.lifecycle === 'Pending' || m.lifecycle === 'InService';

export function groupFrame(group: AutoScalingGroup, run: GroupRun): AutoScalingGroupFrame {
  return {
    id: group.id,
    name: group.name,
    min: run.minSize,
    desired: run.desired,
    max: run.maxSize,
    instances: run.members.map((m) => ({
      id: m.instance.id,
      subnetId: m.instance.subnetId,
      zoneId: m.zoneId,
      lifecycle: m.lifecycle,
      health: m.health,
    })),
    lastActivity: run.lastActivity,
    averageCpu: run.averageCpu === null ? null : round(run.averageCpu, 3),
  };
}

export type AutoScalingGroupSummary = ReturnType<typeof groupSummary>;

export function groupSummary(group: AutoScalingGroup, run: GroupRun) {
  const active = run.members.filter(isActive);
  const byZone: Record<string, number> = {};
  for (const zone of [...new Set(active.map((m) => m.zoneId))].sort())
    byZone[zone] = active.filter((m) => m.zoneId === zone).length;
  return {
    id: group.id,
    name: group.name,
    min: run.minSize,
    desired: run.desired,
    max: run.maxSize,
    inService: run.members.filter((m) => m.lifecycle === 'InService').length,
    launched: run.launches,
    byZone,
  };
}
