import { describe, expect, it } from 'vitest';
import { DesignBuilder, PRICES, type Design, type EbsVolume } from '../domain';
import { Simulation } from './simulation';

/** One instance in us-east-1a with a 100 GiB gp3 data volume attached after launch. */
function design(deleteOnTermination: boolean): { design: Design; instanceId: string } {
  const b = new DesignBuilder('ebs');
  const region = b.region();
  const vpc = b.vpc(region, '10.0.0.0/16');
  const zone = b.zone(region, 'us-east-1a', vpc);
  const subnet = b.subnet(vpc, zone, '10.0.1.0/24', 'S');
  const instance = b.instance(subnet, '10.0.1.10', [vpc.defaultSecurityGroup.id], 'db');
  const volume: EbsVolume = {
    kind: 'ebsVolume',
    id: 'vol-data' as never,
    name: 'data',
    availabilityZoneId: zone.id,
    volumeType: 'gp3',
    sizeGiB: 100,
    attachedInstanceId: instance.id,
    deleteOnTermination,
  };
  b.add(volume);
  return { design: b.build(), instanceId: instance.id };
}

// Amazon EBS pricing, us-east-1: gp3 storage USD 0.08 per GB-month, pro rata by the hour (730 hours a month).
const PER_HOUR = (100 * 0.08) / 730;
const volumeCost = (sim: Simulation) => sim.cost().byResource.find((r) => r.id === 'vol-data')!;

describe('EBS volumes in the simulation', () => {
  it('a data volume attached after launch outlives its terminated instance and keeps billing', () => {
    const { design: d, instanceId } = design(false);
    const sim = new Simulation(d);
    sim.runUntil(3600);
    expect(sim.act(instanceId, 'terminate').ok).toBe(true);
    sim.runUntil(7200);
    const cost = volumeCost(sim);
    expect(cost.total).toBeCloseTo(2 * PER_HOUR, 9);
    expect(cost.ratePerHour).toBeCloseTo(PER_HOUR, 9);
    expect(PRICES.ebsGbMonthByType.gp3).toBe(0.08);
    expect(sim.log.some((l) => l.text.includes('keeps billing until it is deleted'))).toBe(true);
  });

  it('a volume marked delete-on-termination goes with its instance and stops billing', () => {
    const { design: d, instanceId } = design(true);
    const sim = new Simulation(d);
    sim.runUntil(3600);
    sim.act(instanceId, 'terminate');
    sim.runUntil(7200);
    const cost = volumeCost(sim);
    expect(cost.ratePerHour).toBe(0);
    // Billed until the instance finished terminating, a little after the hour.
    expect(cost.total).toBeGreaterThan(PER_HOUR);
    expect(cost.total).toBeLessThan(1.1 * PER_HOUR);
  });

  it('a resized volume bills its new size from the edit on', () => {
    const { design: d } = design(false);
    const sim = new Simulation(d);
    sim.runUntil(3600);
    const bigger = structuredClone(d);
    (bigger.resources['vol-data'] as EbsVolume).sizeGiB = 200;
    sim.syncDesign(bigger);
    sim.runUntil(7200);
    expect(volumeCost(sim).total).toBeCloseTo(PER_HOUR + 2 * PER_HOUR, 9);
  });
});
