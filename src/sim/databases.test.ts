import { describe, expect, it } from 'vitest';
import { DB_FAILOVER_SECONDS, type DbInstance, type Design, type FaultEvent } from '../domain';
import { buildFrame } from './frame';
import { Simulation } from './simulation';
import { haDesign } from './testing/haDesign';

const withFaults = (design: Design, faults: FaultEvent[]): Design => ({
  ...design,
  simulation: { ...design.simulation!, faults },
});
const multiAz: Partial<DbInstance> = {
  multiAz: true,
  standbySubnetId: 'subnet-priv-b' as DbInstance['subnetId'],
  standbyPrivateIp: '10.0.11.50',
};
const database = (sim: Simulation) => buildFrame(sim, false, 1, 0).databases[0]!;

/** Seconds from the zone's failure (at 100 s) until the endpoint answers again, to the second. */
function failoverSeconds(seed: number): number {
  const sim = new Simulation(
    withFaults(haDesign({ database: multiAz }), [
      { at: 100, fault: 'zoneOutage', zoneId: 'az-1', durationSeconds: null },
    ]),
    { seed },
  );
  sim.runUntil(100);
  expect(database(sim).status).toBe('failing-over');
  expect(sim.liveOverlay().dbEndpoints).toEqual({ 'db-app': 'unavailable' });
  for (let t = 101; t <= 400; t++) {
    sim.runUntil(t);
    if (database(sim).status === 'available') return t - 100;
  }
  return Infinity;
}

describe('RDS DB instances', () => {
  it('fail over Multi-AZ in a duration within AWS’s documented 60-120 s, drawn with the seed', () => {
    const durations = [1, 42, 777, 2024, 31337, 65536, 123457, 9999991].map(failoverSeconds);
    for (const d of durations) {
      expect(d).toBeGreaterThanOrEqual(DB_FAILOVER_SECONDS[0]);
      expect(d).toBeLessThanOrEqual(DB_FAILOVER_SECONDS[1] + 1);
    }
    expect(new Set(durations).size).toBeGreaterThan(1);
    expect(failoverSeconds(777)).toBe(durations[2]);
  });

  it('point the endpoint at the former standby after a failover (roles swap)', () => {
    const sim = new Simulation(haDesign({ database: multiAz }));
    sim.runUntil(10);
    expect(sim.fault({ kind: 'inject', fault: { fault: 'dbFailover', dbInstanceId: 'db-app' } })).toEqual({ ok: true });
    sim.runUntil(200);
    expect(database(sim)).toMatchObject({
      status: 'available',
      primarySubnetId: 'subnet-priv-b',
      standbySubnetId: 'subnet-priv-a',
      failovers: 1,
    });
    expect(sim.liveOverlay().dbEndpoints).toEqual({ 'db-app': 'standby' });
  });

  it('leave a Single-AZ instance unavailable until its zone returns, and refuse it a reboot with failover', () => {
    const sim = new Simulation(
      withFaults(haDesign({ database: {} }), [{ at: 100, fault: 'zoneOutage', zoneId: 'az-1', durationSeconds: 600 }]),
    );
    sim.runUntil(650);
    expect(database(sim).status).toBe('unavailable');
    sim.runUntil(700);
    expect(database(sim)).toMatchObject({ status: 'available', failovers: 0, primarySubnetId: 'subnet-priv-a' });
    expect(sim.fault({ kind: 'inject', fault: { fault: 'dbFailover', dbInstanceId: 'db-app' } })).toMatchObject({
      ok: false,
      code: 'InvalidParameterCombination',
    });
  });

  it('bill the class price by engine and the storage, twice for Multi-AZ, per second with a 10-minute minimum', () => {
    const cost = (db: Partial<DbInstance>, seconds: number) => {
      const sim = new Simulation(haDesign({ database: db }));
      sim.runUntil(seconds);
      return sim.cost().byResource.find((r) => r.id === 'db-app')!;
    };
    // db.t3.micro MySQL $0.017/h; 20 GB × $0.115/GB-month ÷ 730 h.
    const single = 0.017 + (20 * 0.115) / 730;
    expect(cost({}, 3600).ratePerHour).toBeCloseTo(single, 12);
    expect(cost({}, 3600).total).toBeCloseTo(single, 12);
    expect(cost({ engine: 'postgres' }, 3600).total).toBeCloseTo(0.018 + (20 * 0.115) / 730, 12);
    expect(cost(multiAz, 3600).total).toBeCloseTo(2 * single, 12);
    expect(cost({}, 60).total).toBeCloseTo(single / 6, 12);
  });

  it('bill 10 minutes at least again after a class change (a billable change)', () => {
    const design = haDesign({ database: {} });
    const sim = new Simulation(design);
    sim.runUntil(1200);
    const db = design.resources['db-app'] as DbInstance;
    sim.syncDesign({ ...design, resources: { ...design.resources, [db.id]: { ...db, instanceClass: 'db.m5.large' } } });
    sim.runUntil(1260);
    const storage = (20 * 0.115) / 730;
    // 1,200 s of db.t3.micro ($0.017/h), then the 10-minute minimum of db.m5.large ($0.171/h) though 60 s ran.
    const total = sim.cost().byResource.find((r) => r.id === 'db-app')!.total;
    expect(total).toBeCloseTo(((0.017 + storage) * 1200 + (0.171 + storage) * 600) / 3600, 12);
    sim.runUntil(1800);
    const later = sim.cost().byResource.find((r) => r.id === 'db-app')!.total;
    expect(later).toBeCloseTo(total, 12);
    sim.runUntil(1860);
    expect(sim.cost().byResource.find((r) => r.id === 'db-app')!.total).toBeCloseTo(
      ((0.017 + storage) * 1200 + (0.171 + storage) * 660) / 3600,
      12,
    );
  });

  it('bill a read replica on its own, at its own class', () => {
    const design = haDesign({ database: {} });
    const replica: DbInstance = {
      ...(design.resources['db-app'] as DbInstance),
      id: 'db-replica' as DbInstance['id'],
      name: 'app-db-replica',
      instanceClass: 'db.m5.large',
      subnetId: 'subnet-priv-b' as DbInstance['subnetId'],
      privateIp: '10.0.11.60',
      readReplicaSourceId: 'db-app' as DbInstance['id'],
    };
    const sim = new Simulation({ ...design, resources: { ...design.resources, [replica.id]: replica } });
    sim.runUntil(3600);
    const row = sim.cost().byResource.find((r) => r.id === 'db-replica')!;
    // db.m5.large MySQL $0.171/h plus 20 GB of storage.
    expect(row.total).toBeCloseTo(0.171 + (20 * 0.115) / 730, 12);
    expect(sim.summary().databases.map((d) => d.id)).toEqual(['db-app', 'db-replica']);
  });
});
