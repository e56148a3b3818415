import { getResource, PRICES, simulationSettings, type Design, type LambdaTrigger } from '../../domain';
import { Simulation } from '../../sim/simulation';
import type { CheckOutcome } from './designChecks';
import type { GoalCheck } from './schema';

/**
 * Goals answered by the deterministic simulation (fixed seed), so a design
 * always gets the same verdict: the same code the simulation panel and the
 * CLI run, not a separate formula.
 */
const SEED = 1;
/** Long enough for Fargate tasks (30-45 s) and instances (pending) to be running before the rate is read. */
export const COST_SETTLE_SECONDS = 120;

type CheckOf<T extends GoalCheck['type']> = Extract<GoalCheck, { type: T }>;

const usd = (n: number) => `$${n.toFixed(2)}`;
const count = (n: number, word: string) => `${n.toLocaleString('en-US')} ${n === 1 ? word : `${word}s`}`;

const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

/** The design with the function's own triggers replaced by one steady synchronous caller. */
function withSteadyLoad(design: Design, functionId: string, requestsPerSecond: number): Design {
  const resources: Design['resources'] = {};
  for (const [id, resource] of Object.entries(design.resources))
    if (!(resource.kind === 'lambdaTrigger' && resource.functionId === functionId)) resources[id] = resource;
  const load: LambdaTrigger = {
    kind: 'lambdaTrigger',
    id: `learn-load-${functionId}` as LambdaTrigger['id'],
    name: 'Goal load',
    functionId: functionId as LambdaTrigger['functionId'],
    source: 'apiGateway',
    eventsPerSecond: requestsPerSecond,
    load: { shape: 'constant' },
  };
  resources[load.id] = load;
  return { ...design, resources };
}

export function checkNoThrottles(design: Design, check: CheckOf<'noThrottles'>): CheckOutcome {
  const fn = getResource(design, check.functionId, 'lambdaFunction');
  if (!fn) return { met: false, detail: `The function "${check.functionId}" is no longer in the design.` };
  const sim = new Simulation(withSteadyLoad(design, fn.id, check.requestsPerSecond), { seed: SEED });
  sim.runUntil(check.seconds);
  const result = sim.summary().functions.find((f) => f.id === fn.id);
  const throttles = result?.throttles ?? 0;
  const needed = (check.requestsPerSecond * Math.min(fn.averageDurationMs, fn.timeoutSeconds * 1000)) / 1000;
  const load = `At ${thousands(check.requestsPerSecond)} requests/s for ${check.seconds} s, ${fn.name} needs about ${thousands(needed)} concurrent executions (requests/s × ${fn.averageDurationMs} ms)`;
  if (throttles === 0)
    return {
      met: true,
      detail: `${load} and got them: no request was throttled (peak ${result?.peakConcurrency ?? 0}).`,
    };
  const cap =
    fn.reservedConcurrency !== null && fn.reservedConcurrency < needed
      ? ` Its reserved concurrency of ${fn.reservedConcurrency} is the ceiling.`
      : ` The account's concurrency left for it (what other functions have not reserved) is the ceiling.`;
  return {
    met: false,
    detail: `${load}, but only reached ${result?.peakConcurrency ?? 0}: ${thousands(throttles)} requests were throttled (HTTP 429).${cap}`,
  };
}

export function checkMonthlyCost(design: Design, check: CheckOf<'monthlyCostUnder'>): CheckOutcome {
  const sim = new Simulation(design, { seed: SEED });
  sim.runUntil(COST_SETTLE_SECONDS);
  const cost = sim.cost();
  const monthly = cost.ratePerHour * PRICES.hoursPerMonth;
  const biggest = [...cost.byResource]
    .filter((r) => r.ratePerHour > 0)
    .sort((a, b) => b.ratePerHour - a.ratePerHour)
    .slice(0, 3)
    .map((r) => `${r.name} ${usd(r.ratePerHour * PRICES.hoursPerMonth)}`)
    .join(', ');
  const head = `About ${usd(monthly)} a month at the current rate${biggest ? ` (largest: ${biggest})` : ''}`;
  return monthly < check.usd
    ? { met: true, detail: `${head}, under the ${usd(check.usd)} budget.` }
    : { met: false, detail: `${head}; the budget is under ${usd(check.usd)}.` };
}

export function checkServiceRunning(design: Design, check: CheckOf<'serviceRunning'>): CheckOutcome {
  const service = getResource(design, check.serviceId, 'ecsService');
  if (!service) return { met: false, detail: `The service "${check.serviceId}" is no longer in the design.` };
  const sim = new Simulation(design, { seed: SEED });
  sim.runUntil(check.afterSeconds);
  const summary = sim.summary().services.find((s) => s.id === service.id);
  const running = summary?.running ?? 0;
  const head = `After ${check.afterSeconds} s, ${service.name} (${service.launchType}) has ${running} of ${summary?.desired ?? service.desiredCount} tasks running`;
  if (running >= check.atLeast) return { met: true, detail: `${head}.` };
  const waiting = summary?.waitingReason ? ` Waiting: ${summary.waitingReason}` : '';
  return { met: false, detail: `${head}; the goal needs ${check.atLeast}.${waiting}` };
}

/** The design with the zone failing at `at` for the rest of the run, on top of the design's own faults. */
function withZoneOutage(design: Design, zoneId: string, at: number): Design {
  const settings = design.simulation ?? simulationSettings();
  const outage = { at, fault: 'zoneOutage' as const, zoneId, durationSeconds: null };
  return { ...design, simulation: { ...settings, faults: [...settings.faults, outage] } };
}

export function checkPodsRunning(design: Design, check: CheckOf<'podsRunning'>): CheckOutcome {
  const cluster = getResource(design, check.clusterId, 'eksCluster');
  if (!cluster) return { met: false, detail: `The EKS cluster "${check.clusterId}" is no longer in the design.` };
  if (!cluster.deployments.some((d) => d.name === check.deployment))
    return { met: false, detail: `${cluster.name} no longer has the deployment ${check.deployment}.` };
  const outage = check.zoneOutage;
  const zone = outage ? getResource(design, outage.zoneId, 'availabilityZone') : undefined;
  if (outage && !zone)
    return { met: false, detail: `The Availability Zone "${outage.zoneId}" is no longer in the design.` };
  const sim = new Simulation(outage ? withZoneOutage(design, outage.zoneId, outage.atSeconds) : design, {
    seed: SEED,
  });
  sim.runUntil(check.afterSeconds);
  const frame = sim.summary().eks?.find((c) => c.id === cluster.id);
  const deployment = frame?.deployments.find((d) => d.name === check.deployment);
  const running = deployment?.running ?? 0;
  const when =
    outage && zone
      ? `${check.afterSeconds - outage.atSeconds} s after ${zone.zoneName} failed`
      : `After ${check.afterSeconds} s`;
  const head = `${when}, ${check.deployment} has ${running} of ${deployment?.replicas ?? 0} pods running`;
  if (running >= check.atLeast) return { met: true, detail: `${head}.` };
  const cutOff = (frame?.nodeGroups ?? [])
    .filter((g) => g.endpointPath.none > 0)
    .map(
      (g) =>
        `${count(g.endpointPath.none, 'node')} of ${g.name} can't reach the cluster's endpoint (HTTPS to the internet)`,
    );
  const why = [deployment?.reason ? `Pending: ${deployment.reason.replace(/\.$/, '')}` : '', ...cutOff]
    .filter((w) => w)
    .join('; ');
  return { met: false, detail: `${head}; the goal needs ${check.atLeast}.${why ? ` ${why}.` : ''}` };
}

export function checkNodesReachEndpoint(design: Design, check: CheckOf<'nodesReachEndpoint'>): CheckOutcome {
  const cluster = getResource(design, check.clusterId, 'eksCluster');
  if (!cluster) return { met: false, detail: `The EKS cluster "${check.clusterId}" is no longer in the design.` };
  const sim = new Simulation(design, { seed: SEED });
  sim.runUntil(check.afterSeconds);
  const groups = sim.summary().eks?.find((c) => c.id === cluster.id)?.nodeGroups ?? [];
  const total = { natGateway: 0, publicIp: 0, none: 0 };
  for (const g of groups)
    for (const path of ['natGateway', 'publicIp', 'none'] as const) total[path] += g.endpointPath[path];
  const running = total.natGateway + total.publicIp + total.none;
  if (running === 0)
    return {
      met: false,
      detail: `After ${check.afterSeconds} s, ${cluster.name} has no running node: give it a node group EKS accepts.`,
    };
  const parts = [
    total.natGateway > 0 && `${count(total.natGateway, 'node')} through a NAT gateway`,
    total.publicIp > 0 &&
      `${count(total.publicIp, 'node')} with ${total.publicIp === 1 ? 'its' : 'their'} own public IPv4 address`,
    total.none > 0 &&
      `${count(total.none, 'node')} not at all, so ${total.none === 1 ? 'it has' : 'they have'} not joined the cluster`,
  ].filter((p): p is string => typeof p === 'string');
  const head = `After ${check.afterSeconds} s, ${cluster.name}'s ${count(running, 'running node')} reach its endpoint (HTTPS to the internet): ${parts.join(', ')}`;
  if (total.none > 0) return { met: false, detail: `${head}. Give their subnets a route out.` };
  if (check.through === 'natGateway' && total.publicIp > 0)
    return { met: false, detail: `${head}; the goal is every node through a NAT gateway, with no public address.` };
  return { met: true, detail: `${head}.` };
}

/** Requests sent and delivered so far by each of the design's flows, by id. */
function flowTotals(sim: Simulation): Map<string, { name: string; sent: number; delivered: number }> {
  const totals = new Map<string, { name: string; sent: number; delivered: number }>();
  for (const f of sim.traffic.flowCounters()) totals.set(f.id, { name: f.name, sent: f.sent, delivered: f.delivered });
  return totals;
}

const percent = (n: number) => `${(Math.floor(n * 10) / 10).toFixed(1)} %`;

export function checkServedThroughZoneOutage(design: Design, check: CheckOf<'servedThroughZoneOutage'>): CheckOutcome {
  const zone = getResource(design, check.zoneId, 'availabilityZone');
  if (!zone) return { met: false, detail: `The Availability Zone "${check.zoneId}" is no longer in the design.` };
  const sim = new Simulation(withZoneOutage(design, zone.id, check.atSeconds), { seed: SEED });
  sim.runUntil(check.atSeconds + check.recoverySeconds);
  const from = flowTotals(sim);
  sim.runUntil(check.untilSeconds);
  // Every flow that sent must meet the share on its own: summed, a large flow that never crosses the failed
  // zone would hide one that lost everything. Every flow, not only those to load balancers, because what a
  // zone takes down is also reached without one (a NAT gateway, a database).
  const flows = [...flowTotals(sim)].flatMap(([id, to]) => {
    const sent = to.sent - (from.get(id)?.sent ?? 0);
    const served = to.delivered - (from.get(id)?.delivered ?? 0);
    return sent > 0 ? [{ name: to.name, sent, share: (served / sent) * 100 }] : [];
  });
  const window = `from ${check.recoverySeconds} s after ${zone.zoneName} failed (at ${check.atSeconds} s) until ${check.untilSeconds} s`;
  if (flows.length === 0)
    return { met: false, detail: `No flow sent a request ${window}: add the traffic the design must serve.` };
  const worst = flows.reduce((a, b) => (b.share < a.share ? b : a));
  const of = flows.length > 1 ? ` of ${worst.name}` : '';
  const head = `${percent(worst.share)} of ${thousands(worst.sent)} requests${of} were served ${window}`;
  const every = flows.length > 1 ? ' for every flow' : '';
  return worst.share >= check.atLeastPercent
    ? { met: true, detail: `${head}, at least the ${check.atLeastPercent} % asked${every}.` }
    : { met: false, detail: `${head}; the goal is ${check.atLeastPercent} %${every}.` };
}
