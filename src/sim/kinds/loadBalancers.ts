import {
  getResource,
  listenerTargetGroups,
  PRICES,
  resourcesOfKind,
  type Design,
  type LoadBalancer,
} from '../../domain';
import { targetsOf, type RegisteredTarget } from '../../engine';
import type { BalancerCounters } from '../balancing';
import { GB } from '../dataTransfer';
import { RemovedCosts, round, type ResourceCost, type SimContext, type SimulatedKind } from '../kind';
import type { LoadBalancerFrame, TargetFrame, TargetHealthState } from '../protocol';
import type { TrafficSim } from '../traffic';
import type { LiveOverlay } from '../trafficPath';

export interface LoadBalancerSummary {
  id: string;
  name: string;
  served: number;
  failed: number;
  failedBy: Record<string, number>;
  costUsd: number;
}

/** One hour of a load balancer's load, summed second by second. */
interface HourLoad {
  seconds: number;
  newConnections: number;
  /** Persistent connections held open, summed over the seconds. */
  openConnectionSeconds: number;
  bytes: number;
}

interface Billing {
  lb: LoadBalancer;
  since: number;
  /** Capacity-unit cost of the hours that ended. */
  closedLcuUsd: number;
  hour: HourLoad;
}

const emptyHour = (): HourLoad => ({ seconds: 0, newConnections: 0, openConnectionSeconds: 0, bytes: 0 });

/**
 * Capacity units of an hour's load: the highest of its dimensions, each over
 * what one unit covers. ALB (LCU): 25 new connections/s, 3,000 active
 * connections/min, 1 GB/h processed. NLB (NLCU, TCP sizes): 800 new
 * connections/s, 100,000 active connections, 1 GB/h. Source: Elastic Load
 * Balancing pricing, us-east-1 (aws.amazon.com/elasticloadbalancing/pricing/),
 * as `PRICES.elb` holds them. Nimbus leaves out the ALB's
 * rule evaluations (its listeners have only default rules, the 10 free ones)
 * and the NLB's UDP and TLS sizes, and counts a connection a `perRequest`
 * request opens as active for the minute it is made in (it lasts under a
 * second). A partial hour is measured on the seconds it has had so far.
 */
export function capacityUnits(type: LoadBalancer['type'], hour: HourLoad): number {
  if (hour.seconds === 0) return 0;
  const newPerSecond = hour.newConnections / hour.seconds;
  const open = hour.openConnectionSeconds / hour.seconds;
  const gbPerHour = hour.bytes / GB;
  if (type === 'application') {
    const size = PRICES.elb.alb;
    const activePerMinute = newPerSecond * 60 + open;
    return Math.max(
      newPerSecond / size.newConnectionsPerSecond,
      activePerMinute / size.activeConnectionsPerMinute,
      gbPerHour / size.gbPerHour,
    );
  }
  const size = PRICES.elb.nlbTcp;
  return Math.max(
    newPerSecond / size.newConnectionsPerSecond,
    (open + newPerSecond) / size.activeConnections,
    gbPerHour / size.gbPerHour,
  );
}

/**
 * The design's load balancers: what they cost (by the hour, a partial hour
 * billed as a full one, plus capacity units from the load the flows put on
 * them), the frame rows the canvas draws (nodes in service, targets with
 * their health and requests) and the availability chart. The traffic itself
 * is the flows' (`TrafficSim`, `balancing.ts`); this kind reads its counters
 * after the flows tick.
 */
/** What the health checks tell the load balancer rows: a target's state and reason, and every target they track (draining ones too). */
export interface TargetChecks {
  stateOf(groupId: string, targetId: string): { health: TargetHealthState; reason: string | null } | undefined;
  trackedTargets(groupId: string): readonly string[];
}

const NO_CHECKS: TargetChecks = { stateOf: () => undefined, trackedTargets: () => [] };

/** The registered targets, then those deregistered but still draining (AWS lists them until the delay ends). */
function withDraining(registered: readonly RegisteredTarget[], tracked: readonly string[]): RegisteredTarget[] {
  const ids = new Set(registered.map((t) => t.id));
  const draining = tracked
    .filter((id) => !ids.has(id))
    .map((id): RegisteredTarget => ({ id, type: 'instance', autoScalingGroupId: null, subnetId: null, zoneId: null }));
  return [...registered, ...draining];
}

export class LoadBalancers implements SimulatedKind {
  private readonly billing = new Map<string, Billing>();
  private readonly removed = new RemovedCosts();
  private design: Design;

  constructor(
    design: Design,
    private readonly ctx: SimContext,
    private readonly traffic: TrafficSim,
    private readonly live: () => LiveOverlay,
    /** The health checks' view of targets (absent: not checked, counted healthy). */
    private readonly checks: TargetChecks = NO_CHECKS,
  ) {
    this.design = design;
    this.sync(design);
  }

  sync(design: Design): void {
    this.design = design;
    const now = this.ctx.now;
    const present = new Set<string>();
    for (const lb of resourcesOfKind(design, 'loadBalancer')) {
      present.add(lb.id);
      const billing = this.billing.get(lb.id);
      if (billing) billing.lb = lb;
      else this.billing.set(lb.id, { lb, since: now, closedLcuUsd: 0, hour: emptyHour() });
    }
    for (const [id, billing] of this.billing)
      if (!present.has(id)) {
        this.removed.add(this.costOf(billing, now));
        this.billing.delete(id);
      }
  }

  tick(): void {
    for (const billing of this.billing.values()) {
      const load = this.traffic.balancerLoad(billing.lb.id);
      const hour = billing.hour;
      hour.seconds += 1;
      if (load) {
        hour.newConnections += load.newConnections;
        hour.openConnectionSeconds += load.openConnections;
        hour.bytes += load.bytes;
      }
      // An hour of its life ended: its capacity units are billed and a new hour starts.
      if (hour.seconds === 3600) {
        billing.closedLcuUsd += capacityUnits(billing.lb.type, hour) * PRICES.elb[billing.lb.type].lcuHour;
        billing.hour = emptyHour();
      }
    }
  }

  costs(now: number): ResourceCost[] {
    return this.removed.withLive([...this.billing.values()].map((b) => this.costOf(b, now)));
  }

  /**
   * Hours begun, each billed in full (Elastic Load Balancing pricing: "each
   * partial hour is billed as a full hour"), plus the capacity units of the
   * hours ended and of the hour under way, at us-east-1 prices (`PRICES.elb`).
   * Nimbus leaves out the free tier (750 ALB hours and 15 LCUs a month).
   */
  private costOf(billing: Billing, now: number): ResourceCost {
    const price = PRICES.elb[billing.lb.type];
    const hoursBegun = Math.ceil(Math.max(0, now - billing.since) / 3600 - 1e-9);
    const units = capacityUnits(billing.lb.type, billing.hour);
    const openHour = billing.hour.seconds > 0 ? units * price.lcuHour : 0;
    return {
      id: billing.lb.id,
      name: billing.lb.name,
      total: hoursBegun * price.hour + billing.closedLcuUsd + openHour,
      ratePerHour: price.hour + units * price.lcuHour,
    };
  }

  summary(now: number): { loadBalancers?: LoadBalancerSummary[] } {
    if (this.billing.size === 0) return {};
    const counters = this.traffic.balancerCounters();
    return {
      loadBalancers: [...this.billing.values()].map((b) => {
        const c = counters.get(b.lb.id);
        return {
          id: b.lb.id,
          name: b.lb.name,
          served: c?.served ?? 0,
          failed: c?.failed ?? 0,
          failedBy: { ...(c?.failedBy ?? {}) },
          costUsd: round(this.costOf(b, now).total),
        };
      }),
    };
  }

  frame(now: number) {
    const overlay = this.live();
    const counters = this.traffic.balancerCounters();
    const rows: LoadBalancerFrame[] = [...this.billing.values()].map((b) =>
      this.row(b, counters.get(b.lb.id), overlay, now),
    );
    return { loadBalancers: rows, availability: this.traffic.availabilityFrame() };
  }

  private row(billing: Billing, c: BalancerCounters | undefined, overlay: LiveOverlay, now: number): LoadBalancerFrame {
    const { lb } = billing;
    const design = this.design;
    return {
      id: lb.id,
      name: lb.name,
      type: lb.type,
      nodes: lb.subnetMappings.map((m) => {
        const zoneId = getResource(design, m.subnetId, 'subnet')?.azId ?? null;
        return { subnetId: m.subnetId, zoneId, inService: !(zoneId && overlay.zonesDown?.includes(zoneId)) };
      }),
      targetGroups: listenerTargetGroups(design, lb).map((group) => ({
        id: group.id,
        name: group.name,
        targets: withDraining(targetsOf(design, group), this.checks.trackedTargets(group.id)).map((t): TargetFrame => {
          const requests = this.traffic.targetCounters(group.id, t.id);
          const checked = this.checks.stateOf(group.id, t.id);
          return {
            id: t.id,
            name: design.resources[t.id]?.name ?? t.id,
            zoneId: t.zoneId,
            health: checked?.health ?? overlay.targetHealth?.[group.id]?.[t.id] ?? 'healthy',
            reason: checked?.reason ?? null,
            requests: requests.requests,
            lastSecond: requests.lastSecond,
          };
        }),
      })),
      served: c?.served ?? 0,
      failed: c?.failed ?? 0,
      failedBy: { ...(c?.failedBy ?? {}) },
      lastSecond: { served: c?.lastSecond.served ?? 0, failed: c?.lastSecond.failed ?? 0 },
      capacityUnits: capacityUnits(lb.type, billing.hour),
      costUsd: this.costOf(billing, now).total,
    };
  }
}
