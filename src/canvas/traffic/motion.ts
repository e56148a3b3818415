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
  direction: 'forward' | 'return';
  dropped: boolean;
}

export interface MotionPath {
  points: Point[];
  /** Index in `points` of the first point travelled on the way back; `points.length` when there is none. */
  returnFrom: number;
  /** True when the last point is where the packet was dropped. */
  dropped: boolean;
}

/** Collapses the steps to the places a packet visibly moves through (a node holding several steps is one place). */
export function motionPath(steps: readonly StepPlace[]): MotionPath {
  const points: Point[] = [];
  let returnFrom = -1;
  let dropped = false;
  for (const step of steps) {
    if (step.at) {
      const last = points[points.length - 1];
      const moved = !last || last.x !== step.at.x || last.y !== step.at.y;
      if (step.direction === 'return' && returnFrom < 0) {
        // The turn-around point is drawn twice so the return leg starts where the forward one ended.
        if (!moved && last) points.push(last);
        returnFrom = points.length - (moved ? 0 : 1);
      }
      if (moved) points.push(step.at);
    }
    if (step.dropped) {
      dropped = true;
      break;
    }
  }
  return { points, returnFrom: returnFrom < 0 ? points.length : returnFrom, dropped };
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
  const a = points[index]!;
  const b = points[index + 1]!;
  return {
    point: { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t },
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
