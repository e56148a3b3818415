import { describe, expect, it } from 'vitest';
import type { Design, FaultEvent } from '../domain';
import { buildFrame } from './frame';
import { Simulation } from './simulation';
import { haDesign } from './testing/haDesign';

const withFaults = (design: Design, faults: FaultEvent[]): Design => ({
  ...design,
  simulation: { ...design.simulation!, faults },
});

/** app-a registered by hand in tg-web (no group instances), checked every 10 s: unhealthy after 3 failures, healthy after 4 passes. */
function checked(faults: FaultEvent[]): Simulation {
  const design = haDesign({
    group: { minSize: 0, desiredCapacity: 0, maxSize: 0 },
    targetGroup: {
      targetIds: ['app-a'],
      healthCheck: {
        enabled: true,
        protocol: 'HTTP',
        path: '/',
        port: 'traffic-port',
        intervalSeconds: 10,
        timeoutSeconds: 5,
        healthyThreshold: 4,
        unhealthyThreshold: 3,
      },
    },
  });
  return new Simulation(withFaults(design, faults));
}

const target = (sim: Simulation) => {
  const row = buildFrame(sim, false, 1, 0).loadBalancers[0]!.targetGroups[0]!.targets[0]!;
  return { health: row.health, reason: row.reason };
};

describe('target health checks', () => {
  it('targets of the design start healthy; one registered during the run is initial until its first check passes', () => {
    const sim = checked([]);
    expect(target(sim)).toEqual({ health: 'healthy', reason: null });
    const design = haDesign({
      group: { minSize: 0, desiredCapacity: 0, maxSize: 0 },
      targetGroup: { targetIds: [] },
    });
    const later = new Simulation(design);
    later.runUntil(3);
    const tg = design.resources['tg-web'];
    if (tg?.kind !== 'targetGroup') throw new Error('the HA design has tg-web');
    later.syncDesign({ ...design, resources: { ...design.resources, 'tg-web': { ...tg, targetIds: ['app-a'] } } });
    later.runUntil(29);
    expect(target(later)).toEqual({ health: 'initial', reason: 'Elb.InitialHealthChecking' });
    later.runUntil(30);
    expect(target(later)).toEqual({ health: 'healthy', reason: null });
    expect(later.liveOverlay().targetHealth).toEqual({ 'tg-web': { 'app-a': 'healthy' } });
  });

  it('turn unhealthy after interval × unhealthy threshold, and healthy again after interval × healthy threshold', () => {
    // Impaired from 95 s to 150 s: checks fail at 100, 110, 120 s; pass at 150, 160, 170, 180 s.
    const sim = checked([{ at: 95, fault: 'instanceFailure', instanceId: 'app-a', durationSeconds: 55 }]);
    sim.runUntil(119);
    expect(target(sim).health).toBe('healthy');
    sim.runUntil(120);
    expect(target(sim)).toEqual({ health: 'unhealthy', reason: 'Target.Timeout' });
    sim.runUntil(179);
    expect(target(sim).health).toBe('unhealthy');
    sim.runUntil(180);
    expect(target(sim)).toEqual({ health: 'healthy', reason: null });
  });

  it('show a stopped instance as unused', () => {
    const sim = checked([]);
    sim.runUntil(10);
    sim.act('app-a', 'stop');
    sim.runUntil(200);
    expect(target(sim)).toEqual({ health: 'unused', reason: 'Target.InvalidState' });
  });

  it('drain a deregistered target for the deregistration delay (300 s), then drop it', () => {
    const sim = checked([]);
    sim.runUntil(20);
    const design = haDesign({ group: { minSize: 0, desiredCapacity: 0, maxSize: 0 } });
    sim.syncDesign(design);
    expect(target(sim)).toEqual({ health: 'draining', reason: 'Target.DeregistrationInProgress' });
    sim.runUntil(319);
    expect(target(sim).health).toBe('draining');
    sim.runUntil(340);
    expect(buildFrame(sim, false, 1, 0).loadBalancers[0]!.targetGroups[0]!.targets).toEqual([]);
  });

  it('shows the load balancer node of a zone that is down out of service', () => {
    const sim = checked([{ at: 5, fault: 'zoneOutage', zoneId: 'az-2', durationSeconds: null }]);
    sim.runUntil(10);
    const nodes = buildFrame(sim, false, 1, 0).loadBalancers[0]!.nodes;
    expect(nodes.map((n) => n.inService)).toEqual([true, false]);
  });
});
