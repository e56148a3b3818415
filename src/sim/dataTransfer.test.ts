import { describe, expect, it } from 'vitest';
import { parseDesign, type Design, type Flow } from '../domain';
import { TEMPLATES } from '../scenarios/templates';
import { egressCost, GB } from './dataTransfer';
import { Simulation } from './simulation';
import { LESSONS } from '../scenarios/learn/lessons';

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

  // Amazon EC2 On-Demand pricing (aws.amazon.com/ec2/pricing/on-demand/), "Data Transfer", data transfer out
  // from Amazon EC2 to the internet: the first 100 GB a month free (across services), the next 10 TB $0.09
  // per GB, the next 40 TB $0.085 per GB.
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

  // Amazon EC2 On-Demand pricing, "Data Transfer within the same AWS Region": between Availability Zones
  // $0.01 per GB in and $0.01 per GB out.
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

  // Amazon VPC pricing (aws.amazon.com/vpc/pricing/), NAT gateways: traffic sent to a NAT gateway in another
  // Availability Zone also pays the EC2 between-zones rate ($0.01 per GB each way) on top of $0.045 per GB
  // processed.
  it('an instance going out through the NAT gateway of another zone pays between-zones transfer too', () => {
    const d = twoTier();
    const routes = Object.values(d.resources).find((r) => r.kind === 'routeTable' && r.name === 'Private routes A');
    if (routes?.kind !== 'routeTable') throw new Error('no Private routes A');
    const natB = idOf(d, 'NAT B');
    const crossZone: Design = {
      ...d,
      resources: {
        ...d.resources,
        [routes.id]: {
          ...routes,
          routes: routes.routes.map((r) =>
            r.destination === '0.0.0.0/0' ? { ...r, target: natB as typeof r.target } : r,
          ),
        },
      },
      flows: [
        {
          id: 'f1',
          name: 'flow',
          from: idOf(d, 'App A'),
          to: 'internet',
          protocol: 'tcp',
          port: 443,
          ratePerSecond: 10,
          requestBytes: 1_000,
          responseBytes: 100_000,
        },
      ],
    };
    const sim = new Simulation(crossZone);
    sim.runUntil(100);
    expect(sim.summary().flows[0]!.delivered).toBe(1000);
    const lines = Object.fromEntries(sim.summary().dataTransfer.map((l) => [l.line, l]));
    const gb = (1000 * 101_000) / GB;
    expect(lines['Data transfer: NAT gateway processing']!.costUsd).toBeCloseTo(gb * 0.045, 6);
    expect(lines['Data transfer: between Availability Zones']!.gb).toBeCloseTo(gb, 6);
    expect(lines['Data transfer: between Availability Zones']!.costUsd).toBeCloseTo(gb * 0.02, 6);
    // Through App A's own zone's NAT gateway there is no such line (the first test).
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
    // AWS Transit Gateway pricing (aws.amazon.com/transit-gateway/pricing/): $0.02 per GB of data processed.
    expect(line.costUsd).toBeCloseTo(((1000 * 100_000) / GB) * 0.02, 5);
    // The template's two ends sit in different zones: EC2's between-zones rate, $0.01 per GB each way, too.
    const zones = sim.summary().dataTransfer.find((l) => l.line === 'Data transfer: between Availability Zones')!;
    expect(zones.gb).toBeCloseTo((1000 * 100_000) / GB, 6);
    expect(zones.costUsd).toBeCloseTo(((1000 * 100_000) / GB) * 0.02, 5);
  });
});

describe('data transfer to AWS services in the Region', () => {
  const s3Lesson = () => LESSONS.find((l) => l.id === 'data-transfer-cost')!.start;

  // Amazon EC2 On-Demand pricing (aws.amazon.com/ec2/pricing/on-demand/), "Data Transfer within the same AWS
  // Region": data between Amazon EC2 and Amazon S3 (or DynamoDB, SQS, SNS...) in the same Region is free. Through
  // a NAT gateway it is still processed there (Amazon VPC pricing).
  it('an instance reading from S3 through its NAT gateway pays the NAT processing, not internet data out', () => {
    const sim = new Simulation(s3Lesson());
    sim.runUntil(100);
    expect(sim.summary().flows[0]!.delivered).toBeGreaterThan(0);
    const lines = sim.summary().dataTransfer.map((l) => l.line);
    expect(lines).toContain('Data transfer: NAT gateway processing');
    expect(lines).not.toContain('Data transfer: out to the internet');
  });

  // AWS PrivateLink pricing (aws.amazon.com/privatelink/pricing/): an interface endpoint bills $0.01 per GB of
  // data it processes, whichever way it goes.
  it('an interface endpoint bills $0.01 per GB it processes, both ways', () => {
    const d = twoTier();
    const vpcId = idOf(d, 'Production VPC');
    const withEndpoint = {
      ...d,
      resources: {
        ...d.resources,
        'sg-endpoint': {
          kind: 'securityGroup',
          id: 'sg-endpoint',
          name: 'endpoint',
          vpcId,
          isDefault: false,
          description: 'HTTPS from the VPC',
          inbound: [{ protocol: 'tcp', ports: { from: 443, to: 443 }, peer: { type: 'cidr', cidr: '10.0.0.0/16' } }],
          outbound: [],
        },
        'vpce-sqs': {
          kind: 'vpcEndpoint',
          id: 'vpce-sqs',
          name: 'SQS endpoint',
          vpcId,
          type: 'interface',
          serviceName: 'com.amazonaws.us-east-1.sqs',
          prefixListId: null,
          routeTableIds: [],
          subnetIds: [idOf(d, 'Private B')],
          privateIps: [],
          securityGroupIds: ['sg-endpoint'],
        },
      },
      flows: [
        {
          id: 'f1',
          name: 'to SQS',
          from: idOf(d, 'App B'),
          to: 'vpce-sqs',
          protocol: 'tcp',
          port: 443,
          ratePerSecond: 10,
          requestBytes: 50_000,
          responseBytes: 50_000,
        },
      ],
    };
    const parsed = parseDesign(withEndpoint);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const sim = new Simulation(parsed.design);
    sim.runUntil(100);
    expect(sim.summary().flows[0]!.delivered).toBe(1000);
    const line = sim.summary().dataTransfer.find((l) => l.line === 'Data transfer: interface endpoint processing');
    expect(line?.costUsd).toBeCloseTo(((1000 * 100_000) / GB) * 0.01, 6);
  });
});
