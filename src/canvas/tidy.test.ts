import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { resourcesOfKind, type Design } from '../domain';
import { LESSONS } from '../scenarios/learn/lessons';
import { TEMPLATES } from '../scenarios/templates';
import { computeLayout, HEADER, onShelf, PILL, placeMissing, type Box } from './layout';
import { tidyDesign } from './tidy';

const elk = new ELK();

const overlapping = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const starts: Array<[string, Design]> = [
  ...TEMPLATES.map((t): [string, Design] => [`template ${t.id}`, placeMissing(t.build())]),
  ...LESSONS.map((l): [string, Design] => [`lesson ${l.id}`, placeMissing(l.start)]),
];

describe('Tidy up', () => {
  it.each(starts)(
    '%s: every resource gets a stored position, inside its container, overlapping no sibling',
    async (_, design) => {
      const tidy = await tidyDesign(design, elk);
      const boxes = computeLayout(tidy);
      for (const id of Object.keys(design.resources)) {
        expect(tidy.layout[id]?.x, id).toBeTypeOf('number');
        const box = boxes.get(id)!;
        if (!box.parentId) continue;
        const parent = boxes.get(box.parentId)!;
        expect(box.x, id).toBeGreaterThanOrEqual(0);
        expect(box.y, id).toBeGreaterThanOrEqual(HEADER);
        expect(box.x + box.width, id).toBeLessThanOrEqual(parent.width);
        expect(box.y + box.height, id).toBeLessThanOrEqual(parent.height);
      }
      const all = [...boxes];
      for (const [idA, a] of all)
        for (const [idB, b] of all)
          if (idA < idB && a.parentId === b.parentId) expect(overlapping(a, b), `${idA} overlaps ${idB}`).toBe(false);
      // The container sizes ELK gave are the sizes drawn.
      for (const [id, box] of boxes)
        if (tidy.layout[id]?.width !== undefined)
          expect({ w: box.width, h: box.height }).toEqual({ w: tidy.layout[id]!.width, h: tidy.layout[id]!.height });
    },
  );

  it('reads as AWS diagrams do: gateways above the zones, zones side by side, rules below them', async () => {
    const design = starts.find(([name]) => name === 'template two-tier')![1];
    const boxes = computeLayout(await tidyDesign(design, elk));
    const [igw] = resourcesOfKind(design, 'internetGateway');
    const zones = resourcesOfKind(design, 'availabilityZone').map((z) => boxes.get(z.id)!);
    const tables = resourcesOfKind(design, 'routeTable').map((t) => boxes.get(t.id)!);
    expect(zones.length).toBeGreaterThanOrEqual(2);
    expect(zones[0]!.y).toBe(zones[1]!.y);
    expect(boxes.get(igw!.id)!.y + boxes.get(igw!.id)!.height).toBeLessThanOrEqual(zones[0]!.y);
    for (const table of tables) expect(table.y).toBeGreaterThanOrEqual(zones[0]!.y + zones[0]!.height);
  });

  it("keeps room for each VPC's shelf: its pills in one strip below everything else the VPC holds", async () => {
    const design = starts.find(([name]) => name === 'template tgw-three-vpcs')![1];
    const tidy = await tidyDesign(design, elk);
    const boxes = computeLayout(tidy);
    for (const vpc of resourcesOfKind(design, 'vpc')) {
      const inside = [...boxes].filter(([, box]) => box.parentId === vpc.id);
      const pills = inside.filter(([id]) => onShelf(design.resources[id]!, vpc));
      const others = inside.filter(([id]) => !onShelf(design.resources[id]!, vpc));
      expect(pills.length).toBeGreaterThan(0);
      const top = Math.min(...pills.map(([, box]) => box.y));
      for (const [, box] of others) expect(box.y + box.height, vpc.id).toBeLessThan(top);
      for (const [id, box] of pills) expect(box, id).toMatchObject(PILL);
    }
  });

  it('is a fixed point: tidying a tidy design changes nothing', async () => {
    const design = await tidyDesign(starts[0]![1], elk);
    expect((await tidyDesign(design, elk)).layout).toEqual(design.layout);
  });
});
