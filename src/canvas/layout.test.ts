import { describe, expect, it } from 'vitest';
import { sampleDesign } from '../engine/testing/sampleDesign';
import type { Design, RouteTable } from '../domain';
import { computeLayout, GAP, HEADER, PAD, PILL, placeMissing, type Box } from './layout';
import { PILL_GAP } from './shelf/shelf';

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

describe("a VPC's shelf", () => {
  const RULES = ['rtb-1', 'acl-1', 'sg-1', 'rtb-2'];
  const withLayout = (design: Design, layout: Record<string, object>): Design => ({
    ...design,
    layout: { ...design.layout, ...(layout as Design['layout']) },
  });
  const othersIn = (boxes: Map<string, Box>, parentId: string) =>
    [...boxes].filter(([id, box]) => box.parentId === parentId && !RULES.includes(id)).map(([, box]) => box);

  it('draws its route tables, ACLs and groups as pills in one strip below everything else it holds', () => {
    const boxes = computeLayout(sampleDesign());
    const bottom = Math.max(...othersIn(boxes, 'vpc-1').map((b) => b.y + b.height));
    const pills = RULES.map((id) => boxes.get(id)!);
    for (const pill of pills) expect(pill).toMatchObject({ parentId: 'vpc-1', ...PILL });
    // In the design's order, left to right from the VPC's padding, wrapping in rows.
    expect(pills[0]).toMatchObject({ x: PAD, y: bottom + GAP });
    expect(pills[1]).toMatchObject({ x: PAD + PILL.width + PILL_GAP, y: bottom + GAP });
    const vpc = boxes.get('vpc-1')!;
    for (const pill of pills) expect(pill.x + pill.width).toBeLessThanOrEqual(vpc.width - PAD);
    expect(Math.max(...pills.map((p) => p.y + p.height))).toBeLessThanOrEqual(vpc.height);
  });

  it('opens a design saved with rule cards: the shelf starts where the first one was, the others join it', () => {
    const auto = computeLayout(sampleDesign());
    const below = Math.max(...othersIn(auto, 'vpc-1').map((b) => b.y + b.height)) + 200;
    const old = withLayout(sampleDesign(), {
      'rtb-1': { x: 300, y: below, parentId: 'vpc-1' },
      'acl-1': { x: 900, y: 40, parentId: 'vpc-1' },
      'rtb-2': { x: 20, y: 1400, parentId: 'vpc-1' },
    });
    const boxes = computeLayout(old);
    expect(boxes.get('rtb-1')).toMatchObject({ x: PAD, y: below, ...PILL });
    expect(boxes.get('acl-1')).toMatchObject({ x: PAD + PILL.width + PILL_GAP, y: below });
    // The cards' old places are not drawn: the VPC holds the shelf, not a card 1400 px down.
    expect(boxes.get('vpc-1')!.height).toBeLessThan(1400);
  });

  it('where a stored shelf would lie over something else the VPC holds, it goes below everything instead', () => {
    const auto = computeLayout(sampleDesign());
    const subnet = auto.get('subnet-1')!;
    const covered = withLayout(sampleDesign(), {
      'rtb-1': { x: PAD, y: auto.get(subnet.parentId!)!.y + 10, parentId: 'vpc-1' },
    });
    const boxes = computeLayout(covered);
    const bottom = Math.max(...othersIn(boxes, 'vpc-1').map((b) => b.y + b.height));
    expect(boxes.get('rtb-1')!.y).toBe(bottom + GAP);
  });

  it('stays put once placed when something else in the VPC grows, and a new pill moves no other', () => {
    const opened = placeMissing(sampleDesign());
    const before = computeLayout(opened);
    const zone = [...before].find(([id, box]) => box.parentId === 'vpc-1' && !RULES.includes(id))!;
    const grown = withLayout(opened, {
      [zone[0]]: { ...opened.layout[zone[0]], width: zone[1].width + 300 },
    });
    const after = computeLayout(grown);
    for (const id of RULES) expect(after.get(id)).toEqual(before.get(id));
    const added = computeLayout(
      placeMissing({
        ...opened,
        resources: {
          ...opened.resources,
          'rtb-new': { ...(opened.resources['rtb-2'] as RouteTable), id: 'rtb-new' as RouteTable['id'], subnetIds: [] },
        },
      }),
    );
    for (const id of RULES) expect(added.get(id)).toEqual(before.get(id));
    expect(added.get('rtb-new')).toMatchObject({ parentId: 'vpc-1', ...PILL });
  });
});
