/**
 * Where an animated packet is, from the steps of its flow's path. Pure, so it
 * is tested without a browser and costs a few arithmetic operations per packet
 * per frame (hundreds of packets stay well inside a frame).
 */
export interface Point {
  x: number;
  y: number;
}

/** Security groups and ACLs deny, routes and gateways drop: either way the packet ends at that step. */
export const endsPacket = (decision: string): boolean => decision === 'drop' || decision === 'deny';

export interface StepPlace {
  /** Centre of the node the packet is at for this step; null when the step has nothing drawn. */
  at: Point | null;
  /** The node `at` is drawn on, so a leg between two nodes can follow the edge that joins them. */
  node?: string;
  direction: 'forward' | 'return';
  dropped: boolean;
}

export interface MotionPath {
  points: Point[];
  /** The node each point is drawn on (undefined when the step named none). */
  nodes: (string | undefined)[];
  /**
   * The bends between `points[i]` and `points[i + 1]`: the routed edge joining their nodes, or
   * nothing (a straight move, as across a subnet's edge into a card). Absent until `alongEdges`.
   */
  via?: Point[][];
  /** Index in `points` of the first point travelled on the way back; `points.length` when there is none. */
  returnFrom: number;
  /** True when the last point is where the packet was dropped. */
  dropped: boolean;
}

/** Collapses the steps to the places a packet visibly moves through (a node holding several steps is one place). */
export function motionPath(steps: readonly StepPlace[]): MotionPath {
  const points: Point[] = [];
  const nodes: (string | undefined)[] = [];
  let returnFrom = -1;
  let dropped = false;
  for (const step of steps) {
    if (step.at) {
      const last = points[points.length - 1];
      const moved = !last || last.x !== step.at.x || last.y !== step.at.y;
      if (step.direction === 'return' && returnFrom < 0) {
        // The turn-around point is drawn twice so the return leg starts where the forward one ended.
        if (!moved && last) {
          points.push(last);
          nodes.push(nodes[nodes.length - 1]);
        }
        returnFrom = points.length - (moved ? 0 : 1);
      }
      if (moved) {
        points.push(step.at);
        nodes.push(step.node);
      }
    }
    if (step.dropped) {
      dropped = true;
      break;
    }
  }
  return { points, nodes, returnFrom: returnFrom < 0 ? points.length : returnFrom, dropped };
}

/** A drawn edge's route between two nodes, as `findRoute` answers it: its points from `source` to `target`. */
export interface EdgeRoute {
  source: string;
  target: string;
  points: readonly Point[];
}

/**
 * Index of routed edges by the pair of nodes they join (either way round), for `alongEdges`. When
 * two edges join the same pair (two routes to one gateway), the first is taken: they run side by side.
 */
export function routeFinder(routes: Iterable<EdgeRoute>): (from: string, to: string) => Point[] | null {
  const byPair = new Map<string, readonly Point[]>();
  for (const route of routes) {
    if (route.points.length < 2) continue;
    const forward = `${route.source}\n${route.target}`;
    const backward = `${route.target}\n${route.source}`;
    if (!byPair.has(forward)) byPair.set(forward, route.points);
    if (!byPair.has(backward)) byPair.set(backward, [...route.points].reverse());
  }
  return (from, to) => {
    const points = byPair.get(`${from}\n${to}`);
    return points ? [...points] : null;
  };
}

/**
 * The path with each leg between two different nodes laid along the routed edge that joins them:
 * from the first node's place to the edge's start on its border, along the edge's bends, then to the
 * second node's place. Those first and last moves stay inside the two nodes' own boxes, so the
 * packet crosses no box it doesn't visit where an edge exists. A leg with no edge stays straight.
 */
export function alongEdges(path: MotionPath, findRoute: (from: string, to: string) => Point[] | null): MotionPath {
  const via = path.points.slice(1).map((_, i) => {
    const from = path.nodes[i];
    const to = path.nodes[i + 1];
    if (!from || !to || from === to) return [];
    return findRoute(from, to) ?? [];
  });
  return { ...path, via };
}

/** The polyline a packet follows on leg `index`: its two places and the bends between them. */
export function legPolyline(path: MotionPath, index: number): Point[] {
  return [path.points[index]!, ...(path.via?.[index] ?? []), path.points[index + 1]!];
}

/** The point a fraction `t` (0..1) of the way along `line` by length; its first point for a line of no length. */
export function alongPolyline(line: readonly Point[], t: number): Point {
  const lengths = line.slice(1).map((b, i) => Math.hypot(b.x - line[i]!.x, b.y - line[i]!.y));
  const total = lengths.reduce((sum, length) => sum + length, 0);
  if (total === 0) return line[0]!;
  let left = Math.min(1, Math.max(0, t)) * total;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!;
    if (left <= length && length > 0) {
      const a = line[i]!;
      const b = line[i + 1]!;
      return { x: a.x + ((b.x - a.x) * left) / length, y: a.y + ((b.y - a.y) * left) / length };
    }
    left -= length;
  }
  return line[line.length - 1]!;
}

export interface PacketPlace {
  point: Point;
  returning: boolean;
  /** Arrived at its end: delivered back to the client, or stopped where it was dropped. */
  finished: boolean;
}

/** The packet's place after `legs` legs of travel (1 leg = one move between two places). */
export function placeAt(path: MotionPath, legs: number): PacketPlace | null {
  const { points } = path;
  if (points.length === 0) return null;
  const last = points.length - 1;
  if (legs >= last) return { point: points[last]!, returning: path.returnFrom <= last, finished: true };
  const clamped = Math.max(0, legs);
  const index = Math.floor(clamped);
  const t = clamped - index;
  return {
    point: alongPolyline(legPolyline(path, index), t),
    returning: index + 1 > path.returnFrom,
    finished: false,
  };
}

/** Where a step is drawn: on a node's middle, or on its top edge (where the packet crosses into it); null for nothing. */
export interface StepAnchor {
  id: string;
  edge: boolean;
}

/**
 * Where each step of a path is drawn, given each step's node and that node's
 * kind. Rules act where they apply, so a packet never detours to the rule
 * boxes: a security group's step sits on the edge of the card it guards (the
 * step before or after it that is a card, preferring the one before, where
 * an outbound check happens), a network ACL's step on its subnet's edge (the
 * path already names the subnet), and a route table's step is not drawn (the
 * route is the edge the packet travels along).
 */
export function stepAnchors(steps: ReadonlyArray<{ id: string | null; kind: string | null }>): (StepAnchor | null)[] {
  const RULES = new Set(['securityGroup', 'routeTable', 'networkAcl']);
  const card = (i: number) => {
    const step = steps[i];
    return step?.id && step.kind && !RULES.has(step.kind) && step.kind !== 'subnet' ? step.id : null;
  };
  return steps.map((step, i) => {
    if (!step.id || !step.kind) return null;
    if (step.kind === 'routeTable') return null;
    if (step.kind === 'subnet') return { id: step.id, edge: true };
    if (step.kind === 'securityGroup') {
      const guarded = card(i - 1) ?? card(i + 1);
      return guarded ? { id: guarded, edge: true } : { id: step.id, edge: false };
    }
    return { id: step.id, edge: false };
  });
}
