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
  const settings = design.simulation ?? simulationSettings();
  const outage = { at: check.atSeconds, fault: 'zoneOutage' as const, zoneId: zone.id, durationSeconds: null };
  const sim = new Simulation(
    { ...design, simulation: { ...settings, faults: [...settings.faults, outage] } },
    { seed: SEED },
  );
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
