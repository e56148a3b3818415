import { describe, expect, it } from 'vitest';
import { endsPacket, motionPath, placeAt, stepAnchors, type StepPlace } from './motion';

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
