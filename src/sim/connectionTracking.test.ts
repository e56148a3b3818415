import { describe, expect, it } from 'vitest';
import { simulationSettings, type Design, type SecurityGroup, type SgRule } from '../domain';
import { TEMPLATES } from '../scenarios/templates';
import { Simulation } from './simulation';

// Amazon EC2 User Guide, "Security group connection tracking" (docs.aws.amazon.com/AWSEC2/latest/UserGuide/
// security-group-connection-tracking.html): removing a rule does not interrupt tracked connections; a TCP or UDP
// flow admitted by a rule for 0.0.0.0/0 (any ports), on an interface whose groups let all traffic out to
// 0.0.0.0/0, is untracked and stops at once. The page's own example: inbound TCP 80 from 0.0.0.0/0 plus the
// default all-outbound rule leaves port-80 flows untracked; SSH from one address stays tracked.
const INTERNET_HOSTS = '198.51.100.0/24';
const everything: SgRule = { protocol: 'all', ports: null, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: '' };

function scenario(
  web: (group: SecurityGroup) => void,
  more: (base: Design) => Design = (d) => d,
): { design: Design; groupId: string; index: number } {
  const base = more(TEMPLATES.find((t) => t.id === 'single-web-server')!.build());
  const group = structuredClone(
    Object.values(base.resources).find((r): r is SecurityGroup => r.kind === 'securityGroup' && r.name === 'web')!,
  );
  web(group);
  const instance = Object.values(base.resources).find((r) => r.kind === 'ec2Instance')!;
  const index = group.inbound.findIndex(
    (r) => r.protocol === 'all' || (r.ports !== null && r.ports.from <= 443 && r.ports.to >= 443),
  );
  const design: Design = {
    ...base,
    resources: { ...base.resources, [group.id]: group },
    flows: [
      {
        id: 'f',
        name: 'An HTTPS session',
        from: 'internet',
        to: instance.id,
        protocol: 'tcp',
        port: 443,
        ratePerSecond: 1,
        connection: 'persistent',
      },
    ],
    simulation: simulationSettings({
      changes: [{ at: 30, change: 'removeSecurityGroupRule', groupId: group.id, direction: 'inbound', index }],
    }),
  };
  return { design, groupId: group.id, index };
}

const delivered = (sim: Simulation) => sim.summary().flows[0]!.delivered;

describe('rule changes over time and connection tracking', () => {
  it('HTTPS from anywhere with all traffic out (the single web server template) is untracked: it stops at once', () => {
    const { design } = scenario(() => undefined);
    const sim = new Simulation(design);
    sim.runUntil(29);
    const before = delivered(sim);
    expect(before).toBeGreaterThan(0);
    sim.runUntil(31);
    const atChange = delivered(sim);
    sim.runUntil(60);
    expect(delivered(sim)).toBe(atChange);
    expect(sim.traffic.currentPaths().get('f')!.reachable).toBe(false);
  });

  it('HTTPS from a narrower source is tracked: removing the rule keeps the connection open; a new one is refused', () => {
    const { design } = scenario((group) => {
      for (const rule of group.inbound) rule.peer = { type: 'cidr', cidr: INTERNET_HOSTS };
    });
    const sim = new Simulation(design);
    sim.runUntil(29);
    const before = delivered(sim);
    expect(before).toBeGreaterThan(0);
    sim.runUntil(60);
    expect(delivered(sim)).toBe(before + 31);
    expect(sim.log.some((l) => l.text.startsWith('Scheduled change: removed inbound rule'))).toBe(true);
    expect(sim.traffic.currentPaths().get('f')!.keptOpenByTracking).toBe(true);
    // The same flow asked afresh (a new connection) is refused at the group.
    const fresh = new Simulation({ ...design, simulation: simulationSettings() });
    const edited = structuredClone(design);
    const group = Object.values(edited.resources).find(
      (r): r is SecurityGroup => r.kind === 'securityGroup' && r.name === 'web',
    )!;
    group.inbound = group.inbound.filter((r) => !(r.ports !== null && r.ports.from <= 443 && r.ports.to >= 443));
    fresh.syncDesign(edited);
    fresh.runUntil(10);
    expect(delivered(fresh)).toBe(0);
  });

  it('without a rule letting all traffic out, HTTPS from anywhere is tracked', () => {
    const { design } = scenario((group) => {
      group.outbound = [
        { protocol: 'tcp', ports: { from: 443, to: 443 }, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: '' },
      ];
    });
    const sim = new Simulation(design);
    sim.runUntil(29);
    const before = delivered(sim);
    sim.runUntil(60);
    expect(delivered(sim)).toBe(before + 31);
    expect(sim.traffic.currentPaths().get('f')!.keptOpenByTracking).toBe(true);
  });

  it('the all-outbound rule counts from any group on the interface, not only the one that admitted the flow', () => {
    const { design } = scenario(
      (group) => {
        group.outbound = [];
      },
      (base) => {
        const instance = Object.values(base.resources).find((r) => r.kind === 'ec2Instance')!;
        const web = Object.values(base.resources).find(
          (r): r is SecurityGroup => r.kind === 'securityGroup' && r.name === 'web',
        )!;
        const egress: SecurityGroup = {
          ...web,
          id: 'sg-egress' as SecurityGroup['id'],
          name: 'egress',
          inbound: [],
          outbound: [everything],
        };
        if (instance.kind !== 'ec2Instance') throw new Error('no instance');
        return {
          ...base,
          resources: {
            ...base.resources,
            [egress.id]: egress,
            [instance.id]: { ...instance, securityGroupIds: [...instance.securityGroupIds, egress.id] },
          },
        };
      },
    );
    const sim = new Simulation(design);
    sim.runUntil(29);
    expect(delivered(sim)).toBeGreaterThan(0);
    sim.runUntil(31);
    const atChange = delivered(sim);
    sim.runUntil(60);
    expect(delivered(sim)).toBe(atChange);
  });

  it('a flow allowed by all traffic from anywhere, both ways, is untracked and stops at once', () => {
    const { design } = scenario((group) => {
      group.inbound = [everything];
      group.outbound = [everything];
    });
    const sim = new Simulation(design);
    sim.runUntil(29);
    const before = delivered(sim);
    expect(before).toBeGreaterThan(0);
    sim.runUntil(31);
    const atChange = delivered(sim);
    expect(atChange).toBeLessThanOrEqual(before + 1);
    sim.runUntil(60);
    expect(delivered(sim)).toBe(atChange);
    expect(sim.traffic.currentPaths().get('f')!.reachable).toBe(false);
  });

  it('a scheduled change that names nothing is logged, not made', () => {
    const { design, groupId } = scenario(() => undefined);
    const bad = {
      ...design,
      simulation: simulationSettings({
        changes: [
          { at: 5, change: 'removeSecurityGroupRule' as const, groupId, direction: 'inbound' as const, index: 99 },
        ],
      }),
    };
    const sim = new Simulation(bad);
    sim.runUntil(10);
    expect(sim.log.some((l) => l.level === 'error' && l.text.includes('has no inbound rule 100'))).toBe(true);
  });
});

describe('flows whose every request is a new connection', () => {
  it('are refused as soon as the rule goes, tracked or not', () => {
    const { design } = scenario(() => undefined);
    const perRequest = { ...design, flows: design.flows!.map((f) => ({ ...f, connection: 'perRequest' as const })) };
    const sim = new Simulation(perRequest);
    sim.runUntil(31);
    const atChange = delivered(sim);
    sim.runUntil(60);
    expect(delivered(sim)).toBe(atChange);
  });
});
