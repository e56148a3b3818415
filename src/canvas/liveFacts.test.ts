import { describe, expect, it } from 'vitest';
import { resourcesOfKind } from '../domain';
import type { SimFrame, TargetFrame } from '../sim/protocol';
import { highlyAvailableWebApp } from '../scenarios/haTemplates';
import { LESSONS } from '../scenarios/learn/lessons';
import { SOLUTIONS } from '../scenarios/learn/solutions';
import { Simulation } from '../sim/simulation';
import {
  autoScalingGroupLiveBadges,
  databaseLiveBadges,
  eksClusterLiveBadges,
  faultActiveOn,
  instanceLiveBadges,
  loadBalancerLiveBadges,
  targetGroupLiveBadges,
  zoneDownSince,
} from './liveFacts';

const design = highlyAvailableWebApp();
const zone = (name: string) => resourcesOfKind(design, 'availabilityZone').find((z) => z.zoneName === name)!;
const [alb] = resourcesOfKind(design, 'loadBalancer');
const [group] = resourcesOfKind(design, 'targetGroup');
const [asg] = resourcesOfKind(design, 'autoScalingGroup');
const [db] = resourcesOfKind(design, 'dbInstance');
const target = (id: string, health: TargetFrame['health'], reason: string | null = null): TargetFrame => ({
  id,
  name: 'web',
  zoneId: null,
  health,
  reason,
  requests: 0,
  lastSecond: 0,
});

/** Ten minutes in, us-east-1a is down: its node is out, its target failing, the database failing over. */
function frameWithZoneADown(): SimFrame {
  return {
    now: 660,
    running: true,
    speed: 60,
    instances: {
      'i-a': {
        state: 'running',
        impaired: true,
        rebooting: false,
        publicIp: null,
        costUsd: 0,
        ratePerHour: 0,
        timeline: [],
      },
    },
    functions: [],
    services: [],
    cost: { ratePerHour: 0, total: 0 },
    log: [],
    traffic: { flows: [], paths: {}, packets: [], transfer: [] },
    loadBalancers: [
      {
        id: alb!.id,
        name: alb!.name,
        type: 'application',
        nodes: [
          { subnetId: alb!.subnetMappings[0]!.subnetId, zoneId: zone('us-east-1a').id, inService: false },
          { subnetId: alb!.subnetMappings[1]!.subnetId, zoneId: null, inService: true },
        ],
        targetGroups: [
          {
            id: group!.id,
            name: group!.name,
            targets: [target('i-a', 'unhealthy', 'Target.Timeout'), target('i-b', 'healthy'), target('i-c', 'initial')],
          },
        ],
        served: 0,
        failed: 0,
        failedBy: {},
        lastSecond: { served: 0, failed: 0 },
        capacityUnits: 0,
        costUsd: 0,
      },
    ],
    autoScalingGroups: [
      {
        id: asg!.id,
        name: asg!.name,
        min: 2,
        desired: 2,
        max: 6,
        instances: [
          { id: 'i-b', subnetId: asg!.subnetIds[1]!, zoneId: null, lifecycle: 'InService', health: 'Healthy' },
          { id: 'i-c', subnetId: asg!.subnetIds[1]!, zoneId: null, lifecycle: 'Pending', health: 'Healthy' },
        ],
        lastActivity: 'Launching a new EC2 instance: i-c.',
        averageCpu: 40,
      },
    ],
    databases: [
      {
        id: db!.id,
        name: db!.name,
        status: 'failing-over',
        primarySubnetId: db!.subnetId,
        standbySubnetId: db!.standbySubnetId,
        failovers: 0,
        costUsd: 0,
      },
    ],
    faults: {
      zonesDown: [zone('us-east-1a').id],
      active: [{ fault: 'zoneOutage', targetId: zone('us-east-1a').id, since: 600, until: null }],
    },
    availability: { bucketSeconds: 10, series: [], servedPercent: null },
  };
}

describe('live facts on the canvas', () => {
  const frame = frameWithZoneADown();

  it('names each load balancer node’s zone and whether it is in service', () => {
    expect(loadBalancerLiveBadges(frame, design, alb!.id)).toEqual([
      { text: 'us-east-1a out', tone: 'bad' },
      { text: 'us-east-1b in service', tone: 'ok' },
    ]);
  });

  it('says target health in words, with AWS’s reason, on the instance and as counts on the group', () => {
    expect(instanceLiveBadges(frame, 'i-a')).toEqual([
      { text: 'impaired', tone: 'bad', title: 'Failing its status checks' },
      { text: 'unhealthy', tone: 'bad', title: 'Target.Timeout' },
    ]);
    expect(targetGroupLiveBadges(frame, group!.id)).toEqual([
      { text: '1 unhealthy', tone: 'bad' },
      { text: '1 healthy', tone: 'ok' },
      { text: '1 initial', tone: 'wait' },
    ]);
    expect(instanceLiveBadges(frame, 'i-none')).toEqual([]);
  });

  it('counts the group’s instances in service of desired and shows its last activity', () => {
    expect(autoScalingGroupLiveBadges(frame, asg!.id)).toEqual([
      { text: '1/2 in service', tone: 'wait', title: 'Launching a new EC2 instance: i-c.' },
      { text: '1 pending', tone: 'wait' },
    ]);
  });

  it('says the database is failing over, then where its primary is', () => {
    expect(databaseLiveBadges(frame, design, db!.id)[0]).toMatchObject({ text: 'failing over' });
    const after = {
      ...frame,
      databases: [
        { ...frame.databases[0]!, status: 'available' as const, primarySubnetId: db!.standbySubnetId!, failovers: 1 },
      ],
    };
    expect(databaseLiveBadges(after, design, db!.id)).toEqual([
      { text: 'primary in us-east-1b', tone: 'ok', title: '1 failover so far' },
    ]);
  });

  it('knows since when a zone is down and which resources have a fault to recover', () => {
    expect(zoneDownSince(frame, zone('us-east-1a').id)).toBe('00:10:00');
    expect(zoneDownSince(frame, zone('us-east-1b').id)).toBeNull();
    expect(faultActiveOn(frame, zone('us-east-1a').id)).toBe(true);
    expect(faultActiveOn(frame, 'i-a')).toBe(false);
    expect(zoneDownSince(null, zone('us-east-1a').id)).toBeNull();
  });

  it('says on the EKS cluster how many nodes are cut off from its endpoint, until they get a way out', () => {
    const lesson = LESSONS.find((l) => l.id === 'containers-on-eks')!;
    const badgesAfterAMinute = (d: typeof design) => {
      const sim = new Simulation(d);
      sim.runUntil(60);
      return eksClusterLiveBadges({ eks: sim.summary().eks } as SimFrame, 'eks-shop').map((b) => b.text);
    };
    expect(badgesAfterAMinute(lesson.start)).toEqual(['0/4 pods running', '4 Pending', '2 nodes cut off']);
    expect(badgesAfterAMinute(SOLUTIONS['containers-on-eks']!(lesson.start))).toEqual(['4/4 pods running']);
  });
});
