import { describe, expect, it } from 'vitest';
import {
  alongEdges,
  alongPolyline,
  endsPacket,
  legPolyline,
  motionPath,
  placeAt,
  routeFinder,
  stepAnchors,
  type Point,
  type StepPlace,
} from './motion';

const p = (x: number, y = 0) => ({ x, y });
const step = (at: number | null, direction: 'forward' | 'return' = 'forward', dropped = false): StepPlace => ({
  at: at === null ? null : p(at),
  direction,
  dropped,
});

describe('packet motion', () => {
  it('merges steps at the same node and starts the return leg where the forward one ended', () => {
    const path = motionPath([
      step(0),
      step(10),
      step(10),
      step(20),
      step(20, 'return'),
      step(10, 'return'),
      step(null, 'return'),
      step(0, 'return'),
    ]);
    expect(path.points.map((q) => q.x)).toEqual([0, 10, 20, 20, 10, 0]);
    expect(path.returnFrom).toBe(3);
    expect(path.dropped).toBe(false);
  });

  it('ends a dropped packet at the node that dropped it', () => {
    const path = motionPath([step(0), step(10), step(20, 'forward', true), step(30), step(20, 'return')]);
    expect(path.points.map((q) => q.x)).toEqual([0, 10, 20]);
    expect(path.dropped).toBe(true);
  });

  it('ends a packet at a security group or ACL deny as at a route drop', () => {
    expect(['drop', 'deny', 'allow', 'forward'].map(endsPacket)).toEqual([true, true, false, false]);
  });

  it('moves along the legs and says when it is on the way back or done', () => {
    const path = motionPath([step(0), step(10), step(10, 'return'), step(0, 'return')]);
    expect(placeAt(path, 0.5)).toEqual({ point: p(5), returning: false, finished: false });
    expect(placeAt(path, 2.5)).toMatchObject({ point: p(5), returning: true });
    expect(placeAt(path, 9)).toMatchObject({ point: p(0), finished: true });
    expect(placeAt(motionPath([]), 1)).toBeNull();
  });
});

/** Distance from `q` to the segment a–b. */
function toSegment(q: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((q.x - a.x) * dx + (q.y - a.y) * dy) / length));
  return Math.hypot(q.x - (a.x + dx * t), q.y - (a.y + dy * t));
}
const toLine = (q: Point, line: readonly Point[]) =>
  Math.min(...line.slice(1).map((b, i) => toSegment(q, line[i]!, b)));

describe('packets along routed edges', () => {
  // An internet gateway at (100, 0) whose edge to the internet at (0, 0) bends around a box between them.
  const at = (x: number, y: number, node: string, direction: 'forward' | 'return' = 'forward'): StepPlace => ({
    at: { x, y },
    node,
    direction,
    dropped: false,
  });
  const edge = { source: 'internet', target: 'igw', points: [p(10, 0), p(10, -50), p(90, -50), p(90, 0)] };
  const path = alongEdges(
    motionPath([
      at(0, 0, 'internet'),
      at(100, 0, 'igw'),
      at(100, 80, 'web'),
      at(100, 80, 'web', 'return'),
      at(100, 0, 'igw', 'return'),
      at(0, 0, 'internet', 'return'),
    ]),
    routeFinder([edge]),
  );

  it('lays a leg between two joined nodes along their edge, either way round, and leaves other legs straight', () => {
    expect(legPolyline(path, 0)).toEqual([p(0), p(10), p(10, -50), p(90, -50), p(90), p(100)]);
    expect(legPolyline(path, 1)).toEqual([p(100), p(100, 80)]);
    expect(legPolyline(path, 3)).toEqual([p(100, 80), p(100)]);
    expect(legPolyline(path, 4)).toEqual([p(100), p(90), p(90, -50), p(10, -50), p(10), p(0)]);
  });

  it('keeps every sampled position of a packet on the polyline of the leg it travels', () => {
    for (let legs = 0; legs < path.points.length - 1; legs += 0.05) {
      const place = placeAt(path, legs)!;
      expect(toLine(place.point, legPolyline(path, Math.floor(legs)))).toBeLessThan(1e-9);
    }
    // Halfway through the first leg (length 10 + 50 + 80 + 50 + 10 = 200) is the middle of the top run.
    expect(placeAt(path, 0.5)!.point).toEqual(p(50, -50));
    // Never through the straight line between the two, which crosses the box under the edge.
    expect(placeAt(path, 0.5)!.point.y).not.toBe(0);
  });

  it('walks a polyline by length and clamps at its ends', () => {
    const line = [p(0), p(30), p(30, 10)];
    expect(alongPolyline(line, 0.75)).toEqual(p(30, 0));
    expect(alongPolyline(line, 0.875)).toEqual(p(30, 5));
    expect(alongPolyline(line, 2)).toEqual(p(30, 10));
    expect(alongPolyline([p(4), p(4)], 0.5)).toEqual(p(4));
  });

  it('without routes every leg is the straight move it was', () => {
    const straight = alongEdges(motionPath([at(0, 0, 'internet'), at(100, 0, 'igw')]), routeFinder([]));
    expect(legPolyline(straight, 0)).toEqual([p(0), p(100)]);
    expect(placeAt(straight, 0.25)!.point).toEqual(p(25));
  });
});

describe('stepAnchors', () => {
  it('draws a security group on the card it guards, an ACL on its subnet edge, and no route table step', () => {
    const anchors = stepAnchors([
      { id: 'web', kind: 'ec2Instance' },
      { id: 'sg-web', kind: 'securityGroup' },
      { id: 'subnet-a', kind: 'subnet' },
      { id: 'rtb', kind: 'routeTable' },
      { id: 'igw', kind: 'internetGateway' },
    ]);
    expect(anchors).toEqual([
      { id: 'web', edge: false },
      { id: 'web', edge: true },
      { id: 'subnet-a', edge: true },
      null,
      { id: 'igw', edge: false },
    ]);
  });

  it('puts an inbound group check on the card after it when the step before is not a card', () => {
    const anchors = stepAnchors([
      { id: 'subnet-a', kind: 'subnet' },
      { id: 'sg-db', kind: 'securityGroup' },
      { id: 'db', kind: 'dbInstance' },
    ]);
    expect(anchors[1]).toEqual({ id: 'db', edge: true });
  });
});
