/**
 * Orthogonal edge routing around nodes, with libavoid (libavoid-js, the
 * Adaptagrams connector router compiled to WebAssembly): node positions stay
 * exactly where they are; only the edges' paths are computed.
 *
 * Containers complicate "avoid every node": an edge from a route table to an
 * internet gateway runs inside their VPC, so the VPC cannot be an obstacle for
 * it, but a subnet neither end is in must be. So edges are grouped by the
 * containers their two ends sit in (their ancestors); each group gets one
 * router whose obstacles are the outermost boxes that are not those ancestors:
 * the children of an ancestor (or of the canvas) that are not ancestors
 * themselves. A box inside an obstacle is covered by it, so it needs no shape.
 */

export interface Point {
  x: number;
  y: number;
}

/** A node's box in absolute flow coordinates. */
export interface RouteBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  parentId: string | null;
}

export interface RouteRequest {
  boxes: readonly RouteBox[];
  edges: readonly { id: string; source: string; target: string; label?: string }[];
}

export interface RoutedEdge {
  points: Point[];
  /** Centre of the label's box, clear of nodes the edge doesn't belong to where the path allows it. */
  label: Point | null;
}

/** Space kept between an edge and the boxes it passes (flow px): under half the 20 px gap between cards, or a card in a row of them is walled in. */
export const CLEARANCE = 8;
/** How far apart parallel edges sharing a channel are pushed. */
const NUDGE = 4;

/**
 * The parts of libavoid's generated API this adapter uses. Its objects are
 * handles into WebAssembly memory: opaque here except for the few methods called.
 */
type AvoidHandle = { readonly __avoidHandle?: never };
interface AvoidRouter extends AvoidHandle {
  setRoutingParameter(parameter: number, value: number): void;
  setRoutingOption(option: number, value: boolean): void;
  processTransaction(): void;
}
interface AvoidPolyline {
  size(): number;
  get_ps(index: number): { x: number; y: number };
}
interface AvoidConnector extends AvoidHandle {
  displayRoute(): AvoidPolyline;
}
export interface Avoid {
  Router: new (flags: number) => AvoidRouter;
  Point: new (x: number, y: number) => AvoidHandle;
  Rectangle: new (topLeft: AvoidHandle, bottomRight: AvoidHandle) => AvoidHandle;
  ShapeRef: new (router: AvoidRouter, polygon: AvoidHandle) => AvoidHandle;
  ShapeConnectionPin: new (
    shape: AvoidHandle,
    classId: number,
    x: number,
    y: number,
    proportional: boolean,
    insideOffset: number,
    directions: number,
  ) => AvoidHandle;
  ConnEnd: new (shape: AvoidHandle, classId: number) => AvoidHandle;
  ConnRef: new (router: AvoidRouter, source: AvoidHandle, target: AvoidHandle) => AvoidConnector;
  destroy(object: AvoidHandle): void;
  OrthogonalRouting: number;
  ConnDirUp: number;
  ConnDirDown: number;
  ConnDirLeft: number;
  ConnDirRight: number;
  shapeBufferDistance: number;
  idealNudgingDistance: number;
  nudgeOrthogonalSegmentsConnectedToShapes: number;
}

const PIN = 1;

/** The ids of `id`'s containers, innermost first. */
function ancestorsOf(byId: ReadonlyMap<string, RouteBox>, id: string): string[] {
  const out: string[] = [];
  for (let p = byId.get(id)?.parentId ?? null; p && out.length < 20; p = byId.get(p)?.parentId ?? null) out.push(p);
  return out;
}

/** Routes every edge of `request`; an edge whose ends are missing, or one end inside the other, is left out. */
export function routeEdges(avoid: Avoid, request: RouteRequest): Map<string, RoutedEdge> {
  const byId = new Map(request.boxes.map((b) => [b.id, b]));
  const children = new Map<string | null, RouteBox[]>();
  for (const box of request.boxes) {
    const parent = box.parentId && byId.has(box.parentId) ? box.parentId : null;
    const list = children.get(parent);
    if (list) list.push(box);
    else children.set(parent, [box]);
  }
  // Edges grouped by the containers around their ends.
  const groups = new Map<string, { ancestors: Set<string>; edges: RouteRequest['edges'][number][] }>();
  for (const edge of request.edges) {
    if (!byId.has(edge.source) || !byId.has(edge.target) || edge.source === edge.target) continue;
    const ancestors = new Set([...ancestorsOf(byId, edge.source), ...ancestorsOf(byId, edge.target)]);
    if (ancestors.has(edge.source) || ancestors.has(edge.target)) continue;
    const key = [...ancestors].sort().join(' ');
    const group = groups.get(key);
    if (group) group.edges.push(edge);
    else groups.set(key, { ancestors, edges: [edge] });
  }
  const routed = new Map<string, RoutedEdge>();
  for (const { ancestors, edges } of groups.values()) {
    const obstacles = [null, ...ancestors].flatMap((parent) =>
      (children.get(parent) ?? []).filter((box) => !ancestors.has(box.id)),
    );
    const router = new avoid.Router(avoid.OrthogonalRouting);
    router.setRoutingParameter(avoid.shapeBufferDistance, CLEARANCE);
    router.setRoutingParameter(avoid.idealNudgingDistance, NUDGE);
    router.setRoutingOption(avoid.nudgeOrthogonalSegmentsConnectedToShapes, true);
    const shapes = new Map<string, AvoidHandle>();
    for (const box of obstacles) {
      const shape = new avoid.ShapeRef(
        router,
        new avoid.Rectangle(new avoid.Point(box.x, box.y), new avoid.Point(box.x + box.width, box.y + box.height)),
      );
      shapes.set(box.id, shape);
    }
    const pinned = new Set<string>();
    const pin = (id: string) => {
      if (pinned.has(id)) return;
      pinned.add(id);
      const shape = shapes.get(id)!;
      // Each side's middle, leaving outwards: the router picks the side that gives the shortest, least bent path.
      for (const [x, y, direction] of [
        [0.5, 0, avoid.ConnDirUp],
        [0.5, 1, avoid.ConnDirDown],
        [0, 0.5, avoid.ConnDirLeft],
        [1, 0.5, avoid.ConnDirRight],
      ] as const)
        new avoid.ShapeConnectionPin(shape, PIN, x, y, true, 0, direction);
    };
    const connectors = edges.map((edge) => {
      pin(edge.source);
      pin(edge.target);
      return {
        edge,
        connector: new avoid.ConnRef(
          router,
          new avoid.ConnEnd(shapes.get(edge.source)!, PIN),
          new avoid.ConnEnd(shapes.get(edge.target)!, PIN),
        ),
      };
    });
    router.processTransaction();
    const clearOf = [...obstacles];
    for (const { edge, connector } of connectors) {
      const route = connector.displayRoute();
      const points: Point[] = [];
      for (let i = 0; i < route.size(); i++) {
        const p = route.get_ps(i);
        points.push({ x: p.x, y: p.y });
      }
      const others = clearOf.filter((box) => box.id !== edge.source && box.id !== edge.target);
      const ends = [byId.get(edge.source)!, byId.get(edge.target)!];
      routed.set(edge.id, {
        points: simplify(points),
        label: edge.label ? placeLabel(simplify(points), labelSize(edge.label), others, ends) : null,
      });
    }
    avoid.destroy(router);
  }
  return routed;
}

/** Drops repeated points and middle points of straight runs. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (before && last && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y)))
      out.pop();
    out.push(p);
  }
  return out;
}

/** The label's box as the canvas draws it: 10 px monospace (about 6.1 px a character) with 4 px padding. */
export function labelSize(text: string): { width: number; height: number } {
  return { width: text.length * 6.1 + 10, height: 16 };
}

const overlap = (a: Omit<RouteBox, 'id' | 'parentId'>, b: Omit<RouteBox, 'id' | 'parentId'>) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Where a label of `size` goes on the path: the first spot, trying each
 * segment from the middle outwards (longest segments first), whose box
 * overlaps none of `others` and, if possible, neither end. Null for an empty
 * path; the middle of the longest segment when nothing is clear.
 */
export function placeLabel(
  points: readonly Point[],
  size: { width: number; height: number },
  others: readonly Omit<RouteBox, 'id' | 'parentId'>[],
  ends: readonly Omit<RouteBox, 'id' | 'parentId'>[] = [],
): Point | null {
  if (points.length < 2) return points[0] ?? null;
  const segments = points
    .slice(1)
    .map((b, i) => ({ a: points[i]!, b, length: Math.abs(b.x - points[i]!.x) + Math.abs(b.y - points[i]!.y) }))
    .sort((s, t) => t.length - s.length);
  const spots = [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9];
  const boxAt = (p: Point) => ({ x: p.x - size.width / 2, y: p.y - size.height / 2, ...size });
  for (const avoidEnds of [true, false]) {
    for (const { a, b } of segments)
      for (const t of spots) {
        const p = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
        const box = boxAt(p);
        if (others.some((o) => overlap(o, box))) continue;
        if (avoidEnds && ends.some((o) => overlap(o, box))) continue;
        return p;
      }
  }
  const { a, b } = segments[0]!;
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
