import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../domain';
import { NetworkBuilder, type TestVpc } from '../testing/networks';
import { analyzeReachability } from './reachability';

/**
 * Peering is not transitive and adds nothing by being removed: over random
 * sets of peerings between four VPCs, some with a NAT gateway and internet
 * gateway a peer must not use (no edge-to-edge routing), with random routes
 * (including routes that try to send a third VPC's range through a peer), a path exists only
 * between VPCs peered directly; adding a VPC peered to one side never joins
 * two VPCs that were not joined; removing a peering never adds a path.
 */
const PAIRS = [
  [0, 1],
  [0, 2],
  [0, 3],
  [1, 2],
  [1, 3],
  [2, 3],
] as const;

interface Topology {
  peered: boolean[];
  /** Which VPCs have a public subnet with an internet gateway and a NAT gateway their main table sends 0.0.0.0/0 to. */
  nat: boolean[];
  /** For each VPC and each other VPC, which of its peerings (by pair index) the route to that VPC's CIDR uses, if any. */
  routes: (number | null)[][];
}

const topology: fc.Arbitrary<Topology> = fc.record({
  peered: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  nat: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  routes: fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), { minLength: 4, maxLength: 4 }), {
    minLength: 4,
    maxLength: 4,
  }),
});

function build(t: Topology, options: { extraPeerOf?: number; without?: number } = {}) {
  const n = new NetworkBuilder(['us-east-1a']);
  const vpcs: TestVpc[] = [0, 1, 2, 3].map((i) => n.vpc(`V${i}`, i + 1));
  vpcs.forEach((v, i) => {
    // Edge-to-edge bait: a peer must not get through this VPC's NAT gateway or internet gateway.
    if (t.nat[i]) n.natGateway(v, `10.${i + 1}.200.0/24`);
  });
  const pcx = PAIRS.map(([a, b], i) =>
    t.peered[i] && options.without !== i ? n.peer(vpcs[a]!, vpcs[b]!, { routes: false }) : null,
  );
  vpcs.forEach((v, i) =>
    t.routes[i]!.forEach((via, j) => {
      if (via === null || j === i) return;
      const [a, b] = PAIRS[via]!;
      // Only a peering of this VPC can be a target in its table (or the one removed, left as a blackhole).
      if (a !== i && b !== i) return;
      const id = pcx[via]?.id ?? `pcx-removed-${via}`;
      n.b.route(v.table, vpcs[j]!.vpc.vpc.cidr, id);
    }),
  );
  if (options.extraPeerOf !== undefined) {
    // A new VPC peered to one of them, routing everything private to it, and that VPC routing every other range to it.
    const extra = n.vpc('E', 9);
    n.natGateway(extra, '10.9.200.0/24');
    const side = vpcs[options.extraPeerOf]!;
    const link = n.peer(side, extra);
    n.b.route(extra.table, '10.0.0.0/8', link.id);
    for (const [j, v] of vpcs.entries())
      if (j !== options.extraPeerOf && !side.table.routes.some((r) => r.destination === v.vpc.vpc.cidr))
        n.b.route(side.table, v.vpc.vpc.cidr, link.id);
  }
  return { design: n.build(), vpcs };
}

function reachable(design: Design, vpcs: TestVpc[]): boolean[][] {
  return vpcs.map((a) =>
    vpcs.map((b) => {
      if (a === b) return true;
      const r = analyzeReachability(design, {
        from: { kind: 'resource', id: a.instance.id },
        to: { kind: 'resource', id: b.instance.id },
        protocol: 'tcp',
        port: 22,
      });
      return r.ok && r.result.reachable;
    }),
  );
}

const peeredPair = (t: Topology, i: number, j: number) =>
  PAIRS.some(([a, b], k) => t.peered[k] && ((a === i && b === j) || (a === j && b === i)));

describe('VPC peering properties', () => {
  it('(the generator can join VPCs: a full mesh with direct routes joins every pair)', () => {
    const direct = [0, 1, 2, 3].map((i) =>
      [0, 1, 2, 3].map((j) =>
        i === j ? null : PAIRS.findIndex(([a, b]) => (a === i && b === j) || (a === j && b === i)),
      ),
    );
    const { design, vpcs } = build({ peered: PAIRS.map(() => true), nat: [true, false, true, false], routes: direct });
    expect(reachable(design, vpcs).flat().every(Boolean)).toBe(true);
  });

  it('a path exists only between two VPCs peered directly (no transitive routing)', () => {
    fc.assert(
      fc.property(topology, (t) => {
        const { design, vpcs } = build(t);
        const paths = reachable(design, vpcs);
        for (let i = 0; i < 4; i++)
          for (let j = 0; j < 4; j++) if (i !== j && paths[i]![j]) expect(peeredPair(t, i, j)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('adding a VPC peered to one side never creates a path between two VPCs that were not connected', () => {
    fc.assert(
      fc.property(topology, fc.integer({ min: 0, max: 3 }), (t, side) => {
        const first = build(t);
        const before = reachable(first.design, first.vpcs);
        const after = build(t, { extraPeerOf: side });
        const now = reachable(after.design, after.vpcs);
        for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (now[i]![j]) expect(before[i]![j]).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('removing a peering never adds a path', () => {
    fc.assert(
      fc.property(topology, fc.integer({ min: 0, max: 5 }), (t, removed) => {
        const before = build(t);
        const after = build(t, { without: removed });
        const was = reachable(before.design, before.vpcs);
        const now = reachable(after.design, after.vpcs);
        for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (now[i]![j]) expect(was[i]![j]).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
