import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import type { AutoScalingGroup, Design, Ec2Instance, FaultEvent } from '../domain';
import { buildFrame } from './frame';
import { Simulation } from './simulation';
import { haDesign } from './testing/haDesign';
import { decideScaling, pickForTermination, type AlarmState } from './asgScaling';
import { createRandom } from './random';

const withFaults = (design: Design, faults: FaultEvent[]): Design => ({
  ...design,
  simulation: { ...design.simulation!, faults },
});
const group = (sim: Simulation) => buildFrame(sim, false, 1, 0).autoScalingGroups[0]!;
const active = (sim: Simulation) =>
  group(sim).instances.filter((i) => i.lifecycle === 'Pending' || i.lifecycle === 'InService');
const byZone = (sim: Simulation) => {
  const counts: Record<string, number> = {};
  for (const i of active(sim)) counts[i.zoneId!] = (counts[i.zoneId!] ?? 0) + 1;
  return counts;
};

describe('Auto Scaling groups', () => {
  it('hold desired capacity across zones as ordinary instances, billed and running', () => {
    const sim = new Simulation(haDesign({ group: { desiredCapacity: 2 } }));
    sim.runUntil(300);
    expect(byZone(sim)).toEqual({ 'az-1': 1, 'az-2': 1 });
    const ids = active(sim).map((i) => i.id);
    expect(ids.every((id) => /^i-0[0-9a-f]{16}$/.test(id))).toBe(true);
    const frame = buildFrame(sim, false, 1, 0);
    for (const id of ids) {
      expect(frame.instances[id]).toMatchObject({ state: 'running', launched: { autoScalingGroupId: 'asg-web' } });
      expect(frame.instances[id]!.ratePerHour).toBeGreaterThan(0);
    }
    expect(frame.instances[ids[0]!]!.launched!.privateIp).not.toBe(frame.instances[ids[1]!]!.launched!.privateIp);
    expect(group(sim).instances.map((i) => i.lifecycle)).toEqual(['InService', 'InService']);
    expect(sim.log.some((l) => l.at === 0 && l.text.startsWith(`EC2 instance ${ids[0]} is in service`))).toBe(true);
  });

  it('replaces a failed instance in another zone, respects its maximum, and rebalances when the zone returns', () => {
    const design = withFaults(haDesign({ group: { minSize: 2, desiredCapacity: 2, maxSize: 2 } }), [
      { at: 600, fault: 'zoneOutage', zoneId: 'az-1', durationSeconds: 900 },
    ]);
    const sim = new Simulation(design);
    let mostDuringOutage = 0;
    let mostAfter = 0;
    for (let t = 1; t <= 599; t++) sim.runUntil(t);
    expect(byZone(sim)).toEqual({ 'az-1': 1, 'az-2': 1 });
    for (let t = 600; t <= 1499; t++) {
      sim.runUntil(t);
      mostDuringOutage = Math.max(mostDuringOutage, active(sim).length);
    }
    // The zone-a instance failed its load balancer health checks (600 s and 630 s) before its one-minute EC2
    // status check (660 s), so the group (ELB health checks) replaced it in zone b for that.
    expect(byZone(sim)).toEqual({ 'az-2': 2 });
    expect(mostDuringOutage).toBeLessThanOrEqual(2);
    expect(
      sim.log.some((l) =>
        l.text.includes(
          'At 640 s an instance was taken out of service in response to an ELB system health check failure',
        ),
      ),
    ).toBe(true);
    for (let t = 1500; t <= 2400; t++) {
      sim.runUntil(t);
      mostAfter = Math.max(mostAfter, active(sim).length);
    }
    // Rebalancing launches first (one above max: 10 % of max or 1), then terminates in the fuller zone.
    expect(mostAfter).toBe(3);
    expect(byZone(sim)).toEqual({ 'az-1': 1, 'az-2': 1 });
    expect(sim.log.some((l) => l.text.includes('to rebalance instances across Availability Zones'))).toBe(true);
  });

  it('adopts instances the design tags with the group (an import), and replaces one that is stopped', () => {
    const design = haDesign({ group: { desiredCapacity: 2 } });
    const tagged: Design = produce(design, (d) => {
      for (const id of ['app-a', 'app-b']) (d.resources[id] as Ec2Instance).autoScalingGroupId = 'asg-web' as never;
      (d.resources['app-b'] as Ec2Instance).state = 'stopped';
    });
    const sim = new Simulation(tagged);
    sim.runUntil(120);
    const ids = active(sim).map((i) => i.id);
    expect(ids).toContain('app-a');
    expect(ids).not.toContain('app-b');
    expect(ids).toHaveLength(2);
    expect(buildFrame(sim, false, 1, 0).instances['app-a']!.launched).toBeUndefined();
    expect(sim.log.some((l) => l.text.startsWith('Terminating EC2 instance: app-b . Cause:'))).toBe(true);
  });

  it('takes its instances with it when the group is deleted', () => {
    const design = haDesign({ group: { desiredCapacity: 2 } });
    const sim = new Simulation(design);
    sim.runUntil(60);
    const launched = active(sim).map((i) => i.id);
    sim.syncDesign(produce(design, (d) => void delete d.resources['asg-web']));
    sim.runUntil(70);
    const frame = buildFrame(sim, false, 1, 0);
    expect(frame.autoScalingGroups).toEqual([]);
    for (const id of launched) expect(frame.instances[id]).toBeUndefined();
    const billed = sim.cost().byResource.filter((r) => launched.includes(r.id));
    expect(billed.map((r) => r.ratePerHour)).toEqual([0, 0]);
    expect(billed.every((r) => r.total > 0)).toBe(true);
  });

  it('never reuses an instance id when a deleted group is added back (undo), which launches anew', () => {
    const design = haDesign({ group: { desiredCapacity: 2 } });
    const sim = new Simulation(design);
    sim.runUntil(60);
    const first = active(sim).map((i) => i.id);
    sim.syncDesign(produce(design, (d) => void delete d.resources['asg-web']));
    sim.runUntil(70);
    sim.syncDesign(design);
    sim.runUntil(81);
    const again = active(sim).map((i) => i.id);
    expect(again).toHaveLength(2);
    for (const id of again) expect(first).not.toContain(id);
    expect(group(sim).instances.map((i) => i.lifecycle)).toEqual(['Pending', 'Pending']);
    expect(new Set(sim.cost().byResource.map((r) => r.id)).size).toBe(sim.cost().byResource.length);
  });

  it('logs a failed launch once per cause, not at every look', () => {
    const design = produce(haDesign({ group: { desiredCapacity: 2 } }), (d) => void delete d.resources['lt-web']);
    const sim = new Simulation(design);
    sim.runUntil(300);
    const failures = sim.log.filter((l) => l.text.startsWith('Launching a new EC2 instance failed.'));
    expect(failures.map((l) => l.text)).toEqual([
      'Launching a new EC2 instance failed. Status Reason: The launch template does not exist.',
    ]);
    expect(group(sim).lastActivity).toBe(failures[0]!.text);
  });

  it('fails a launch when every zone of the group is down', () => {
    const design = withFaults(haDesign({ group: { desiredCapacity: 1, minSize: 1 } }), [
      { at: 0, fault: 'zoneOutage', zoneId: 'az-1', durationSeconds: null },
      { at: 0, fault: 'zoneOutage', zoneId: 'az-2', durationSeconds: null },
    ]);
    const sim = new Simulation(design);
    // In service at the start, impaired from 0 s: replaced after its status check fails (60 s), nowhere to go.
    sim.runUntil(100);
    expect(active(sim)).toEqual([]);
    expect(group(sim).lastActivity).toBe(
      'Launching a new EC2 instance failed. Status Reason: No subnet of the group is in an Availability Zone that is up.',
    );
  });

  it('keeps desired capacity between min and max, and scheduled actions move it', () => {
    const scheduled: AutoScalingGroup['scheduledActions'] = [
      { name: 'peak', at: 100, everySeconds: null, minSize: null, maxSize: null, desiredCapacity: 9 },
      { name: 'night', at: 400, everySeconds: null, minSize: 1, maxSize: null, desiredCapacity: 1 },
    ];
    const sim = new Simulation(
      haDesign({ group: { minSize: 2, desiredCapacity: 7, maxSize: 4, scheduledActions: scheduled } }),
    );
    sim.runUntil(50);
    expect(group(sim)).toMatchObject({ min: 2, desired: 4, max: 4 });
    sim.runUntil(300);
    expect(active(sim)).toHaveLength(4);
    sim.runUntil(700);
    expect(group(sim)).toMatchObject({ min: 1, desired: 1, max: 4 });
    expect(active(sim)).toHaveLength(1);
    expect(sim.log.some((l) => l.text === 'Executing scheduled action night: min 1, desired 1, max 4.')).toBe(true);
  });
});

describe('Auto Scaling groups under load', () => {
  it('scale out on average CPU from the requests flows send to their load balancer', () => {
    // 300 requests/s on 2 instances of 100 requests/s each: 150 % against a 50 % target, so 6 after 3 datapoints.
    const sim = new Simulation(
      haDesign({
        group: {
          healthCheckType: 'EC2',
          maxSize: 10,
          policies: [
            { type: 'targetTracking', metric: 'ASGAverageCPUUtilization', targetValue: 50, disableScaleIn: false },
          ],
        },
        flows: [{ id: 'web', from: 'internet', to: 'elb-web', port: 80, ratePerSecond: 300 }],
      }),
    );
    sim.runUntil(179);
    expect(group(sim).desired).toBe(2);
    sim.runUntil(180);
    expect(group(sim)).toMatchObject({ desired: 6, averageCpu: 150 });
    // The alarm's decision is logged; the launches it starts follow it as the group's latest activity.
    expect(sim.log.some((l) => /TargetTracking-web-asg-AlarmHigh .* from 2 to 6\.$/.test(l.text))).toBe(true);
    expect(group(sim).lastActivity).toMatch(/^Launching a new EC2 instance: i-/);
  });
});

describe('Auto Scaling target tracking during warm-up', () => {
  const tracked = (group: Partial<AutoScalingGroup>) =>
    new Simulation(
      haDesign({
        natPerZone: true,
        group: {
          healthCheckType: 'EC2',
          maxSize: 10,
          policies: [
            { type: 'targetTracking', metric: 'ASGAverageCPUUtilization', targetValue: 50, disableScaleIn: true },
          ],
          ...group,
        },
        flows: [{ id: 'web', from: 'internet', to: 'elb-web', port: 80, ratePerSecond: 300 }],
      }),
    );

  it('measures the warmed instances over the requests they serve (warming ones take their share): no over-scaling', () => {
    const sim = tracked({ defaultInstanceWarmupSeconds: 300 });
    sim.runUntil(180);
    expect(group(sim).desired).toBe(6);
    // The 4 new instances warm up until about 495 s but serve their share: 300 requests/s over 6 is 50 %.
    sim.runUntil(420);
    expect(group(sim)).toMatchObject({ desired: 6, averageCpu: 50 });
    sim.runUntil(900);
    expect(group(sim)).toMatchObject({ desired: 6, averageCpu: 50 });
  });

  it('warm-up falls back to the default cooldown when no default warm-up is set', () => {
    const scheduled: AutoScalingGroup['scheduledActions'] = [
      { name: 'open', at: 10, everySeconds: null, minSize: null, maxSize: null, desiredCapacity: 1 },
    ];
    // Launched at 10 s, in service about 15 s later, warming for the cooldown's 300 s: no warmed instance, no metric.
    const sim = tracked({ minSize: 0, desiredCapacity: 0, defaultCooldownSeconds: 300, scheduledActions: scheduled });
    sim.runUntil(300);
    expect(group(sim).averageCpu).toBeNull();
    sim.runUntil(360);
    expect(group(sim).averageCpu).toBe(300);
  });
});

describe('Auto Scaling target tracking scale-in', () => {
  it('does not wait out the default cooldown between scale-ins (only simple scaling does)', () => {
    const sim = new Simulation(
      haDesign({
        natPerZone: true,
        group: {
          healthCheckType: 'EC2',
          minSize: 1,
          desiredCapacity: 4,
          maxSize: 4,
          defaultCooldownSeconds: 300,
          policies: [
            { type: 'targetTracking', metric: 'ASGAverageCPUUtilization', targetValue: 50, disableScaleIn: false },
          ],
        },
        flows: [{ id: 'web', from: 'internet', to: 'elb-web', port: 80, ratePerSecond: 10 }],
      }),
    );
    sim.runUntil(899);
    expect(group(sim).desired).toBe(4);
    const desiredAt = (t: number) => {
      sim.runUntil(t);
      return group(sim).desired;
    };
    expect([desiredAt(900), desiredAt(960), desiredAt(1020), desiredAt(1200)]).toEqual([3, 2, 1, 1]);
  });
});

describe('Auto Scaling decisions', () => {
  const base = haDesign({ group: {} });
  const groupWith = (policies: AutoScalingGroup['policies']): AutoScalingGroup => ({
    ...(base.resources['asg-web'] as AutoScalingGroup),
    policies,
  });
  const tracking = groupWith([
    { type: 'targetTracking', metric: 'ASGAverageCPUUtilization', targetValue: 50, disableScaleIn: false },
  ]);
  /** Feeds one-minute datapoints of average CPU; returns the minute (1-based) of the first decision and it. */
  const feed = (group: AutoScalingGroup, cpus: number[], current = { desired: 2, capacity: 2 }) => {
    const alarms: AlarmState = { high: [], low: [] };
    for (const [i, cpu] of cpus.entries()) {
      const decision = decideScaling(group, { averageCpu: cpu, requestsPerTarget: null }, alarms, current);
      if (decision) return { minute: i + 1, ...decision };
    }
    return null;
  };

  it('target tracking scales out after 3 datapoints above target, to capacity × metric ÷ target', () => {
    expect(feed(tracking, [150, 150, 150])).toMatchObject({ minute: 3, desired: 6 });
    // Launches already under way cover what the metric asks: no further instance.
    expect(feed(tracking, [150, 150, 150], { desired: 6, capacity: 2 })).toBeNull();
    expect(feed(tracking, [150, 150, 150], { desired: 4, capacity: 2 })).toMatchObject({ desired: 6 });
    expect(feed(tracking, [150, 40, 150, 150, 150])).toMatchObject({ minute: 5, desired: 6 });
    expect(feed(tracking, [150, 150])).toBeNull();
  });

  it('target tracking scales in after 15 datapoints below 90 % of target, never on fewer, one instance at a time', () => {
    expect(feed(tracking, Array(14).fill(10), { desired: 4, capacity: 4 })).toBeNull();
    expect(feed(tracking, Array(15).fill(10), { desired: 4, capacity: 4 })).toMatchObject({ minute: 15, desired: 3 });
    expect(feed(tracking, Array(15).fill(46), { desired: 4, capacity: 4 })).toBeNull();
    // While the low alarm stays in alarm, each further datapoint takes one more, never below what the metric needs.
    const alarms: AlarmState = { high: [], low: [] };
    const asks: number[] = [];
    let current = { desired: 4, capacity: 4 };
    for (let minute = 1; minute <= 18; minute++) {
      const decision = decideScaling(
        tracking,
        { averageCpu: (10 * 4) / current.capacity, requestsPerTarget: null },
        alarms,
        current,
      );
      if (decision) {
        asks.push(decision.desired);
        current = { desired: decision.desired, capacity: decision.desired };
      }
    }
    // 40 % of one instance's capacity needs 1 at a 50 % target.
    expect(asks).toEqual([3, 2, 1]);
  });

  it('scales in only when every policy agrees, out when any asks', () => {
    const both = groupWith([
      { type: 'targetTracking', metric: 'ASGAverageCPUUtilization', targetValue: 50, disableScaleIn: false },
      { type: 'targetTracking', metric: 'ASGAverageCPUUtilization', targetValue: 50, disableScaleIn: true },
    ]);
    expect(feed(both, Array(15).fill(10), { desired: 4, capacity: 4 })).toBeNull();
    expect(feed(both, [100, 100, 100])).toMatchObject({ desired: 4 });
  });

  it('step scaling applies the step whose bounds hold the breach', () => {
    const step = groupWith([
      {
        type: 'step',
        metric: 'ASGAverageCPUUtilization',
        comparison: 'above',
        threshold: 60,
        adjustmentType: 'ChangeInCapacity',
        steps: [
          { lowerBound: 0, upperBound: 20, adjustment: 1 },
          { lowerBound: 20, upperBound: null, adjustment: 3 },
        ],
      },
    ]);
    expect(feed(step, [70])).toMatchObject({ minute: 1, desired: 3 });
    expect(feed(step, [95])).toMatchObject({ minute: 1, desired: 5 });
    expect(feed(step, [50])).toBeNull();
  });

  it('the default termination policy takes from the zone with the most instances', () => {
    const random = createRandom(4);
    const members = [{ zoneId: 'a' }, { zoneId: 'b' }, { zoneId: 'b' }, { zoneId: 'a' }, { zoneId: 'b' }];
    for (let i = 0; i < 20; i++) expect(pickForTermination(members, random)!.zoneId).toBe('b');
  });
});

describe('Auto Scaling groups at the start of a run', () => {
  it('start running and in service, their targets healthy, as the design’s own instances do: no startup errors', () => {
    const sim = new Simulation(
      haDesign({
        natPerZone: true,
        group: { desiredCapacity: 2 },
        flows: [{ id: 'web', from: 'internet', to: 'elb-web', port: 80, ratePerSecond: 10 }],
      }),
    );
    sim.runUntil(1);
    const frame = buildFrame(sim, false, 1, 0);
    const ids = group(sim).instances.map((i) => i.id);
    expect(ids).toHaveLength(2);
    expect(group(sim).instances.map((i) => i.lifecycle)).toEqual(['InService', 'InService']);
    for (const id of ids) expect(frame.instances[id]!.state).toBe('running');
    const targets = frame.loadBalancers[0]!.targetGroups[0]!.targets;
    expect(targets.filter((t) => ids.includes(t.id)).map((t) => t.health)).toEqual(['healthy', 'healthy']);
    sim.runUntil(120);
    expect(sim.summary().loadBalancers![0]).toMatchObject({ served: 1200, failed: 0 });
    expect(sim.summary().flows[0]).toMatchObject({ availabilityPercent: 100, recoverySeconds: null });
  });
});

describe('Auto Scaling groups behind a load balancer in a zone outage', () => {
  const outage = () =>
    new Simulation(
      withFaults(
        haDesign({
          natPerZone: true,
          group: { desiredCapacity: 2 },
          flows: [{ id: 'web', from: 'internet', to: 'elb-web', port: 80, ratePerSecond: 10 }],
        }),
        [{ at: 605, fault: 'zoneOutage', zoneId: 'az-1', durationSeconds: null }],
      ),
    );

  it('the load balancer sees the failed target unhealthy (2 checks × 30 s) before the group replaces it', () => {
    const sim = outage();
    sim.runUntil(599);
    const failed = group(sim).instances.find((i) => i.zoneId === 'az-1')!.id;
    const seen: string[] = [];
    for (let t = 600; t <= 720; t++) {
      sim.runUntil(t);
      const frame = buildFrame(sim, false, 1, 0);
      const health = frame.loadBalancers[0]!.targetGroups[0]!.targets.find((x) => x.id === failed)?.health;
      const lifecycle = frame.autoScalingGroups[0]!.instances.find((i) => i.id === failed)!.lifecycle;
      const state = `${health}/${lifecycle}`;
      if (seen.at(-1) !== state) seen.push(state);
    }
    // Down at 605 s: healthy until the checks at 630 and 660 s fail; EC2's one-minute status check fails at 660 s
    // too, and the group acts on both at its next look (670 s): the target drains only then.
    expect(seen).toEqual(['healthy/InService', 'unhealthy/InService', 'draining/Terminating']);
  });

  it('shows a dip in availability while the checks notice, then recovery', () => {
    const sim = outage();
    sim.runUntil(1200);
    const buckets = buildFrame(sim, false, 1, 0).availability.series;
    const failedAt = buckets.filter((b) => b.failed > 0).map((b) => b.at);
    // The zone-a target's half of the requests fails from 605 s until the load balancer stops sending (the check at 660 s).
    expect(failedAt).toEqual([600, 610, 620, 630, 640, 650]);
    expect(buckets.filter((b) => b.at >= 660).every((b) => b.failed === 0 && b.served === 100)).toBe(true);
    const flow = sim.summary().flows[0]!;
    expect(flow.recoverySeconds).toBe(54);
    expect(flow.availabilityPercent).toBeCloseTo((100 * (12000 - 275)) / 12000, 2);
  });
});

describe('Auto Scaling EC2 health checks', () => {
  it('an impaired instance fails its one-minute status check, and the group replaces it at its next look', () => {
    const design = haDesign({ group: { desiredCapacity: 1, minSize: 1, healthCheckType: 'EC2' } });
    const sim = new Simulation(design);
    sim.runUntil(5);
    const id = active(sim)[0]!.id;
    sim.runUntil(605);
    expect(
      sim.fault({ kind: 'inject', fault: { fault: 'instanceFailure', instanceId: id, durationSeconds: null } }),
    ).toEqual({
      ok: true,
    });
    sim.runUntil(669);
    expect(group(sim).instances.find((i) => i.id === id)).toMatchObject({ lifecycle: 'InService', health: 'Healthy' });
    sim.runUntil(670);
    expect(group(sim).instances.find((i) => i.id === id)).toMatchObject({
      lifecycle: 'Terminating',
      health: 'Unhealthy',
    });
  });
});

describe('Auto Scaling termination behind a load balancer', () => {
  it('terminates an instance only after its target’s deregistration delay (draining meanwhile, still running)', () => {
    const scheduled: AutoScalingGroup['scheduledActions'] = [
      { name: 'shrink', at: 100, everySeconds: null, minSize: 1, maxSize: null, desiredCapacity: 1 },
    ];
    const sim = new Simulation(
      haDesign({
        natPerZone: true,
        group: { scheduledActions: scheduled },
        targetGroup: { deregistrationDelaySeconds: 135 },
        flows: [{ id: 'web', from: 'internet', to: 'elb-web', port: 80, ratePerSecond: 10 }],
      }),
    );
    sim.runUntil(101);
    const leaving = group(sim).instances.find((i) => i.lifecycle === 'Terminating')!;
    expect(leaving).toBeDefined();
    const health = () =>
      buildFrame(sim, false, 1, 0).loadBalancers[0]!.targetGroups[0]!.targets.find((t) => t.id === leaving.id)?.health;
    expect(health()).toBe('draining');
    sim.runUntil(234);
    expect(sim.instances.get(leaving.id)!.state).toBe('running');
    expect(health()).toBe('draining');
    sim.runUntil(235);
    expect(sim.instances.get(leaving.id)!.state).toBe('shutting-down');
    sim.runUntil(300);
    expect(group(sim).instances.find((i) => i.id === leaving.id)!.lifecycle).toBe('Terminated');
    // Nothing is sent to it once it drains, nor while it shuts down after the delay.
    expect(sim.summary().loadBalancers![0]).toMatchObject({ served: 3000, failed: 0 });
  });
});
