import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { RouteTable } from '../../domain';
import { sampleDesign } from '../../engine/testing/sampleDesign';
import { PILL_GAP, PILL_HEIGHT, PILL_WIDTH, shelfOf } from './shelf';

const vpcOf = (design: ReturnType<typeof sampleDesign>) =>
  Object.values(design.resources).find((r) => r.kind === 'vpc')!.id;

describe('shelfOf', () => {
  it("holds every route table, ACL and group of the VPC, in the design's order, with counts and status in words", () => {
    const design = sampleDesign();
    const shelf = shelfOf(design, vpcOf(design), 2000);
    const expected = Object.values(design.resources)
      .filter((r) => r.kind === 'routeTable' || r.kind === 'networkAcl' || r.kind === 'securityGroup')
      .map((r) => r.id);
    expect(shelf.pills.map((p) => p.id)).toEqual(expected);
    expect(shelf.pills.find((p) => p.id === 'rtb-1')).toMatchObject({ count: '1 route', status: 'main' });
    expect(shelf.pills.find((p) => p.id === 'rtb-2')).toMatchObject({ name: 'Public routes', count: '2 routes' });
    expect(shelf.pills.find((p) => p.id === 'rtb-2')!.status).toBe('');
    expect(shelf.pills.find((p) => p.id === 'sg-1')).toMatchObject({ count: '1 in · 1 out', status: '' });
  });

  it('says "not attached" for a route table that no subnet uses and that is not the main one', () => {
    const design = produce(sampleDesign(), (d) => {
      (d.resources['rtb-2'] as RouteTable).subnetIds = [];
    });
    expect(shelfOf(design, vpcOf(design), 2000).pills.find((p) => p.id === 'rtb-2')!.status).toBe('not attached');
  });

  it('leaves other VPCs out', () => {
    const design = sampleDesign();
    expect(shelfOf(design, 'vpc-nowhere', 2000)).toEqual({ vpcId: 'vpc-nowhere', pills: [], width: 0, height: 0 });
  });

  it('wraps into rows of equal columns and measures the strip', () => {
    const design = sampleDesign();
    const twoColumns = 2 * PILL_WIDTH + PILL_GAP;
    const shelf = shelfOf(design, vpcOf(design), twoColumns);
    expect(shelf.pills.length).toBeGreaterThan(2);
    expect(shelf.pills.slice(0, 3).map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [PILL_WIDTH + PILL_GAP, 0],
      [0, PILL_HEIGHT + PILL_GAP],
    ]);
    expect(shelf.width).toBe(twoColumns);
    const rows = Math.ceil(shelf.pills.length / 2);
    expect(shelf.height).toBe(rows * PILL_HEIGHT + (rows - 1) * PILL_GAP);
  });

  it('puts a new route table after the last pill and moves no other pill', () => {
    const design = sampleDesign();
    const vpcId = vpcOf(design);
    const before = shelfOf(design, vpcId, 2 * PILL_WIDTH + PILL_GAP);
    const added = produce(design, (d) => {
      d.resources['rtb-new'] = {
        ...(d.resources['rtb-2'] as RouteTable),
        id: 'rtb-new' as RouteTable['id'],
        subnetIds: [],
        main: false,
      };
    });
    const after = shelfOf(added, vpcId, 2 * PILL_WIDTH + PILL_GAP);
    expect(after.pills.slice(0, -1)).toEqual(before.pills);
    expect(after.pills.at(-1)).toMatchObject({ id: 'rtb-new', status: 'not attached' });
  });
});
