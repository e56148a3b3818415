import { describe, expect, it } from 'vitest';
import { PRICES, type Design, type Flow } from '../../domain';
import { haDesign } from '../../engine/testing/haDesign';
import { GB } from '../dataTransfer';
import { buildFrame } from '../frame';
import { Simulation } from '../simulation';
import { capacityUnits } from './loadBalancers';

const users = (ratePerSecond: number, extra: Partial<Flow> = {}): Flow => ({
  id: 'users',
  name: 'users',
  from: 'internet',
  to: 'elb-web',
  protocol: 'tcp',
  port: 80,
  ratePerSecond,
  ...extra,
});
const withFlow = (design: Design, flow: Flow | null): Design => ({ ...design, flows: flow ? [flow] : [] });
const lbCost = (sim: Simulation) => sim.cost().byResource.find((c) => c.id === 'elb-web')!;
const { hour: HOUR_USD, lcuHour: LCU_USD } = PRICES.elb.application;

describe('load balancers in the simulation: cost', () => {
  it('bills every hour begun in full, with no traffic no capacity units', () => {
    const sim = new Simulation(withFlow(haDesign(), null));
    sim.runUntil(10);
    expect(lbCost(sim).total).toBeCloseTo(HOUR_USD, 12);
    sim.runUntil(3600);
    expect(lbCost(sim).total).toBeCloseTo(HOUR_USD, 12);
    sim.runUntil(3601);
    expect(lbCost(sim).total).toBeCloseTo(2 * HOUR_USD, 12);
    expect(lbCost(sim).ratePerHour).toBeCloseTo(HOUR_USD, 12);
  });

  it('adds LCU-hours from the highest dimension', () => {
    // 50 requests a second of 2 kB up and 20 kB down: new connections 50/s over 25 = 2 LCU; active 3,000 a minute
    // over 3,000 = 1 LCU; processed 3.96 GB in the hour over 1 GB = 3.96 LCU, the highest.
    const sim = new Simulation(withFlow(haDesign(), users(50)));
    sim.runUntil(3600);
    const gb = (50 * 3600 * 22_000) / GB;
    expect(gb).toBeGreaterThan(2);
    expect(lbCost(sim).total).toBeCloseTo(HOUR_USD + gb * LCU_USD, 9);
    // Fewer bytes: the connections decide.
    const small = new Simulation(withFlow(haDesign(), users(50, { requestBytes: 100, responseBytes: 100 })));
    small.runUntil(3600);
    expect(lbCost(small).total).toBeCloseTo(HOUR_USD + 2 * LCU_USD, 9);
  });

  it('a persistent flow opens one connection: the bytes decide', () => {
    const hour = { seconds: 3600, newConnections: 1, openConnectionSeconds: 3600, bytes: 3 * GB };
    expect(capacityUnits('application', hour)).toBeCloseTo(3, 12);
    expect(capacityUnits('network', hour)).toBeCloseTo(3, 12);
    const connections = { seconds: 10, newConnections: 8000, openConnectionSeconds: 0, bytes: 0 };
    expect(capacityUnits('network', connections)).toBeCloseTo(1, 12);
    expect(capacityUnits('application', connections)).toBeCloseTo(32, 12);
  });
});

describe('load balancers in the simulation: frames and summary', () => {
  it('draws nodes, targets with their requests, served counts and the availability chart', () => {
    const design = withFlow(haDesign(), users(10));
    const sim = new Simulation(design);
    sim.runUntil(20);
    const frame = buildFrame(sim, false, 1, 0);
    const row = frame.loadBalancers.find((r) => r.id === 'elb-web')!;
    expect(row.nodes.map((n) => n.inService)).toEqual([true, true]);
    expect(row.served).toBe(200);
    const targets = row.targetGroups[0]!.targets;
    expect(targets.map((t) => [t.name, t.health, t.requests])).toEqual([
      ['App A', 'healthy', 100],
      ['App B', 'healthy', 100],
    ]);
    expect(frame.availability.series).toEqual([
      { at: 0, served: 100, failed: 0 },
      { at: 10, served: 100, failed: 0 },
    ]);
    expect(frame.availability.servedPercent).toBe(100);
    const summary = sim.summary();
    expect(summary.loadBalancers).toEqual([
      { id: 'elb-web', name: 'web-lb', served: 200, failed: 0, failedBy: {}, costUsd: expect.any(Number) },
    ]);
    expect(summary.flows[0]).toMatchObject({ availabilityPercent: 100, recoverySeconds: null });
  });

  it('a design without load balancers keeps its summary as it was', () => {
    const design = haDesign();
    const none = {
      ...design,
      resources: Object.fromEntries(Object.entries(design.resources).filter(([, r]) => r.kind !== 'loadBalancer')),
    };
    const sim = new Simulation(withFlow(none, null));
    sim.runUntil(5);
    expect('loadBalancers' in sim.summary()).toBe(false);
  });

  it('failed requests through a blocked target show as 504s and lower availability', () => {
    const design = withFlow(haDesign({ appInbound: () => [] }), users(4));
    const sim = new Simulation(design);
    sim.runUntil(10);
    const row = buildFrame(sim, false, 1, 0).loadBalancers[0]!;
    expect(row).toMatchObject({ served: 0, failed: 40, failedBy: { '504': 40 } });
    expect(sim.summary().flows[0]).toMatchObject({ availabilityPercent: 0 });
  });

  it('is deterministic: two runs summarize byte for byte alike', () => {
    const run = () => {
      const sim = new Simulation(withFlow(haDesign({ type: 'network', appInbound: () => [] }), users(7)), { seed: 3 });
      sim.runUntil(90);
      return JSON.stringify(sim.summary());
    };
    expect(run()).toBe(run());
  });
});
