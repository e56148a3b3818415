import { describe, expect, it } from 'vitest';
import type { Design, Flow } from '../domain';
import { TEMPLATES } from '../scenarios/templates';
import { egressCost, GB } from './dataTransfer';
import { Simulation } from './simulation';

/** The two-zone template: Web A/B public in us-east-1a/b, App A/B private behind a NAT gateway in each zone. */
const twoTier = () => TEMPLATES.find((t) => t.id === 'two-tier')!.build();
const idOf = (d: Design, name: string) => Object.values(d.resources).find((r) => r.name === name)!.id;

function run(flow: Omit<Flow, 'id' | 'name'>, seconds: number) {
  const design = { ...twoTier(), flows: [{ id: 'f1', name: 'flow', ...flow }] };
  const sim = new Simulation(design);
  sim.runUntil(seconds);
  const lines = Object.fromEntries(sim.summary().dataTransfer.map((l) => [l.line, l]));
  return { sim, lines, delivered: sim.summary().flows[0]!.delivered };
}

describe('data transfer, as AWS bills it in us-east-1', () => {
  it('a private instance downloading through its NAT gateway pays $0.045 per GB processed, both ways', () => {
    const d = twoTier();
    const { lines, delivered } = run(
      {
        from: idOf(d, 'App A'),
        to: 'internet',
        protocol: 'tcp',
        port: 443,
        ratePerSecond: 10,
        requestBytes: 1_000,
        responseBytes: 1_000_000,
      },
      600,
    );
    expect(delivered).toBe(6000);
    const gb = (6000 * 1_001_000) / GB;
    // Amazon VPC pricing: NAT gateway data processing $0.045 per GB.
    expect(lines['Data transfer: NAT gateway processing']!.costUsd).toBeCloseTo(gb * 0.045, 6);
    // The requests leave for the internet: within the month's free 100 GB.
    expect(lines['Data transfer: out to the internet']!.costUsd).toBe(0);
    expect(lines['Data transfer: between Availability Zones']).toBeUndefined();
  });

  it('serving the internet: the first 100 GB of a month are free, then $0.09 per GB', () => {
    const d = twoTier();
    // 100 responses of 1 MiB a second for 2,000 s: 195.3 GB out.
    const { lines } = run(
      {
        from: 'internet',
        to: idOf(d, 'Web A'),
        protocol: 'tcp',
        port: 443,
        ratePerSecond: 100,
        requestBytes: 0,
        responseBytes: 2 ** 20,
      },
      2000,
    );
    const gb = (200_000 * 2 ** 20) / GB;
    expect(lines['Data transfer: out to the internet']!.gb).toBeCloseTo(gb, 6);
    expect(lines['Data transfer: out to the internet']!.costUsd).toBeCloseTo((gb - 100) * 0.09, 6);
  });

  it('between zones over private addresses: $0.01 per GB each way, so $0.02 per GB moved', () => {
    const d = twoTier();
    const { lines, delivered } = run(
      {
        from: idOf(d, 'Web A'),
        to: idOf(d, 'Web B'),
        protocol: 'tcp',
        port: 443,
        ratePerSecond: 5,
        requestBytes: 10_000,
        responseBytes: 90_000,
      },
      100,
    );
    expect(delivered).toBe(500);
    expect(lines['Data transfer: between Availability Zones']!.costUsd).toBeCloseTo(((500 * 100_000) / GB) * 0.02, 5);
    expect(lines['Data transfer: out to the internet']).toBeUndefined();
  });

  it('egress tiers count the month’s total: 10 TB in, the next GB costs $0.085', () => {
    expect(egressCost(0, 100)).toBe(0);
    expect(egressCost(0, 101)).toBeCloseTo(0.09, 9);
    expect(egressCost(100 + 10_240, 1)).toBeCloseTo(0.085, 9);
    expect(egressCost(99.5, 1)).toBeCloseTo(0.045, 9);
  });
});

describe('data transfer through a transit gateway', () => {
  it('bills $0.02 per GB processed, each way, and between zones when the ends are in different zones', () => {
    const design = TEMPLATES.find((t) => t.id === 'tgw-three-vpcs')!.build();
    const flow = design.flows?.[0];
    expect(flow).toBeDefined();
    const sized = { ...design, flows: [{ ...flow!, ratePerSecond: 10, requestBytes: 50_000, responseBytes: 50_000 }] };
    const sim = new Simulation(sized);
    sim.runUntil(100);
    const delivered = sim.summary().flows[0]!.delivered;
    expect(delivered).toBe(1000);
    const line = sim.summary().dataTransfer.find((l) => l.line === 'Data transfer: transit gateway processing')!;
    // AWS Transit Gateway pricing: $0.02 per GB of data processed.
    expect(line.costUsd).toBeCloseTo(((1000 * 100_000) / GB) * 0.02, 5);
  });
});
