import type { FrameParts } from './kind';
import type { SimFrame } from './protocol';
import type { Simulation } from './simulation';

/** The frame the UI draws: each kind adds its part, then the cost and the log lines not sent yet. */
export function buildFrame(sim: Simulation, running: boolean, speed: number, logFrom: number): SimFrame {
  const parts: FrameParts = {
    instances: {},
    functions: [],
    services: [],
    traffic: { flows: [], paths: {}, packets: [], transfer: [] },
    loadBalancers: [],
    autoScalingGroups: [],
    databases: [],
    faults: { zonesDown: [], active: [] },
    availability: { bucketSeconds: 10, series: [], servedPercent: null },
  };
  for (const kind of sim.kinds) Object.assign(parts, kind.frame?.(sim.now));
  const cost = sim.cost();
  // Read last: building a part (planning a flow's path) may log a changed verdict.
  const log = sim.log.slice(logFrom);
  return {
    now: sim.now,
    running,
    speed,
    instances: parts.instances,
    functions: parts.functions,
    services: parts.services,
    cost: { ratePerHour: cost.ratePerHour, total: cost.total },
    log,
    traffic: parts.traffic,
    loadBalancers: parts.loadBalancers,
    autoScalingGroups: parts.autoScalingGroups,
    databases: parts.databases,
    faults: parts.faults,
    availability: parts.availability,
    ...(parts.eks ? { eks: parts.eks } : {}),
  };
}
