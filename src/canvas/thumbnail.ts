import type { Design } from '../domain';
import { kindView } from './kinds';
import { computeLayout } from './layout';

const MAX_RECTS = 250;
const LEAF_STYLE = { fill: '#e2e8f0', stroke: '#64748b' };

/**
 * A small SVG of the design's boxes (no text, so nothing from the design is
 * ever interpreted as markup), for the library list.
 */
export function designThumbnail(design: Design, width = 160, height = 100): string {
  const boxes = computeLayout(design);
  const absolute = new Map<string, { x: number; y: number }>();
  const origin = (id: string): { x: number; y: number } => {
    const known = absolute.get(id);
    if (known) return known;
    const box = boxes.get(id)!;
    const parent = box.parentId && boxes.has(box.parentId) ? origin(box.parentId) : { x: 0, y: 0 };
    const at = { x: parent.x + box.x, y: parent.y + box.y };
    absolute.set(id, at);
    return at;
  };
  let maxX = 1;
  let maxY = 1;
  const rects: string[] = [];
  // Parents before children, so containers are drawn underneath what they hold.
  const depth = (id: string): number => {
    const parentId = boxes.get(id)?.parentId;
    return parentId ? 1 + depth(parentId) : 0;
  };
  // Capped so a 1,000-resource design still has a thumbnail of a few kilobytes.
  const ids = [...boxes.keys()].sort((a, b) => depth(a) - depth(b)).slice(0, MAX_RECTS);
  for (const id of ids) {
    const box = boxes.get(id)!;
    const at = origin(id);
    maxX = Math.max(maxX, at.x + box.width);
    maxY = Math.max(maxY, at.y + box.height);
    const style = kindView(design.resources[id]!.kind).thumbnail ?? LEAF_STYLE;
    rects.push(
      `<rect x="${Math.round(at.x)}" y="${Math.round(at.y)}" width="${Math.round(box.width)}" height="${Math.round(box.height)}" rx="8" fill="${style.fill}" stroke="${style.stroke}" stroke-width="3"/>`,
    );
  }
  const pad = 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${-pad} ${-pad} ${Math.round(maxX + 2 * pad)} ${Math.round(maxY + 2 * pad)}" preserveAspectRatio="xMidYMid meet">${rects.join('')}</svg>`;
}
