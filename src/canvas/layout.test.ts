import { describe, expect, it } from 'vitest';
import { sampleDesign } from '../engine/testing/sampleDesign';
import { computeLayout, HEADER, type Box } from './layout';

const overlapping = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('computeLayout', () => {
  const design = sampleDesign();
  const boxes = computeLayout(design);

  it('places every resource', () => {
    expect([...boxes.keys()].sort()).toEqual(Object.keys(design.resources).sort());
  });

  it('nests instances in their subnet and keeps children inside their container, below its title', () => {
    expect(boxes.get('i-1')?.parentId).toBe('subnet-1');
    for (const [, box] of boxes) {
      if (!box.parentId) continue;
      const parent = boxes.get(box.parentId)!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(HEADER);
      expect(box.x + box.width).toBeLessThanOrEqual(parent.width);
      expect(box.y + box.height).toBeLessThanOrEqual(parent.height);
    }
  });

  it('never overlaps siblings', () => {
    const all = [...boxes.entries()];
    for (const [idA, a] of all) {
      for (const [idB, b] of all) {
        if (idA < idB && a.parentId === b.parentId) expect(overlapping(a, b), `${idA} overlaps ${idB}`).toBe(false);
      }
    }
  });

  it('keeps a stored position and grows the container to fit it', () => {
    const moved = { ...design, layout: { ...design.layout, 'i-1': { x: 600, y: 300, parentId: 'subnet-1' as never } } };
    const again = computeLayout(moved);
    expect(again.get('i-1')).toMatchObject({ x: 600, y: 300 });
    expect(again.get('subnet-1')!.width).toBeGreaterThanOrEqual(600 + 200);
  });
});
