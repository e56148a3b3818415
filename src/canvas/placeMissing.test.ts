import { describe, expect, it } from 'vitest';
import { idSourceFor, resourcesOfKind, type Design } from '../domain';
import { addResource, duplicateResources } from '../engine';
import { LESSONS } from '../scenarios/learn/lessons';
import { TEMPLATES } from '../scenarios/templates';
import {
  computeLayout,
  dropPosition,
  GAP,
  headerHeight,
  LEAF,
  newItemSize,
  PAD,
  placeBeside,
  placeMissing,
  type Box,
} from './layout';

const opened = (design: Design) => placeMissing(design);

/** Every box but those of `except` (the new item and the containers that hold it, which may grow). */
function othersOf(boxes: Map<string, Box>, except: ReadonlySet<string>): Record<string, Box> {
  return Object.fromEntries([...boxes].filter(([id]) => !except.has(id)));
}

function ancestors(boxes: Map<string, Box>, id: string): string[] {
  const out: string[] = [];
  for (let p = boxes.get(id)?.parentId; p; p = boxes.get(p)?.parentId) out.push(p);
  return out;
}

const starts: Array<[string, Design]> = [
  ...TEMPLATES.map((t): [string, Design] => [`template ${t.id}`, t.build()]),
  ...LESSONS.map((l): [string, Design] => [`lesson ${l.id}`, l.start]),
];

describe('positions once (placeMissing)', () => {
  it.each(starts)(
    '%s: writes a position for every resource, draws exactly as before, and is idempotent',
    (_, start) => {
      const design = opened(start);
      for (const id of Object.keys(design.resources)) {
        expect(design.layout[id]?.x, id).toBeTypeOf('number');
        expect(design.layout[id]?.y, id).toBeTypeOf('number');
      }
      expect(Object.fromEntries(computeLayout(design))).toEqual(Object.fromEntries(computeLayout(start)));
      expect(placeMissing(design)).toBe(design);
    },
  );

  it('keeps the stored entries it did not need to fill', () => {
    const start = TEMPLATES[0]!.build();
    const design = opened(start);
    for (const [id, entry] of Object.entries(start.layout))
      if (entry.x !== undefined && entry.y !== undefined) expect(design.layout[id]).toEqual(entry);
  });
});

describe('an edit moves nothing the user did not touch', () => {
  const twoTier = opened(TEMPLATES.find((t) => t.id === 'two-tier')!.build());
  const vpc = resourcesOfKind(twoTier, 'vpc')[0]!;
  const subnet = resourcesOfKind(twoTier, 'subnet')[0]!;
  const before = computeLayout(twoTier);

  function afterAdding(kind: 'routeTable' | 'ec2Instance', containerId: string, position?: { x: number; y: number }) {
    const result = addResource(twoTier, { kind }, containerId, idSourceFor(twoTier), position);
    if (!result.ok) throw new Error(result.reason);
    const design = placeMissing(result.design);
    const boxes = computeLayout(design);
    const touched = new Set([result.id!, ...ancestors(boxes, result.id!)]);
    return { design, boxes, touched, id: result.id! };
  }

  it('a route table dropped in the VPC changes no other box; the containers that hold it keep their place', () => {
    const { boxes, touched } = afterAdding('routeTable', vpc.id, { x: 300, y: 120 });
    expect(othersOf(boxes, touched)).toEqual(othersOf(before, touched));
    for (const id of touched) {
      if (!before.has(id)) continue;
      expect(boxes.get(id)).toMatchObject({ x: before.get(id)!.x, y: before.get(id)!.y });
    }
  });

  it('a drop at the far corner grows the subnet right and down in place, and moves none of its siblings', () => {
    const inSubnet = before.get(subnet.id)!;
    const { boxes, touched } = afterAdding('ec2Instance', subnet.id, {
      x: inSubnet.width + 200,
      y: inSubnet.height + 100,
    });
    const grown = boxes.get(subnet.id)!;
    expect(grown.width).toBeGreaterThan(inSubnet.width);
    expect(grown.height).toBeGreaterThan(inSubnet.height);
    expect({ x: grown.x, y: grown.y }).toEqual({ x: inSubnet.x, y: inSubnet.y });
    expect(othersOf(boxes, touched)).toEqual(othersOf(before, touched));
  });

  it('an item added without a position is placed once, below the rest, and stays there after the next drop', () => {
    const first = afterAdding('routeTable', vpc.id);
    expect(first.design.layout[first.id]).toMatchObject({ parentId: vpc.id });
    expect(othersOf(first.boxes, first.touched)).toEqual(othersOf(before, first.touched));
    const placedAt = first.boxes.get(first.id)!;
    const next = addResource(first.design, { kind: 'routeTable' }, vpc.id, idSourceFor(first.design), {
      x: 40,
      y: placedAt.y + 400,
    });
    if (!next.ok) throw new Error(next.reason);
    expect(computeLayout(placeMissing(next.design)).get(first.id)).toEqual(placedAt);
  });

  it('a duplicate keeps every other box', () => {
    const instance = resourcesOfKind(twoTier, 'ec2Instance')[0]!;
    const result = duplicateResources(twoTier, [instance.id], idSourceFor(twoTier));
    if (!result.ok) throw new Error(result.reason);
    const design = placeMissing(result.design);
    const boxes = computeLayout(design);
    const copy = Object.keys(design.resources).find((id) => !Object.hasOwn(twoTier.resources, id))!;
    const touched = new Set([copy, ...ancestors(boxes, copy)]);
    expect(othersOf(boxes, touched)).toEqual(othersOf(before, touched));
    // Beside the original, on a free spot of the same row, not on top of it.
    const beside = computeLayout(placeBeside(design, [[copy, instance.id]]));
    const original = before.get(instance.id)!;
    const placed = beside.get(copy)!;
    expect(placed.y).toBe(original.y);
    expect(placed.x).toBeGreaterThanOrEqual(original.x + original.width + GAP);
    for (const [id, box] of beside)
      if (id !== copy && box.parentId === placed.parentId)
        expect(
          box.x < placed.x + placed.width &&
            placed.x < box.x + box.width &&
            box.y < placed.y + placed.height &&
            placed.y < box.y + box.height,
          `${copy} on ${id}`,
        ).toBe(false);
    expect(othersOf(beside, touched)).toEqual(othersOf(before, touched));
  });
});

describe('dropPosition', () => {
  const subnet = { kind: 'subnet' as const, x: 100, y: 200, width: 500, height: 300 };

  it('centres the new item on the pointer, relative to its container', () => {
    expect(dropPosition('ec2Instance', { x: 100 + 250, y: 200 + 150 }, subnet)).toEqual({
      x: 250 - LEAF.width / 2,
      y: 150 - LEAF.height / 2,
    });
  });

  it('clamps it inside the container, below the title, wherever near the edge it is dropped', () => {
    const top = headerHeight('subnet');
    expect(dropPosition('ec2Instance', { x: 101, y: 201 }, subnet)).toEqual({ x: PAD, y: top });
    expect(dropPosition('ec2Instance', { x: 599, y: 499 }, subnet)).toEqual({
      x: 500 - PAD - LEAF.width,
      y: 300 - PAD - LEAF.height,
    });
  });

  it('a spot that would cover a sibling moves just below it, never onto it', () => {
    const top = headerHeight('subnet');
    const first = { x: PAD, y: top, width: LEAF.width, height: LEAF.height };
    const second = { x: PAD + LEAF.width + GAP, y: top + 40, width: LEAF.width, height: LEAF.height };
    expect(dropPosition('ec2Instance', { x: 101, y: 201 }, subnet, [first])).toEqual({
      x: PAD,
      y: top + LEAF.height + GAP,
    });
    // Below every sibling the new box would touch, however they are staggered.
    const placed = dropPosition('ec2Instance', { x: 100 + PAD + LEAF.width, y: 201 }, subnet, [first, second]);
    expect(placed.y).toBe(second.y + LEAF.height + GAP);
  });

  it('an item larger than the free space goes to the top left, so the container grows right and down', () => {
    const small = { ...subnet, width: 200, height: 100 };
    expect(dropPosition('ec2Instance', { x: 150, y: 250 }, small)).toEqual({ x: PAD, y: headerHeight('subnet') });
  });

  it('on the open canvas it is only centred', () => {
    expect(dropPosition('region', { x: 0, y: 0 }, null)).toEqual({
      x: -newItemSize('region').width / 2,
      y: -newItemSize('region').height / 2,
    });
  });
});
