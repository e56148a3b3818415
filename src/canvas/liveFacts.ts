import { getResource, type Design } from '../domain';
import type { SimFrame, TargetHealthState } from '../sim/protocol';
import { formatClock } from '../sim/clock';

/** A live badge: its words carry the meaning, the tone only repeats it (never colour alone). */
export interface LiveBadge {
  text: string;
  tone: 'ok' | 'bad' | 'wait' | 'off';
  title?: string;
}

const HEALTH_TONE: Record<TargetHealthState, LiveBadge['tone']> = {
  healthy: 'ok',
  unhealthy: 'bad',
  initial: 'wait',
  draining: 'off',
  unused: 'off',
  unavailable: 'off',
};

const zoneName = (design: Design, zoneId: string | null) =>
  (zoneId && getResource(design, zoneId, 'availabilityZone')?.zoneName) || zoneId || 'zone';
const subnetZone = (design: Design, subnetId: string | null) =>
  zoneName(design, getResource(design, subnetId, 'subnet')?.azId ?? null);

/** Each target's health states (with AWS's reason) across every target group, once per frame. */
const healthByTarget = new WeakMap<SimFrame, Map<string, Map<TargetHealthState, string | null>>>();
function targetHealthIndex(frame: SimFrame): Map<string, Map<TargetHealthState, string | null>> {
  let index = healthByTarget.get(frame);
  if (!index) {
    index = new Map();
    for (const lb of frame.loadBalancers)
      for (const group of lb.targetGroups)
        for (const target of group.targets) {
          const states = index.get(target.id) ?? new Map<TargetHealthState, string | null>();
          states.set(target.health, target.reason);
          index.set(target.id, states);
        }
    healthByTarget.set(frame, index);
  }
  return index;
}

/** A target's health in every target group that holds it (once per state), with AWS's reason codes. */
export function targetHealthBadges(frame: SimFrame | null, targetId: string): LiveBadge[] {
  const seen = frame ? targetHealthIndex(frame).get(targetId) : undefined;
  if (!seen) return [];
  return [...seen].map(([health, reason]) => ({
    text: health,
    tone: HEALTH_TONE[health],
    ...(reason ? { title: reason } : {}),
  }));
}

/** An instance's live extras: impaired by a fault, then its health in target groups. */
export function instanceLiveBadges(frame: SimFrame | null, id: string): LiveBadge[] {
  const live = frame?.instances[id];
  if (!live) return [];
  return [
    ...(live.impaired ? [{ text: 'impaired', tone: 'bad' as const, title: 'Failing its status checks' }] : []),
    ...targetHealthBadges(frame, id),
  ];
}

/** Each zone's load balancer node, in service or not. */
export function loadBalancerLiveBadges(frame: SimFrame | null, design: Design, id: string): LiveBadge[] {
  const lb = frame?.loadBalancers.find((l) => l.id === id);
  if (!lb) return [];
  return lb.nodes.map((node) => {
    const zone = node.zoneId ? zoneName(design, node.zoneId) : subnetZone(design, node.subnetId);
    return node.inService ? { text: `${zone} in service`, tone: 'ok' } : { text: `${zone} out`, tone: 'bad' };
  });
}

/** How many of a target group's targets are in each health state. */
export function targetGroupLiveBadges(frame: SimFrame | null, id: string): LiveBadge[] {
  const counts = new Map<TargetHealthState, number>();
  let found = false;
  for (const lb of frame?.loadBalancers ?? [])
    for (const group of lb.targetGroups)
      if (group.id === id && !found) {
        found = true;
        for (const t of group.targets) counts.set(t.health, (counts.get(t.health) ?? 0) + 1);
      }
  if (!found) return [];
  if (counts.size === 0) return [{ text: 'no targets', tone: 'bad' }];
  return [...counts].map(([health, n]) => ({ text: `${n} ${health}`, tone: HEALTH_TONE[health] }));
}

/** An Auto Scaling group's instances in service of desired, and its latest activity. */
export function autoScalingGroupLiveBadges(frame: SimFrame | null, id: string): LiveBadge[] {
  const group = frame?.autoScalingGroups.find((g) => g.id === id);
  if (!group) return [];
  const inService = group.instances.filter((i) => i.lifecycle === 'InService').length;
  const pending = group.instances.filter((i) => i.lifecycle === 'Pending').length;
  return [
    {
      text: `${inService}/${group.desired} in service`,
      tone: inService >= group.desired ? 'ok' : inService === 0 ? 'bad' : 'wait',
      ...(group.lastActivity ? { title: group.lastActivity } : {}),
    },
    ...(pending > 0 ? [{ text: `${pending} pending`, tone: 'wait' as const }] : []),
  ];
}

/** An EKS cluster's pods running of those wanted, with the first Pending reason (Kubernetes' own words). */
export function eksClusterLiveBadges(frame: SimFrame | null, id: string): LiveBadge[] {
  const cluster = frame?.eks?.find((c) => c.id === id);
  if (!cluster) return [];
  const wanted = cluster.deployments.reduce((sum, d) => sum + d.replicas, 0);
  const running = cluster.deployments.reduce((sum, d) => sum + d.running, 0);
  const reason = cluster.deployments.find((d) => d.reason)?.reason;
  const cutOff = cluster.nodeGroups.reduce((sum, g) => sum + g.endpointPath.none, 0);
  return [
    { text: `${running}/${wanted} pods running`, tone: running >= wanted ? 'ok' : running === 0 ? 'bad' : 'wait' },
    ...(running < wanted
      ? [{ text: `${wanted - running} Pending`, tone: 'wait' as const, ...(reason ? { title: reason } : {}) }]
      : []),
    ...(cutOff > 0
      ? [
          {
            text: `${cutOff} node${cutOff === 1 ? '' : 's'} cut off`,
            tone: 'bad' as const,
            title:
              "Can't reach the cluster's endpoint (HTTPS to the internet): give the node subnets a route through a NAT gateway",
          },
        ]
      : []),
  ];
}

/** A database's status and where its primary runs now. */
export function databaseLiveBadges(frame: SimFrame | null, design: Design, id: string): LiveBadge[] {
  const db = frame?.databases.find((d) => d.id === id);
  if (!db) return [];
  const primary = `primary in ${subnetZone(design, db.primarySubnetId)}`;
  switch (db.status) {
    case 'available':
      return [{ text: primary, tone: 'ok', title: `${db.failovers} failover${db.failovers === 1 ? '' : 's'} so far` }];
    case 'failing-over':
      return [{ text: 'failing over', tone: 'wait', title: 'Connections fail until the endpoint moves (60–120 s)' }];
    case 'unavailable':
      return [{ text: 'unavailable', tone: 'bad', title: `Single-AZ: its zone is down (${primary})` }];
  }
}

/** Since when a zone is down, in the toolbar's clock ("down since 00:10:00"), or null when it is up. */
export function zoneDownSince(frame: SimFrame | null, zoneId: string): string | null {
  if (!frame?.faults.zonesDown.includes(zoneId)) return null;
  const fault = frame.faults.active.find((f) => f.fault === 'zoneOutage' && f.targetId === zoneId);
  return fault ? formatClock(fault.since) : formatClock(frame.now);
}

/** Whether a fault is in effect on this resource now (so the canvas offers to recover it). */
export const faultActiveOn = (frame: SimFrame | null, targetId: string): boolean =>
  frame?.faults.active.some((f) => f.targetId === targetId) ?? false;
