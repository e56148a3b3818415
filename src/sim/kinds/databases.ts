import {
  DB_FAILOVER_SECONDS,
  DB_STORAGE_GB_MONTH_USD,
  findDbInstanceClass,
  getResource,
  PRICES,
  resourcesOfKind,
  type DbInstance,
  type Design,
} from '../../domain';
import {
  round,
  type EventHandler,
  type FrameParts,
  type ResourceCost,
  type SimContext,
  type SimulatedKind,
} from '../kind';
import type { ActionResult, DatabaseFrame } from '../protocol';

interface DbRun {
  id: string;
  name: string;
  /** Which of its two hosts serves the endpoint now (swapped by a failover). */
  serving: 'primary' | 'standby';
  status: DatabaseFrame['status'];
  failovers: number;
  /** Bumped when a failover starts, so a stale end of an earlier one is ignored. */
  version: number;
  usdPerHour: number;
  /** Billing at `usdPerHour` runs from here; null once deleted. */
  since: number | null;
  earlierUsd: number;
  /** The class billed from `since`: a change of class is a billable change, with its own 10-minute minimum. */
  instanceClass: string;
  /** The minimum seconds billed at `usdPerHour` from `since`: 600 after creation or a class change, else 0. */
  minimumSeconds: number;
}

type FailoverEnd = { id: string; version: number };

export type DatabaseSummary = ReturnType<Databases['summary']>['databases'][number];

/**
 * RDS DB instances: the endpoint and what it costs. A Multi-AZ instance
 * whose serving host's zone goes down (or a `dbFailover`) fails over: the
 * endpoint is unavailable for a duration drawn from `DB_FAILOVER_SECONDS`
 * (60-120 s), then points at the other host. A Single-AZ instance, or one
 * whose two zones are down, is unavailable until its zone returns. Source:
 * Amazon RDS User Guide, "Multi-AZ DB instance deployments" ("Failover process").
 * Nimbus models the endpoint moving; AWS also drops open connections and
 * clients must reconnect (a DNS TTL of at most 60 s is recommended).
 */
export class Databases implements SimulatedKind, EventHandler<FailoverEnd> {
  private readonly runs = new Map<string, DbRun>();
  private design: Design;

  constructor(
    design: Design,
    private readonly ctx: SimContext,
    private readonly zonesDown: () => readonly string[],
  ) {
    this.design = design;
    this.follow(design);
  }

  sync(design: Design): void {
    this.follow(design);
  }

  private follow(design: Design): void {
    this.design = design;
    const now = this.ctx.now;
    const present = new Set<string>();
    for (const db of resourcesOfKind(design, 'dbInstance')) {
      present.add(db.id);
      const rate = hourlyRate(db);
      const run = this.runs.get(db.id);
      if (!run) {
        this.runs.set(db.id, {
          id: db.id,
          name: db.name,
          serving: 'primary',
          status: 'available',
          failovers: 0,
          version: 0,
          usdPerHour: rate,
          since: now,
          earlierUsd: 0,
          instanceClass: db.instanceClass,
          minimumSeconds: BILLING_MINIMUM_SECONDS,
        });
        continue;
      }
      run.name = db.name;
      if (run.since === null || run.usdPerHour !== rate) {
        // Created again (after a deletion) or a new class: a billable change; a storage change is not.
        const billable = run.since === null || run.instanceClass !== db.instanceClass;
        this.settle(run, now);
        Object.assign(run, {
          usdPerHour: rate,
          since: now,
          instanceClass: db.instanceClass,
          minimumSeconds: billable ? BILLING_MINIMUM_SECONDS : 0,
        });
      }
    }
    for (const run of this.runs.values())
      if (!present.has(run.id) && run.since !== null) {
        this.settle(run, now);
        run.since = null;
      }
    this.zonesChanged();
  }

  /** Zones went down or came back: endpoints in a down zone fail over (Multi-AZ) or become unavailable. */
  zonesChanged(): void {
    const down = this.zonesDown();
    for (const db of resourcesOfKind(this.design, 'dbInstance')) {
      const run = this.runs.get(db.id)!;
      if (run.status === 'failing-over') continue;
      const servingZone = this.zoneOf(run.serving === 'primary' ? db.subnetId : db.standbySubnetId);
      const otherZone = this.zoneOf(run.serving === 'primary' ? db.standbySubnetId : db.subnetId);
      const servingDown = servingZone !== null && down.includes(servingZone);
      if (!servingDown) {
        if (run.status === 'unavailable') {
          run.status = 'available';
          this.ctx.say('info', db.id, `${db.name} is available again.`);
          this.ctx.liveStateChanged();
        }
        continue;
      }
      if (db.multiAz && otherZone !== null && !down.includes(otherZone)) {
        this.startFailover(db, run, 'the primary host is unreachable (its Availability Zone is down)');
      } else if (run.status !== 'unavailable') {
        run.status = 'unavailable';
        this.ctx.say(
          'error',
          db.id,
          `${db.name} is unavailable: its Availability Zone is down and it has no standby to fail over to.`,
        );
        this.ctx.liveStateChanged();
      }
    }
  }

  /** Reboot with failover (`RebootDBInstance --force-failover`), only for a Multi-AZ instance. */
  rebootWithFailover(dbInstanceId: string): ActionResult {
    const db = getResource(this.design, dbInstanceId, 'dbInstance');
    const run = db && this.runs.get(db.id);
    if (!db || !run) return { ok: false, code: 'DBInstanceNotFound', message: `DBInstance ${dbInstanceId} not found.` };
    if (!db.multiAz || db.standbySubnetId === null)
      return {
        ok: false,
        code: 'InvalidParameterCombination',
        message: `${db.name} is not Multi-AZ: a reboot with failover needs a standby.`,
      };
    if (run.status !== 'available')
      return { ok: false, code: 'InvalidDBInstanceState', message: `${db.name} is ${run.status}.` };
    this.startFailover(db, run, 'a reboot with failover was requested');
    return { ok: true };
  }

  private startFailover(db: DbInstance, run: DbRun, cause: string): void {
    const [from, to] = DB_FAILOVER_SECONDS;
    const seconds = this.ctx.random.between(from, to);
    run.status = 'failing-over';
    run.version++;
    this.ctx.schedule<FailoverEnd>(this.ctx.now + seconds, this, { id: db.id, version: run.version });
    this.ctx.say(
      'error',
      db.id,
      `Multi-AZ instance failover started for ${db.name}: ${cause}. Connections fail until it completes.`,
    );
    this.ctx.liveStateChanged();
  }

  handle(event: FailoverEnd): void {
    const run = this.runs.get(event.id);
    if (!run || run.version !== event.version || run.status !== 'failing-over') return;
    run.serving = run.serving === 'primary' ? 'standby' : 'primary';
    run.status = 'available';
    run.failovers++;
    this.ctx.say(
      'info',
      event.id,
      `Multi-AZ instance failover completed for ${run.name}: the endpoint points at the former standby.`,
    );
    this.ctx.liveStateChanged();
    // The new host's zone may be down meanwhile.
    this.zonesChanged();
  }

  /** Where each endpoint points now, for traffic planning. */
  endpoints(): Record<string, 'primary' | 'standby' | 'unavailable'> {
    const out: Record<string, 'primary' | 'standby' | 'unavailable'> = {};
    for (const run of this.runs.values())
      if (run.since !== null) out[run.id] = run.status === 'available' ? run.serving : 'unavailable';
    return out;
  }

  costs(now: number): ResourceCost[] {
    return [...this.runs.values()].map((run) => ({
      id: run.id,
      name: run.name,
      total: this.billed(run, now),
      ratePerHour: run.since === null ? 0 : run.usdPerHour,
    }));
  }

  frame(now: number): Pick<FrameParts, 'databases'> {
    return {
      databases: resourcesOfKind(this.design, 'dbInstance').map((db) => {
        const run = this.runs.get(db.id)!;
        const swapped = run.serving === 'standby' && db.standbySubnetId !== null;
        return {
          id: db.id,
          name: db.name,
          status: run.status,
          primarySubnetId: swapped ? db.standbySubnetId! : db.subnetId,
          standbySubnetId: swapped ? db.subnetId : db.standbySubnetId,
          failovers: run.failovers,
          costUsd: this.billed(run, now),
        };
      }),
    };
  }

  summary(now: number) {
    return {
      databases: [...this.runs.values()].map((run) => ({
        id: run.id,
        name: run.name,
        status: run.since === null ? 'deleted' : run.status,
        serving: run.serving,
        failovers: run.failovers,
        costUsd: round(this.billed(run, now)),
      })),
    };
  }

  private zoneOf(subnetId: string | null): string | null {
    return subnetId === null ? null : (getResource(this.design, subnetId, 'subnet')?.azId ?? null);
  }

  private settle(run: DbRun, now: number): void {
    if (run.since === null) return;
    run.earlierUsd = this.billed(run, now);
    run.since = null;
  }

  /**
   * Per second, with a 10-minute minimum after each billable change (creating the instance, changing its
   * class): Amazon RDS User Guide, "DB instance billing for Amazon RDS". Nimbus bills that minimum at the
   * new class's rate even when the class changes again within it.
   */
  private billed(run: DbRun, now: number): number {
    if (run.since === null) return run.earlierUsd;
    return run.earlierUsd + (run.usdPerHour * Math.max(now - run.since, run.minimumSeconds)) / 3600;
  }
}

/** RDS bills at least 10 minutes of a DB instance (Amazon RDS User Guide, "DB instance billing for Amazon RDS"). */
const BILLING_MINIMUM_SECONDS = 600;

/**
 * The instance's hourly price by engine plus its storage per hour, both twice
 * for Multi-AZ (the standby and its copy of the storage). Prices: `domain/catalogs/rds.ts`
 * (https://aws.amazon.com/rds/pricing/); a month is `PRICES.hoursPerMonth` hours.
 * A read replica is an instance of its own and bills the same way.
 */
export function hourlyRate(db: DbInstance): number {
  const copies = db.multiAz ? 2 : 1;
  const instance = findDbInstanceClass(db.instanceClass)?.hourlyUsd[db.engine] ?? 0;
  const storage = (db.allocatedStorageGb * DB_STORAGE_GB_MONTH_USD) / PRICES.hoursPerMonth;
  return copies * (instance + storage);
}
