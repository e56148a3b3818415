import { describe, expect, it } from 'vitest';
import { MAX_CANVAS_EXTENT, parseDesign, type Design } from '../domain';
import { TEMPLATES } from '../scenarios/templates';
import { deriveNodes } from './derive';
import { computeLayout } from './layout';

type Doc = { layout: Record<string, Record<string, unknown>> } & Record<string, unknown>;

const twoTier = () => JSON.parse(JSON.stringify(TEMPLATES.find((t) => t.id === 'two-tier')!.build())) as Doc;

function opened(doc: Doc): Design {
  const parsed = parseDesign(doc);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.design;
}

/** Every number reachable from `value`, with its path. */
function numbers(value: unknown, path = ''): Array<[string, number]> {
  if (typeof value === 'number') return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => numbers(v, `${path}.${key}`));
}

const notFinite = (value: unknown) => numbers(value).filter(([, n]) => !Number.isFinite(n));

describe('layout from outside never yields Infinity or NaN', () => {
  it('positions and sizes of 1e308 are set aside at the boundary, and what opens lays out finitely', () => {
    const doc = twoTier();
    doc.layout['vpc-1'] = { x: 1e308, y: 1e308, parentId: 'region-1', width: 1e308, height: 1e308 };
    doc.layout['subnet-1'] = { x: 1e308, y: -1e308, parentId: 'az-1' };
    const design = opened(doc);
    const boxes = computeLayout(design);
    expect(notFinite(Object.fromEntries(boxes))).toEqual([]);
    expect(notFinite(deriveNodes(design, []))).toEqual([]);
    expect(Object.keys(design.setAside?.layout ?? {}).sort()).toEqual(['subnet-1', 'vpc-1']);
  });

  it('every container at the canvas extent, nested, still adds up to finite positions', () => {
    const doc = twoTier();
    for (const [id, entry] of Object.entries(doc.layout))
      doc.layout[id] = {
        ...entry,
        x: MAX_CANVAS_EXTENT,
        y: -MAX_CANVAS_EXTENT,
        width: MAX_CANVAS_EXTENT,
        height: MAX_CANVAS_EXTENT,
      };
    const design = opened(doc);
    expect(design.setAside).toBeUndefined();
    expect(notFinite(Object.fromEntries(computeLayout(design)))).toEqual([]);
    expect(notFinite(deriveNodes(design, []))).toEqual([]);
  });
});
