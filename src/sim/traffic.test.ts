import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Design, Flow, SecurityGroup } from '../domain';
import { TEMPLATES } from '../scenarios/templates';
import { buildFrame } from './frame';
import { Simulation } from './simulation';
import { MAX_FRAME_PACKETS, PACKET_LIFETIME_S, PACKETS_PER_FLOW_PER_TICK } from './traffic';

const web = TEMPLATES.find((t) => t.id === 'single-web-server')!.build();
const baseFlow = web.flows![0]!;
const SERVER = baseFlow.to;
const withFlows = (design: Design, flows: Flow[]): Design => ({ ...design, flows });
const flowAt = (ratePerSecond: number, id = 'f'): Flow => ({ ...baseFlow, id, name: id, ratePerSecond });
const counters = (sim: Simulation, id: string) => sim.traffic.flowCounters().find((f) => f.id === id)!;
const withoutHttps = produce(web, (draft) => {
  const group = Object.values(draft.resources).find((r) => r.name === 'web') as SecurityGroup;
  group.inbound = group.inbound.filter((r) => r.ports?.from !== 443);
});
const groupId = Object.values(web.resources).find((r) => r.name === 'web')!.id;

describe('traffic: requests per tick', () => {
  it.each([
    [50, 10, 500],
    [0.5, 1, 0],
    [0.5, 2, 1],
    [0.5, 9, 4],
    [1 / 3, 3, 1],
    [1 / 3, 9, 3],
    [0.1, 10, 1],
    [2.5, 4, 10],
  ])('at %d/s sends exactly the due whole requests: after %d s, %d', (rate, seconds, expected) => {
    const sim = new Simulation(withFlows(web, [flowAt(rate)]));
    sim.runUntil(seconds);
    expect(counters(sim, 'f')).toMatchObject({ sent: expected, delivered: expected, droppedForward: 0 });
  });

  it('reports the last second as the current rate, and the round trip of delivered requests', () => {
    const sim = new Simulation(withFlows(web, [flowAt(0.5)]));
    sim.runUntil(2);
    expect(counters(sim, 'f').lastSecond).toEqual({ sent: 1, delivered: 1, dropped: 0 });
    expect(counters(sim, 'f').lastRttMs).toBeCloseTo(40.35, 9);
    sim.runUntil(3);
    expect(counters(sim, 'f').lastSecond).toEqual({ sent: 0, delivered: 0, dropped: 0 });
  });

  it('is deterministic: the same seed gives the same counters, log and packets', () => {
    const run = () => {
      const sim = new Simulation(withFlows(web, [flowAt(7.3, 'a'), flowAt(0.7, 'b')]), { seed: 9 });
      sim.act(SERVER, 'reboot');
      sim.runUntil(30);
      sim.act(SERVER, 'stop');
      sim.runUntil(60);
      return { summary: sim.summary(), packets: buildFrame(sim, false, 1, 0).traffic.packets };
    };
    expect(run()).toEqual(run());
  });
});

describe('traffic: where requests end', () => {
  it('counts drops by the resource that decided', () => {
    const sim = new Simulation(withFlows(withoutHttps, [flowAt(10)]));
    sim.runUntil(3);
    expect(counters(sim, 'f')).toMatchObject({
      sent: 30,
      delivered: 0,
      droppedForward: 30,
      droppedReturn: 0,
      droppedBy: { [groupId]: 30 },
      lastRttMs: null,
    });
  });

  it('an edit made while running changes the outcome at the very next tick, and says so in the log', () => {
    const sim = new Simulation(withFlows(web, [flowAt(50)]));
    sim.runUntil(5);
    sim.syncDesign(withFlows(withoutHttps, [flowAt(50)]));
    sim.runUntil(6);
    expect(counters(sim, 'f')).toMatchObject({ sent: 300, delivered: 250, droppedForward: 50 });
    expect(counters(sim, 'f').lastSecond).toEqual({ sent: 50, delivered: 0, dropped: 50 });
    expect(sim.log.at(-1)).toMatchObject({
      at: 6,
      level: 'error',
      resourceId: groupId,
      text: 'internet → Web server :443 now dropped at security groups of Web server (inbound) (ENI_SG_RULES_MISMATCH).',
    });
    sim.syncDesign(withFlows(web, [flowAt(50)]));
    sim.runUntil(7);
    expect(counters(sim, 'f').lastSecond.delivered).toBe(50);
    expect(sim.log.at(-1)!.text).toBe('internet → Web server :443 now delivered.');
  });

  it('follows the live instance state: a stopped server drops requests (BAD_STATE) until it runs again', () => {
    const sim = new Simulation(withFlows(web, [flowAt(1)]));
    sim.runUntil(2);
    sim.act(SERVER, 'stop');
    sim.runUntil(3);
    expect(counters(sim, 'f').droppedBy).toEqual({ [SERVER]: 1 });
    expect(buildFrame(sim, false, 1, 0).traffic.paths['f']!.blockedBy).toMatchObject({ code: 'BAD_STATE' });
    sim.runUntil(60);
    sim.act(SERVER, 'start');
    sim.runUntil(120);
    expect(counters(sim, 'f').lastSecond.delivered).toBe(1);
  });

  it('a flow whose instance was deleted sends nothing and owes nothing', () => {
    const sim = new Simulation(withFlows(web, [flowAt(0.5)]));
    sim.runUntil(1);
    const resources = { ...web.resources };
    delete resources[SERVER];
    sim.syncDesign({ ...withFlows(web, [flowAt(0.5)]), resources });
    sim.runUntil(10);
    expect(counters(sim, 'f').sent).toBe(0);
    expect(sim.log.at(-1)!.text).toContain(`can't be sent: destination: no resource`);
  });

  it('keeps path versions while nothing changes and bumps them when the path does', () => {
    const sim = new Simulation(withFlows(web, [flowAt(1)]));
    const version = () => buildFrame(sim, false, 1, 0).traffic.paths['f']!.version;
    expect(version()).toBe(1);
    sim.syncDesign(withFlows({ ...web, layout: { ...web.layout } }, [flowAt(1)]));
    expect(version()).toBe(1);
    sim.syncDesign(withFlows(withoutHttps, [flowAt(1)]));
    expect(version()).toBe(2);
  });
});

describe('traffic: counters and visual packets hold for any rates (property)', () => {
  it('delivered + dropped = sent; packets are capped, recent, few per tick and numbered in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100_000, noNaN: true }), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        (rates, seconds, blocked) => {
          const flows = rates.map((rate, i) => flowAt(rate, `f${i}`));
          const sim = new Simulation(withFlows(blocked ? withoutHttps : web, flows));
          sim.runUntil(seconds);
          for (const c of sim.traffic.flowCounters()) {
            expect(c.delivered + c.droppedForward + c.droppedReturn).toBe(c.sent);
            expect(Object.values(c.droppedBy).reduce((a, b) => a + b, 0)).toBe(c.droppedForward + c.droppedReturn);
          }
          const packets = buildFrame(sim, false, 1, 0).traffic.packets;
          expect(packets.length).toBeLessThanOrEqual(MAX_FRAME_PACKETS);
          const perFlowTick = new Map<string, number>();
          packets.forEach((p, i) => {
            expect(p.bornAt).toBeGreaterThan(sim.now - PACKET_LIFETIME_S);
            expect(p.bornAt).toBeLessThanOrEqual(sim.now);
            if (i > 0) expect(p.id).toBeGreaterThan(packets[i - 1]!.id);
            const key = `${p.flowId}@${Math.ceil(p.bornAt)}`;
            perFlowTick.set(key, (perFlowTick.get(key) ?? 0) + 1);
          });
          for (const n of perFlowTick.values()) expect(n).toBeLessThanOrEqual(PACKETS_PER_FLOW_PER_TICK);
        },
      ),
      { numRuns: 60 },
    );
  });
});
