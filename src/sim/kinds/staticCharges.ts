import type { Design } from '../../domain';
import type { ResourceCost, SimContext, SimulatedKind } from '../kind';
import { staticRates } from '../staticCosts';

interface Charge {
  id: string;
  name: string;
  usdPerHour: number;
  /** Billing at `usdPerHour` runs from here; null once the resource left the design. */
  since: number | null;
  /** Billed before `since`: at an earlier rate, or before the resource was deleted. */
  earlierUsd: number;
}

/** Resources billed by the hour for as long as they exist (see staticCosts.ts); they have no behaviour to simulate. */
export class StaticCharges implements SimulatedKind {
  private readonly charges = new Map<string, Charge>();

  constructor(
    design: Design,
    private readonly ctx: SimContext,
  ) {
    for (const rate of staticRates(design)) this.charges.set(rate.id, { ...rate, since: 0, earlierUsd: 0 });
  }

  /** A new resource bills from now, a deleted one stops, a new rate (e.g. port speed) applies from now. */
  sync(design: Design): void {
    const now = this.ctx.now;
    const present = new Set<string>();
    for (const rate of staticRates(design)) {
      present.add(rate.id);
      const charge = this.charges.get(rate.id);
      if (!charge) this.charges.set(rate.id, { ...rate, since: now, earlierUsd: 0 });
      else if (charge.since === null || charge.usdPerHour !== rate.usdPerHour) {
        charge.earlierUsd = billed(charge, now);
        Object.assign(charge, { name: rate.name, usdPerHour: rate.usdPerHour, since: now });
      } else charge.name = rate.name;
    }
    for (const charge of this.charges.values())
      if (!present.has(charge.id) && charge.since !== null) {
        charge.earlierUsd = billed(charge, now);
        charge.since = null;
      }
  }

  costs(now: number): ResourceCost[] {
    return [...this.charges.values()].map((c) => ({
      id: c.id,
      name: c.name,
      total: billed(c, now),
      ratePerHour: c.since === null ? 0 : c.usdPerHour,
    }));
  }
}

function billed(charge: Charge, now: number): number {
  return charge.since === null
    ? charge.earlierUsd
    : charge.earlierUsd + charge.usdPerHour * ((now - charge.since) / 3600);
}
