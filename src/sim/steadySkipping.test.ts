import { describe, expect, it, vi } from 'vitest';
import { haSimDesign } from '../../bench/haSim';
import { simDesign } from '../../bench/sim';
import { PRICES, simulationSettings, type Design } from '../domain';
import { highlyAvailableWebApp } from '../scenarios/haTemplates';
import { egressCost } from './dataTransfer';
import { buildFrame } from './frame';
import { Simulation } from './simulation';
import { AutoScalingGroups } from './kinds/autoScalingGroups';
import { TargetHealth } from './kinds/targetHealth';
import { egressInTier, TrafficSim } from './traffic';

/**
 * Steady stretches are skipped and added up when read (`skipSteady`): the
 * seconds every flow repeats, Auto Scaling looks and health checks that
 * would find nothing new. A run that skips them must read exactly as one
 * that does every second, look and check as it comes, whatever is read and
 * whenever: here both runs are read at the same uneven times, each time one
 * part alone (a flow's requests, as a group's datapoint reads them; the
 * data transfer; the packets; the availability chart; a whole frame; the
 * summary), and what they read is compared as JSON.
 */

/**
 * The small HA bench (5 targets a group, so each second splits the same),
 * with a persistent flow and one that can't reach its end; `unsteady` adds
 * flows whose seconds never repeat (a fraction a second, a split of 6
 * targets that repeats every few seconds) or that a listener refuses.
 */
function mixedHaDesign(unsteady: boolean): Design {
  const design = haSimDesign(2, unsteady ? 6 : 5, 4, true);
  const flows = design.flows ?? [];
  return {
    ...design,
    flows: [
      ...flows.map((f, i) =>
        i === 1 ? { ...f, connection: 'persistent' as const } : i === 2 && unsteady ? { ...f, ratePerSecond: 2.5 } : f,
      ),
      { ...flows[0]!, id: 'flow-nowhere', name: 'to a group instance by id', to: 'i-0175498bb00000001' },
      ...(unsteady ? [{ ...flows[0]!, id: 'flow-refused', name: 'to a port no listener has', port: 443 }] : []),
    ],
  };
}

type Reader = (sim: Simulation) => unknown;
const READERS: readonly Reader[] = [
  (sim) => sim.traffic.requestsSent('flow-1'),
  (sim) => sim.traffic.transferCosts(),
  (sim) => sim.traffic.visiblePackets(sim.now),
  (sim) => sim.traffic.availabilityFrame(),
  (sim) => sim.traffic.flowCounters(),
  (sim) => buildFrame(sim, true, 3600, 0),
  (sim) => sim.summary(),
];

/** Reads both runs at the same uneven times (seeded), each time with the next reader, and compares what they read. */
function expectSameReads(design: Design, seconds: number, meanGap: number): void {
  const skipping = new Simulation(design, { seed: 7 });
  const everySecond = new Simulation(design, { seed: 7, skipSteady: false });
  let state = 12345;
  const nextGap = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return 1 + (state % (2 * meanGap));
  };
  let reads = 0;
  for (let at = nextGap(); at < seconds; at += nextGap()) {
    skipping.runUntil(at);
    everySecond.runUntil(at);
    const read = READERS[reads++ % READERS.length]!;
    expect(JSON.stringify(read(skipping)), `read ${reads} at ${at} s`).toBe(JSON.stringify(read(everySecond)));
  }
  skipping.runUntil(seconds);
  everySecond.runUntil(seconds);
  expect(skipping.eventsProcessed).toBe(everySecond.eventsProcessed);
  expect(JSON.stringify(buildFrame(skipping, false, 1, 0))).toBe(JSON.stringify(buildFrame(everySecond, false, 1, 0)));
  expect(JSON.stringify(skipping.summary())).toBe(JSON.stringify(everySecond.summary()));
}

describe('skipping steady stretches reads the same as doing every second', () => {
  it('HA groups, zone a failing from 1 h for 30 min, read every few seconds', { timeout: 120_000 }, () => {
    expectSameReads(mixedHaDesign(false), 3 * 3600, 25);
  });

  it('the same read about every 6 minutes, as frames at 3600× come, for a day', { timeout: 120_000 }, () => {
    expectSameReads(mixedHaDesign(false), 24 * 3600, 360);
  });

  it('with flows whose seconds never repeat (each second added as it ends)', { timeout: 120_000 }, () => {
    expectSameReads(mixedHaDesign(true), 3 * 3600, 60);
  });

  it('the HA template with a zone outage', { timeout: 120_000 }, () => {
    const design = highlyAvailableWebApp();
    const zone = Object.values(design.resources).find((r) => r.kind === 'availabilityZone')!;
    const simulation = design.simulation ?? simulationSettings();
    expectSameReads(
      {
        ...design,
        simulation: {
          ...simulation,
          faults: [...simulation.faults, { at: 900, fault: 'zoneOutage', zoneId: zone.id, durationSeconds: 1200 }],
        },
      },
      3 * 3600,
      45,
    );
  });

  it('instances and functions behind API triggers', { timeout: 120_000 }, () => {
    expectSameReads(simDesign(8, 2, 300), 2 * 3600, 30);
  });

  it('skips: without faults, after the first seconds, looks and checks nothing is added up one by one', () => {
    const spy = <T>(proto: T, name: string) => vi.spyOn(proto as Record<string, () => unknown>, name);
    const ticks = spy(TrafficSim.prototype, 'tickEach');
    const looks = spy(AutoScalingGroups.prototype, 'tend');
    const checks = spy(TargetHealth.prototype, 'check');
    const sim = new Simulation(haSimDesign(2, 5, 4, false), { seed: 1 });
    sim.runUntil(3600);
    expect(sim.traffic.flowCounters()[0]!.sent).toBe(3600 * 500);
    // An hour is 3,600 ticks, 360 looks a group and 120 checks a target group (every 30 s).
    expect([ticks.mock.calls.length < 60, looks.mock.calls.length < 20, checks.mock.calls.length < 20]).toEqual([
      true,
      true,
      true,
    ]);
    vi.restoreAllMocks();
  });
});

describe('internet egress within one tier', () => {
  it('is what the tier walk gives, to the bit, or null when the GB cross into the next tier', () => {
    const tiers = PRICES.transfer.internetEgressTiers;
    const befores = [0, 1e-9, 50, 99.999999, 100, 100.5, 5000, 10_339.99, 10_340, 51_299, 153_699.9, 1e6];
    const sizes = [1e-12, 0.0001, 0.0102445, 0.5, 1, 2.75, 100, 10_000, 200_000];
    for (const before of befores)
      for (const gb of sizes) {
        const inTier = egressInTier(before, gb);
        const tier = tiers.find((t) => before < t.upToGb)!;
        if (gb <= tier.upToGb - before) expect(inTier, `${before} + ${gb}`).toBe(egressCost(before, gb));
        else expect(inTier).toBeNull();
      }
  });
});
