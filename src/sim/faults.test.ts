import { describe, expect, it } from 'vitest';
import type { Design, FaultEvent } from '../domain';
import { buildFrame } from './frame';
import { Simulation } from './simulation';
import { SimRunner } from './runner';
import { haDesign } from './testing/haDesign';

const withFaults = (design: Design, faults: FaultEvent[]): Design => ({
  ...design,
  simulation: { ...design.simulation!, faults },
});
const ZONE_A = 'az-1';
const counters = (sim: Simulation, id: string) => sim.traffic.flowCounters().find((f) => f.id === id)!;

/** app-b (zone b) sends to the internet; zone a fails at 60 s for 120 s. */
function internetFromZoneB(natPerZone: boolean): Simulation {
  const design = haDesign({
    natPerZone,
    flows: [{ id: 'out', from: 'app-b', to: 'internet', port: 443, ratePerSecond: 10 }],
  });
  const sim = new Simulation(
    withFaults(design, [{ at: 60, fault: 'zoneOutage', zoneId: ZONE_A, durationSeconds: 120 }]),
  );
  sim.runUntil(59);
  return sim;
}

describe('faults: a zone outage', () => {
  it('with one NAT gateway serving both zones, cuts the healthy zone off the internet until the zone returns', () => {
    const sim = internetFromZoneB(false);
    expect(counters(sim, 'out')).toMatchObject({ sent: 590, delivered: 590 });
    sim.runUntil(120);
    expect(counters(sim, 'out').lastSecond).toEqual({ sent: 10, delivered: 0, dropped: 10 });
    expect(counters(sim, 'out').delivered).toBe(590);
    sim.runUntil(190);
    expect(counters(sim, 'out').lastSecond).toEqual({ sent: 10, delivered: 10, dropped: 0 });
  });

  it('with one NAT gateway per zone, leaves the healthy zone its internet access', () => {
    const sim = internetFromZoneB(true);
    sim.runUntil(120);
    expect(counters(sim, 'out')).toMatchObject({ sent: 1200, delivered: 1200 });
  });

  it('impairs the zone’s instances (still running and billed), logs it and lists it in the frame', () => {
    const sim = internetFromZoneB(true);
    sim.runUntil(61);
    const frame = buildFrame(sim, false, 1, 0);
    expect(frame.faults).toEqual({
      zonesDown: [ZONE_A],
      active: [{ fault: 'zoneOutage', targetId: ZONE_A, since: 60, until: 180 }],
    });
    expect(frame.instances['app-a']).toMatchObject({ state: 'running', impaired: true });
    expect(frame.instances['app-b']!.impaired).toBeUndefined();
    expect(frame.instances['app-a']!.ratePerHour).toBeGreaterThan(0);
    expect(sim.liveOverlay()).toMatchObject({ zonesDown: [ZONE_A] });
    expect(sim.liveOverlay().outOfService).toEqual(expect.arrayContaining(['app-a']));
    expect(sim.log.map((l) => l.text)).toContain(
      'Fault: Availability Zone us-east-1a is down. Its instances fail their status checks, its NAT gateways and load balancer nodes stop, and its subnets carry no traffic (for 120 s).',
    );
    sim.runUntil(181);
    expect(buildFrame(sim, false, 1, 0).faults.zonesDown).toEqual([]);
    expect(sim.log.map((l) => l.text)).toContain('Recovered: Availability Zone us-east-1a is back.');
  });

  it('keeps billing the failed NAT gateway', () => {
    const sim = internetFromZoneB(false);
    sim.runUntil(120);
    const nat = sim.cost().byResource.find((r) => r.name === 'nat-a')!;
    expect(nat.ratePerHour).toBeGreaterThan(0);
  });
});

describe('faults: live', () => {
  it('injects a NAT gateway failure until recovered by its id, and refuses unknown targets', () => {
    const design = haDesign({ flows: [{ id: 'out', from: 'app-a', to: 'internet', port: 443, ratePerSecond: 1 }] });
    const sim = new Simulation(design);
    const nat = Object.values(design.resources).find((r) => r.name === 'nat-a')!.id;
    sim.runUntil(10);
    expect(
      sim.fault({ kind: 'inject', fault: { fault: 'natGatewayFailure', natGatewayId: nat, durationSeconds: null } }),
    ).toEqual({ ok: true });
    sim.runUntil(20);
    expect(counters(sim, 'out')).toMatchObject({ sent: 20, delivered: 10 });
    expect(sim.fault({ kind: 'recover', targetId: nat })).toEqual({ ok: true });
    sim.runUntil(30);
    expect(counters(sim, 'out')).toMatchObject({ sent: 30, delivered: 20 });
    expect(sim.fault({ kind: 'recover', targetId: nat })).toMatchObject({ ok: false, code: 'NoActiveFault' });
    expect(
      sim.fault({ kind: 'inject', fault: { fault: 'instanceFailure', instanceId: 'i-nothing', durationSeconds: 5 } }),
    ).toMatchObject({ ok: false, code: 'ResourceNotFound' });
  });

  it('is replayed from the journal by a restarted worker', () => {
    const design = haDesign({ flows: [{ id: 'out', from: 'app-b', to: 'internet', port: 443, ratePerSecond: 2 }] });
    const frames: Array<ReturnType<typeof buildFrame>> = [];
    const runner = new SimRunner((f) => frames.push(f));
    runner.restore({
      design,
      seed: 3,
      journal: [
        {
          at: 5,
          kind: 'fault',
          action: { kind: 'inject', fault: { fault: 'zoneOutage', zoneId: ZONE_A, durationSeconds: null } },
        },
      ],
      until: 20,
      current: design,
    });
    const frame = frames.at(-1)!;
    expect(frame.faults.zonesDown).toEqual([ZONE_A]);
    expect(frame.traffic.flows[0]).toMatchObject({ sent: 40, delivered: 10 });
  });

  it('logs a scheduled fault it cannot inject', () => {
    const sim = new Simulation(
      withFaults(haDesign(), [
        { at: 5, fault: 'natGatewayFailure', natGatewayId: 'nat-nothing', durationSeconds: null },
        { at: 6, fault: 'dbFailover', dbInstanceId: 'db-nothing' },
      ]),
    );
    sim.runUntil(10);
    expect(sim.log.filter((l) => l.level === 'error').map((l) => l.text)).toEqual([
      'Scheduled fault not injected: ResourceNotFound: No NAT gateway nat-nothing in the design.',
      'Scheduled fault not injected: DBInstanceNotFound: DBInstance db-nothing not found.',
    ]);
  });
});

describe('faults: a route deletion', () => {
  const design = haDesign({ flows: [{ id: 'out', from: 'app-a', to: 'internet', port: 443, ratePerSecond: 10 }] });
  const tableId = Object.values(design.resources).find(
    (r) => r.kind === 'routeTable' && r.subnetIds.includes('subnet-priv-a' as never),
  )!.id;

  it('leaves the route out of the design the kinds see until it recovers', () => {
    const sim = new Simulation(
      withFaults(design, [{ at: 60, fault: 'routeDeletion', tableId, destination: '0.0.0.0/0', durationSeconds: 60 }]),
    );
    sim.runUntil(59);
    expect(counters(sim, 'out')).toMatchObject({ sent: 590, delivered: 590 });
    sim.runUntil(119);
    expect(counters(sim, 'out').lastSecond).toEqual({ sent: 10, delivered: 0, dropped: 10 });
    expect(buildFrame(sim, false, 1, 0).faults.active).toEqual([
      { fault: 'routeDeletion', targetId: tableId, since: 60, until: 120 },
    ]);
    sim.runUntil(125);
    expect(counters(sim, 'out').lastSecond).toEqual({ sent: 10, delivered: 10, dropped: 0 });
    expect(sim.log.map((l) => l.text)).toContain(`Recovered: the route to 0.0.0.0/0 in private subnet-priv-a is back.`);
  });

  it('live: injected until recovered by the table id; refused for a route the table does not hold', () => {
    const sim = new Simulation(design);
    sim.runUntil(10);
    const inject = (destination: string) =>
      sim.fault({ kind: 'inject', fault: { fault: 'routeDeletion', tableId, destination, durationSeconds: null } });
    expect(inject('10.9.0.0/16')).toMatchObject({ ok: false, code: 'ResourceNotFound' });
    expect(inject('0.0.0.0/0')).toEqual({ ok: true });
    sim.runUntil(20);
    expect(counters(sim, 'out').lastSecond.delivered).toBe(0);
    expect(sim.fault({ kind: 'recover', targetId: tableId })).toEqual({ ok: true });
    sim.runUntil(22);
    expect(counters(sim, 'out').lastSecond.delivered).toBe(10);
  });
});
