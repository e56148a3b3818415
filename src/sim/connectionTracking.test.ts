import { describe, expect, it } from 'vitest';
import { simulationSettings, type Design, type SecurityGroup, type SgRule } from '../domain';
import { TEMPLATES } from '../scenarios/templates';
import { Simulation } from './simulation';

// Amazon EC2 User Guide, "Security group connection tracking": removing a rule does not interrupt tracked
// connections; a flow allowed by all traffic from anywhere, both ways, is untracked and stops at once.
function scenario(web: (group: SecurityGroup) => void): { design: Design; groupId: string; index: number } {
  const base = TEMPLATES.find((t) => t.id === 'single-web-server')!.build();
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
  it('removing the HTTPS rule keeps the tracked connection open; a new connection is refused', () => {
    const { design } = scenario(() => undefined);
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

  it('a flow allowed by all traffic from anywhere, both ways, is untracked and stops at once', () => {
    const everything: SgRule = {
      protocol: 'all',
      ports: null,
      peer: { type: 'cidr', cidr: '0.0.0.0/0' },
      description: '',
    };
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
