import { PRICES, type Design } from '../../domain';
import { Simulation } from '../../sim/simulation';
import { COST_SETTLE_SECONDS } from '../learn/simChecks';

/**
 * The monthly cost estimate the monthly-cost goal gives (`checkMonthlyCost`):
 * the deterministic simulation (seed 1) run for `COST_SETTLE_SECONDS`, so
 * instances and tasks are running, then its rate per hour × `PRICES.hoursPerMonth`
 * (730, AWS's own month for hourly prices). The rates are the simulator's
 * (`domain/catalogs/prices.ts`, each with its AWS pricing page); traffic-driven
 * charges count at the rate the design's flows give at that moment.
 */
export interface CostEstimate {
  monthlyUsd: number;
  /** Each resource's share, monthly, where it is not zero. */
  byResource: { id: string; name: string; monthlyUsd: number }[];
}

const SEED = 1;
const cents = (n: number) => Math.round(n * 100) / 100;

export function monthlyCostEstimate(design: Design): CostEstimate {
  const sim = new Simulation(design, { seed: SEED });
  sim.runUntil(COST_SETTLE_SECONDS);
  const cost = sim.cost();
  const byResource = new Map<string, { id: string; name: string; monthlyUsd: number }>();
  for (const row of cost.byResource) {
    if (row.ratePerHour === 0) continue;
    const monthly = row.ratePerHour * PRICES.hoursPerMonth;
    const seen = byResource.get(row.id);
    if (seen) seen.monthlyUsd += monthly;
    else byResource.set(row.id, { id: row.id, name: row.name, monthlyUsd: monthly });
  }
  return {
    monthlyUsd: cents(cost.ratePerHour * PRICES.hoursPerMonth),
    byResource: [...byResource.values()].map((r) => ({ ...r, monthlyUsd: cents(r.monthlyUsd) })),
  };
}

export interface CostDiff {
  beforeMonthlyUsd: number;
  afterMonthlyUsd: number;
  deltaUsd: number;
  /** The change as a share of the before cost; null when the before cost is zero and the after is not. */
  deltaPercent: number | null;
  /** Resources whose monthly share changed, largest change first (after-side ids; removed ones by their before id). */
  changes: { id: string; name: string; beforeUsd: number; afterUsd: number; deltaUsd: number }[];
}

export function diffCost(before: CostEstimate, after: CostEstimate, canon: (id: string) => string): CostDiff {
  const deltaUsd = cents(after.monthlyUsd - before.monthlyUsd);
  const deltaPercent =
    before.monthlyUsd === 0 ? (after.monthlyUsd === 0 ? 0 : null) : (deltaUsd / before.monthlyUsd) * 100;
  const rows = new Map<string, { id: string; name: string; beforeUsd: number; afterUsd: number }>();
  for (const r of before.byResource) rows.set(r.id, { id: r.id, name: r.name, beforeUsd: r.monthlyUsd, afterUsd: 0 });
  for (const r of after.byResource) {
    const key = canon(r.id);
    const row = rows.get(key);
    if (row) rows.set(key, { ...row, id: r.id, name: r.name, afterUsd: r.monthlyUsd });
    else rows.set(key, { id: r.id, name: r.name, beforeUsd: 0, afterUsd: r.monthlyUsd });
  }
  const changes = [...rows.values()]
    .map((r) => ({ ...r, deltaUsd: cents(r.afterUsd - r.beforeUsd) }))
    .filter((r) => r.deltaUsd !== 0)
    .sort((a, b) => Math.abs(b.deltaUsd) - Math.abs(a.deltaUsd) || a.id.localeCompare(b.id));
  return {
    beforeMonthlyUsd: before.monthlyUsd,
    afterMonthlyUsd: after.monthlyUsd,
    deltaUsd,
    deltaPercent: deltaPercent === null ? null : Math.round(deltaPercent * 10) / 10,
    changes,
  };
}
