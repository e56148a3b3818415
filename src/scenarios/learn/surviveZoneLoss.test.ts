import { describe, expect, it } from 'vitest';
import type { DbInstance, Design } from '../../domain';
import { validateDesign } from '../../engine';
import { buildFrame } from '../../sim/frame';
import { Simulation } from '../../sim/simulation';
import { haDesign } from '../../sim/testing/haDesign';
import { evaluateCheck, evaluateGoals, lessonComplete } from './evaluate';
import { findLesson } from './lessons';
import { parseLesson } from './schema';
import { solveSurviveZoneLoss } from './solutions/survive-zone-loss';

const lesson = findLesson('survive-zone-loss')!;
const solved = solveSurviveZoneLoss(lesson.start);
const goal = (id: string) => lesson.goals.find((g) => g.id === id)!;

describe('the lesson "Survive the loss of an Availability Zone"', () => {
  it('parses, its goals naming resources of its start', () => {
    expect(lesson).toMatchObject({ id: 'survive-zone-loss', order: 11, kind: 'lesson' });
    const broken = parseLesson({
      ...JSON.parse(JSON.stringify(lesson)),
      goals: [
        { ...goal('served-after-outage'), check: { ...goal('served-after-outage').check, zoneId: 'az-x' } },
        goal('budget'),
      ],
    });
    expect(broken).toEqual({
      ok: false,
      errors: ['goals.0.check.zoneId: no Availability Zone "az-x" in the start design'],
    });
  });

  it('its start is in one zone and its solution spreads over two, within the budget, without errors', () => {
    expect(evaluateCheck(lesson.start, goal('budget').check)).toMatchObject({ met: true });
    expect(evaluateCheck(solved, goal('budget').check)).toMatchObject({ met: true });
    expect(validateDesign(solved).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('its solution recovers in the simulation: the group refills us-east-1b and the database fails over, within 3 minutes', () => {
    const settings = solved.simulation!;
    const sim = new Simulation(
      {
        ...solved,
        simulation: { ...settings, faults: [{ at: 600, fault: 'zoneOutage', zoneId: 'az-1', durationSeconds: null }] },
      },
      { seed: 1 },
    );
    sim.runUntil(599);
    expect(sim.summary().autoScalingGroups[0]).toMatchObject({ inService: 2, byZone: { 'az-1': 1, 'az-2': 1 } });
    sim.runUntil(780);
    const frame = buildFrame(sim, false, 1, 0);
    expect(sim.summary().autoScalingGroups[0]).toMatchObject({ inService: 2, byZone: { 'az-2': 2 } });
    expect(frame.databases[0]).toMatchObject({
      status: 'available',
      primarySubnetId: 'subnet-6',
      failovers: 1,
    });
    expect(frame.faults.zonesDown).toEqual(['az-1']);
  });

  it('starts as the single-AZ template, letting the group launch into App B alone passes the outage goal', () => {
    const start = lesson.start.resources;
    expect(Object.values(start).filter((r) => r.kind === 'autoScalingGroup')).toMatchObject([
      { subnetIds: ['subnet-2'] },
    ]);
    const group = start['asg-1'];
    if (group?.kind !== 'autoScalingGroup') throw new Error('the lesson starts with web-asg');
    const bothZones = {
      ...lesson.start,
      resources: { ...start, 'asg-1': { ...group, subnetIds: [...group.subnetIds, 'subnet-5' as never] } },
    };
    expect(evaluateCheck(lesson.start, goal('served-after-outage').check)).toMatchObject({ met: false });
    expect(evaluateCheck(bothZones, goal('served-after-outage').check)).toMatchObject({ met: true });
  });

  it('starts with the outage goal unmet, and is complete after the reference solution', () => {
    expect(evaluateGoals(lesson.start, lesson.goals).find((r) => r.id === 'served-after-outage')).toMatchObject({
      met: false,
    });
    const results = evaluateGoals(solved, lesson.goals);
    expect(results.filter((r) => !r.met)).toEqual([]);
    expect(lessonComplete(results)).toBe(true);
  });
});

describe('the servedThroughZoneOutage goal', () => {
  const check = {
    type: 'servedThroughZoneOutage' as const,
    zoneId: 'az-1',
    atSeconds: 600,
    recoverySeconds: 180,
    untilSeconds: 1200,
    atLeastPercent: 99,
  };
  const internetFromZoneB = (natPerZone: boolean): Design =>
    haDesign({ natPerZone, flows: [{ id: 'out', from: 'app-b', to: 'internet', port: 443, ratePerSecond: 10 }] });

  it('counts requests served after the recovery window: one NAT gateway for two zones fails it, one per zone meets it', () => {
    expect(evaluateCheck(internetFromZoneB(false), check)).toEqual({
      met: false,
      detail:
        '0.0 % of 4,200 requests were served from 180 s after us-east-1a failed (at 600 s) until 1200 s; the goal is 99 %.',
    });
    expect(evaluateCheck(internetFromZoneB(true), check)).toEqual({
      met: true,
      detail:
        '100.0 % of 4,200 requests were served from 180 s after us-east-1a failed (at 600 s) until 1200 s, at least the 99 % asked.',
    });
  });

  it('every flow must meet it: a large flow that is always served does not hide one that fails', () => {
    const db: Partial<DbInstance> = {
      multiAz: true,
      standbySubnetId: 'subnet-priv-b' as DbInstance['subnetId'],
      standbyPrivateIp: '10.0.11.50',
    };
    const design = haDesign({
      database: db,
      flows: [
        { id: 'out', from: 'app-b', to: 'internet', port: 443, ratePerSecond: 10 },
        { id: 'db', from: 'app-b', to: 'db-app', port: 3306, ratePerSecond: 1000 },
      ],
    });
    // Together 99 % of the requests are served (the database fails over within the window); the internet flow, none.
    expect(evaluateCheck(design, check)).toEqual({
      met: false,
      detail:
        '0.0 % of 4,200 requests of app-b → internet were served from 180 s after us-east-1a failed (at 600 s) until 1200 s; the goal is 99 % for every flow.',
    });
  });

  it('is not met by a design that sends nothing, and keeps the design’s own faults', () => {
    expect(evaluateCheck(haDesign(), check)).toMatchObject({
      met: false,
      detail: expect.stringMatching(/^No flow sent a request/),
    });
    const withNatFault: Design = {
      ...internetFromZoneB(true),
      simulation: {
        ...internetFromZoneB(true).simulation!,
        faults: [
          {
            at: 900,
            fault: 'natGatewayFailure',
            natGatewayId: Object.values(internetFromZoneB(true).resources).find((r) => r.name === 'nat-b')!.id,
            durationSeconds: null,
          },
        ],
      },
    };
    // nat-b fails at 900 s: of the window's 420 s, the 119 ticks before it deliver (1,190 of 4,200).
    expect(evaluateCheck(withNatFault, check)).toMatchObject({
      met: false,
      detail: expect.stringMatching(/^28\.3 % of 4,200/),
    });
  });

  it('a Multi-AZ database in the design does not change what flows count', () => {
    const db: Partial<DbInstance> = {
      multiAz: true,
      standbySubnetId: 'subnet-priv-b' as DbInstance['subnetId'],
      standbyPrivateIp: '10.0.11.50',
    };
    const design = haDesign({
      natPerZone: true,
      database: db,
      flows: [{ id: 'out', from: 'app-b', to: 'internet', port: 443, ratePerSecond: 10 }],
    });
    expect(evaluateCheck(design, check)).toMatchObject({ met: true });
  });
});
