import { serviceSummary } from './containers';
import type { Simulation } from './simulation';
import type { FlowCounters, VersionedPath, VisualPacket } from './traffic';

/** What the UI draws, sent from the worker at most ten times a second. */
export interface SimFrame {
  now: number;
  running: boolean;
  speed: number;
  instances: Record<
    string,
    {
      state: string;
      rebooting: boolean;
      publicIp: string | null;
      costUsd: number;
      ratePerHour: number;
      timeline: Array<{ at: number; state: string }>;
    }
  >;
  functions: Array<{
    id: string;
    name: string;
    concurrency: number;
    offered: number;
    invocations: number;
    throttles: number;
    coldStarts: number;
    totals: { invocations: number; throttles: number; coldStarts: number; costUsd: number };
  }>;
  services: Array<{
    id: string;
    name: string;
    launchType: string;
    desired: number;
    running: number;
    pending: number;
    waitingReason: string | null;
  }>;
  cost: { ratePerHour: number; total: number };
  /** Newest last; the UI keeps the history it wants. */
  log: Array<{ at: number; level: 'info' | 'error'; resourceId: string | null; text: string }>;
  /** The design's flows: counters in design order, each flow's current path, and the packets to animate. */
  traffic: {
    flows: Array<FlowCounters & { id: string; name: string }>;
    paths: Record<string, VersionedPath>;
    packets: VisualPacket[];
  };
}

export function buildFrame(sim: Simulation, running: boolean, speed: number, logFrom: number): SimFrame {
  // Planning paths may log a changed verdict, so it happens before the log is read.
  const traffic: SimFrame['traffic'] = {
    flows: sim.traffic.flowCounters(),
    paths: Object.fromEntries(sim.traffic.currentPaths()),
    packets: sim.traffic.visiblePackets(sim.now),
  };
  const cost = sim.cost();
  const byId = new Map(cost.byResource.map((r) => [r.id, r]));
  const instances: SimFrame['instances'] = {};
  for (const s of sim.instances.values()) {
    instances[s.id] = {
      state: s.gone ? 'gone' : s.state,
      rebooting: s.rebooting,
      publicIp: s.publicIp,
      costUsd: byId.get(s.id)?.total ?? 0,
      ratePerHour: byId.get(s.id)?.ratePerHour ?? 0,
      timeline: s.timeline.map((t) => ({ at: t.at, state: t.state })),
    };
  }
  return {
    now: sim.now,
    running,
    speed,
    instances,
    functions: sim.functions.map((f) => ({
      id: f.fn.id,
      name: f.fn.name,
      concurrency: f.now.concurrency,
      offered: f.now.offered,
      invocations: f.now.invocations,
      throttles: f.now.throttles,
      coldStarts: f.now.coldStarts,
      totals: {
        invocations: f.totals.invocations,
        throttles: f.totals.throttles,
        coldStarts: f.totals.coldStarts,
        costUsd: f.totals.costUsd,
      },
    })),
    services: sim.services.map(serviceSummary),
    cost: { ratePerHour: cost.ratePerHour, total: cost.total },
    log: sim.log.slice(logFrom),
    traffic,
  };
}
