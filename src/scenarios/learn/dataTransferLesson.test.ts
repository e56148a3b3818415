import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { findInstanceType, PRICES, type Design, type RouteTable } from '../../domain';
import { evaluateGoals } from './evaluate';
import { LESSONS } from './lessons';
import { SOLUTIONS } from './solutions';

const lesson = LESSONS.find((l) => l.id === 'data-transfer-cost')!;
const results = (design: Design) => evaluateGoals(design, lesson.goals);
const unmet = (design: Design) => results(design).filter((g) => !g.met);
const budget = lesson.goals.find((g) => g.id === 'under-budget')!.check;
const monthlyIn = (detail: string) => Number(/About \$([\d,.]+) a month/.exec(detail)![1]!.replaceAll(',', ''));

// The bill as the price catalog gives it: what runs by the hour, and the NAT gateway's processing of the S3 flow.
const hours = PRICES.hoursPerMonth;
const standing =
  (PRICES.natGatewayHour + PRICES.publicIpv4Hour + findInstanceType('t3.micro')!.hourlyUsd) * hours +
  PRICES.rootVolumeGb * PRICES.ebsGbMonth;
const flow = lesson.start.flows?.[0];
const gbPerMonth = (flow!.ratePerSecond * (flow!.requestBytes! + flow!.responseBytes!) * 3600 * hours) / 2 ** 30;
const natProcessing = gbPerMonth * PRICES.transfer.natGatewayPerGb;

describe('the data-transfer cost lesson', () => {
  it('sets its budget between the standing charges and the bill with the NAT gateway processing S3 traffic', () => {
    expect(budget).toMatchObject({ type: 'monthlyCostUnder' });
    if (budget.type !== 'monthlyCostUnder') return;
    expect(Math.round(gbPerMonth)).toBe(3220);
    expect(natProcessing).toBeGreaterThan(4 * PRICES.natGatewayHour * hours);
    expect(budget.usd).toBeGreaterThan(standing + 10);
    expect(budget.usd).toBeLessThan(standing + natProcessing - 50);
  });

  it('starts over budget because of the NAT gateway processing, with S3 and the internet both reachable', () => {
    const failing = unmet(lesson.start);
    expect(failing.map((g) => g.id)).toEqual(['under-budget']);
    expect(failing[0]!.detail).toContain('Data transfer: NAT gateway processing');
    expect(monthlyIn(failing[0]!.detail)).toBeCloseTo(standing + natProcessing, 0);
  });

  it('drops to the standing charges once S3 traffic takes the gateway endpoint', () => {
    const solved = results(SOLUTIONS[lesson.id]!(lesson.start));
    const cost = solved.find((g) => g.id === 'under-budget')!;
    expect(cost.met).toBe(true);
    expect(monthlyIn(cost.detail)).toBeCloseTo(standing, 0);
    expect(cost.detail).not.toContain('NAT gateway processing');
  });

  it('does not count deleting the NAT gateway as the fix: worker-1 loses the internet', () => {
    const withoutNat = produce(SOLUTIONS[lesson.id]!(lesson.start), (d) => {
      delete d.resources['nat-1'];
      const table = d.resources['rtb-private'] as RouteTable;
      table.routes = table.routes.filter((r) => r.destination !== '0.0.0.0/0');
    });
    expect(unmet(withoutNat).map((g) => g.id)).toEqual(['worker-reaches-internet']);
  });

  it('does not count deleting or shrinking the S3 flow as the fix: the workload is the lesson’s', () => {
    const solvedStart = SOLUTIONS[lesson.id]!(lesson.start);
    const withoutFlow = { ...solvedStart, flows: [] };
    expect(unmet(withoutFlow).map((g) => g.id)).toEqual(['s3-reads-kept']);
    const slower = { ...solvedStart, flows: [{ ...solvedStart.flows![0]!, ratePerSecond: 0.1 }] };
    expect(unmet(slower).map((g) => g.id)).toContain('s3-reads-kept');
    const smaller = { ...solvedStart, flows: [{ ...solvedStart.flows![0]!, responseBytes: 1_000 }] };
    const failed = results(smaller).find((g) => g.id === 's3-reads-kept')!;
    expect(failed.met).toBe(false);
    expect(failed.detail).toContain('256 KiB');
  });
});
