import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Design, Ec2Instance, Flow, Subnet, TargetGroup } from '../domain';
import { haDesign, named, tcpFrom } from '../engine/testing/haDesign';
import { splitRequests } from './loadBalancing';
import { TrafficSim } from './traffic';
import type { LiveOverlay } from './trafficPath';

const flow = (ratePerSecond: number, extra: Partial<Flow> = {}): Flow => ({
  id: 'users',
  name: 'users',
  from: 'internet',
  to: 'elb-web',
  protocol: 'tcp',
  port: 80,
  ratePerSecond,
  ...extra,
});

function run(design: Design, seconds: number, overlay: LiveOverlay = {}, f: Flow = flow(10)) {
  const sim = new TrafficSim(
    { ...design, flows: [f] },
    () => overlay,
    () => {},
  );
  for (let t = 1; t <= seconds; t++) sim.tick(t);
  const ids = { a: named<Ec2Instance>(design, 'App A').id, b: named<Ec2Instance>(design, 'App B').id };
  return {
    sim,
    flow: sim.flowCounters()[0]!,
    lb: sim.balancing.balancerCounters().get('elb-web'),
    a: sim.balancing.targetCounters('tg-app', ids.a).requests,
    b: sim.balancing.targetCounters('tg-app', ids.b).requests,
    ids,
  };
}

describe('traffic through an Application Load Balancer', () => {
  it('spreads requests evenly over the healthy targets, exactly, and serves them all', () => {
    const r = run(haDesign(), 3, {}, flow(7));
    expect(r.a + r.b).toBe(21);
    expect(Math.abs(r.a - r.b)).toBeLessThanOrEqual(1);
    expect(r.flow).toMatchObject({ sent: 21, delivered: 21, droppedForward: 0 });
    expect(r.lb).toMatchObject({ served: 21, failed: 0 });
  });

  it('sends nothing to an unhealthy target, and to all when every target is unhealthy (fail open)', () => {
    const design = haDesign();
    const a = named(design, 'App A').id;
    const b = named(design, 'App B').id;
    const one = run(design, 2, { targetHealth: { 'tg-app': { [a]: 'unhealthy' } } });
    expect([one.a, one.b]).toEqual([0, 20]);
    const all = run(design, 2, { targetHealth: { 'tg-app': { [a]: 'unhealthy', [b]: 'unhealthy' } } });
    expect([all.a, all.b]).toEqual([10, 10]);
  });

  it('fails open only when every target is unhealthy: initial, draining and unused targets get nothing', () => {
    const design = haDesign();
    const a = named(design, 'App A').id;
    const b = named(design, 'App B').id;
    for (const state of ['initial', 'draining', 'unused'] as const) {
      const some = run(design, 2, { targetHealth: { 'tg-app': { [a]: state } } });
      expect([some.a, some.b]).toEqual([0, 20]);
    }
    // Nothing routable and not every target unhealthy: the ALB has nowhere to send (503), no fail-open.
    const none = run(design, 2, { targetHealth: { 'tg-app': { [a]: 'initial', [b]: 'unhealthy' } } });
    expect([none.a, none.b]).toEqual([0, 0]);
    expect(none.lb).toMatchObject({ served: 0, failed: 20, failedBy: { '503': 20 } });
    expect(none.flow).toMatchObject({ sent: 20, delivered: 0 });
  });

  it('a target the network blocks fails its share: 504 for a silent drop', () => {
    const design = haDesign({ appInbound: () => [] });
    const r = run(design, 1);
    expect(r.lb).toMatchObject({ served: 0, failed: 10, failedBy: { '504': 10 } });
    expect(r.flow).toMatchObject({ sent: 10, delivered: 0, droppedForward: 10 });
  });

  it('a group without targets answers 503 for every request', () => {
    const design = produce(haDesign(), (d) => {
      (d.resources['tg-app'] as TargetGroup).targetIds = [];
    });
    const r = run(design, 2);
    expect(r.lb).toMatchObject({ served: 0, failed: 20, failedBy: { '503': 20 } });
    expect(r.flow.droppedBy).toEqual({ 'elb-web': 20 });
  });

  it("a zone that goes down: the other zone's node takes every request, and its target serves them", () => {
    const design = haDesign();
    const zoneA = named<Subnet>(design, 'Public A').azId;
    const r = run(design, 2, { zonesDown: [zoneA] });
    expect(r.flow).toMatchObject({ sent: 20 });
    // App A is in the zone that is down: the ALB still tries it until health checks say otherwise (its share fails, 504).
    expect(r.lb?.failedBy['504']).toBe(10);
    const healthy = run(design, 2, { zonesDown: [zoneA], targetHealth: { 'tg-app': { [r.ids.a]: 'unhealthy' } } });
    expect(healthy.lb).toMatchObject({ served: 20, failed: 0 });
  });

  it('animates packets down every branch in turn', () => {
    const r = run(haDesign(), 1);
    const packets = r.sim.visiblePackets(1);
    expect(new Set(packets.map((p) => p.branch))).toEqual(new Set([0, 1]));
    const path = r.sim.currentPaths().get('users')!;
    const reached = path.balanced!.branches.map(
      (b) =>
        b.steps.find((step) => step.kind === 'endpoint' && step.direction === 'forward' && step.index > 0)?.component,
    );
    expect(reached).toEqual([expect.stringContaining('App A'), expect.stringContaining('App B')]);
  });

  it('counts one new connection for a persistent flow, one per request otherwise', () => {
    const perRequest = run(haDesign(), 1).lb!.load;
    expect(perRequest).toMatchObject({ newConnections: 10, openConnections: 0 });
    const persistent = run(haDesign(), 2, {}, flow(10, { connection: 'persistent' })).lb!.load;
    expect(persistent).toMatchObject({ newConnections: 0, openConnections: 1 });
  });
});

describe('traffic through a Network Load Balancer', () => {
  const open = () => [tcpFrom(8080, '0.0.0.0/0')];

  it('gives each node of a zone with a healthy target an equal share, split over its own targets', () => {
    const design = produce(haDesign({ type: 'network', appInbound: open }), (d) => {
      // A second target in zone b: zone a's node sends half to App A, zone b's node a quarter to each.
      const appB = Object.values(d.resources).find((r) => r.name === 'App B') as Ec2Instance;
      d.resources['i-b2'] = { ...appB, id: 'i-b2' as Ec2Instance['id'], name: 'App B2', privateIp: '10.0.3.11' };
      (d.resources['tg-app'] as TargetGroup).targetIds.push('i-b2');
    });
    const r = run(design, 4);
    expect([r.a, r.b, r.sim.balancing.targetCounters('tg-app', 'i-b2').requests]).toEqual([20, 10, 10]);
    expect(r.lb).toMatchObject({ served: 40, failed: 0 });
  });

  it("a zone whose only target is unhealthy leaves DNS: the other zone's node takes all", () => {
    const design = haDesign({ type: 'network', appInbound: open });
    const a = named(design, 'App A').id;
    const r = run(design, 2, { targetHealth: { 'tg-app': { [a]: 'unhealthy' } } });
    expect([r.a, r.b]).toEqual([0, 20]);
  });

  it('a target whose group refuses the client is a reset', () => {
    const r = run(haDesign({ type: 'network', appInbound: () => [] }), 1);
    expect(r.lb?.failedBy).toEqual({ reset: 10 });
  });
});

describe('splitRequests', () => {
  it('gives every request to some branch, each branch its share over time', () => {
    const shares = [0.5, 0.25, 0.25];
    const owed = new Float64Array(3);
    const counts = new Int32Array(3);
    const totals = [0, 0, 0];
    let cursor = 0;
    for (let s = 0; s < 100; s++) {
      cursor = splitRequests(3, shares, owed, counts, cursor);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
      counts.forEach((n, i) => (totals[i]! += n));
    }
    expect(totals).toEqual([150, 75, 75]);
  });

  it('spreads a few requests over many branches fairly: each within one of its share', () => {
    const shares = new Array<number>(202).fill(1 / 202);
    const owed = new Float64Array(202);
    const counts = new Int32Array(202);
    const totals = new Array<number>(202).fill(0);
    let cursor = 0;
    for (let s = 0; s < 101; s++) {
      cursor = splitRequests(100, shares, owed, counts, cursor);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(100);
      counts.forEach((n, i) => (totals[i]! += n));
    }
    // 10,100 requests over 202 branches: 50 each.
    for (const total of totals) expect(Math.abs(total - 50)).toBeLessThanOrEqual(1);
  });
});
