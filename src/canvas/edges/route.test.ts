import { AvoidLib } from 'libavoid-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeLabel, routeEdges, simplify, type Avoid, type Point, type RouteBox } from './route';

let avoid: Avoid;
beforeAll(async () => {
  await AvoidLib.load();
  avoid = AvoidLib.getInstance() as unknown as Avoid;
});

/** Whether the axis-parallel segment a→b passes through the inside of `box`. */
function crosses(a: Point, b: Point, box: RouteBox): boolean {
  const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x1 < box.x + box.width && x2 > box.x && y1 < box.y + box.height && y2 > box.y;
}
const segmentsOf = (points: Point[]) => points.slice(1).map((b, i) => [points[i]!, b] as const);

const box = (id: string, x: number, y: number, width: number, height: number, parentId: string | null = null) => ({
  id,
  x,
  y,
  width,
  height,
  parentId,
});

describe('routeEdges', () => {
  it('goes around a card that stands between the two ends, in right angles', () => {
    const boxes = [box('a', 0, 0, 100, 50), box('wall', 200, -60, 100, 170), box('b', 400, 0, 100, 50)];
    const routes = routeEdges(avoid, { boxes, edges: [{ id: 'e', source: 'a', target: 'b', label: '0.0.0.0/0' }] });
    const { points, label } = routes.get('e')!;
    expect(points.length).toBeGreaterThan(2);
    for (const [p, q] of segmentsOf(points)) {
      expect(p.x === q.x || p.y === q.y).toBe(true);
      expect(crosses(p, q, boxes[1]!)).toBe(false);
    }
    expect(label).not.toBeNull();
  });

  it('passes through the containers its ends are in, but not a subnet neither end is in', () => {
    const boxes = [
      box('vpc', 0, 0, 800, 600),
      box('igw', 350, 20, 100, 50, 'vpc'),
      // A subnet right under the gateway, holding an instance; the table is below it.
      box('subnet', 200, 120, 400, 300, 'vpc'),
      box('web', 220, 180, 200, 60, 'subnet'),
      box('table', 350, 500, 100, 50, 'vpc'),
    ];
    const routes = routeEdges(avoid, { boxes, edges: [{ id: 'r', source: 'table', target: 'igw' }] });
    const { points } = routes.get('r')!;
    for (const [p, q] of segmentsOf(points)) {
      expect(crosses(p, q, boxes[2]!)).toBe(false);
      expect(crosses(p, q, boxes[3]!)).toBe(false);
    }
  });

  it('leaves out an edge whose end is inside the other end', () => {
    const boxes = [box('vpc', 0, 0, 500, 500), box('x', 20, 60, 100, 50, 'vpc')];
    expect(routeEdges(avoid, { boxes, edges: [{ id: 'e', source: 'vpc', target: 'x' }] }).size).toBe(0);
  });
});

describe('simplify', () => {
  it('drops repeated points and the middle of straight runs', () => {
    expect(
      simplify([
        { x: 0, y: 0 },
        { x: 0, y: 0 },
        { x: 5, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 8 },
      ]),
    ).toEqual([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 8 },
    ]);
  });
});

describe('placeLabel', () => {
  it('moves the label along the path off a box that sits at the middle', () => {
    const path = [
      { x: 0, y: 0 },
      { x: 400, y: 0 },
    ];
    const p = placeLabel(path, { width: 60, height: 16 }, [box('card', 160, -20, 80, 40)])!;
    expect(p.y).toBe(0);
    expect(p.x + 30 <= 160 || p.x - 30 >= 240).toBe(true);
  });
});
