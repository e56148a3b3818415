import { toPng, toSvg } from 'html-to-image';
import type { Design } from '../domain';
import { computeLayout } from './layout';
import { allNodesDrawn } from './reveal';

/** Extra space around the drawing, in canvas units. */
const MARGIN = 40;
/** Longest image side; big designs are drawn smaller rather than producing a huge file. */
const MAX_SIDE = 4096;

/** The area the design's top-level boxes cover (nodes are derived from the same layout). */
export function drawingBounds(design: Design): { x: number; y: number; width: number; height: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const box of computeLayout(design).values()) {
    if (box.parentId !== null) continue;
    minX = Math.min(minX, box.x);
    minY = Math.min(minY, box.y);
    maxX = Math.max(maxX, box.x + box.width);
    maxY = Math.max(maxY, box.y + box.height);
  }
  if (minX === Infinity) return { x: 0, y: 0, width: 400, height: 200 };
  return { x: minX - MARGIN, y: minY - MARGIN, width: maxX - minX + 2 * MARGIN, height: maxY - minY + 2 * MARGIN };
}

/**
 * Draws the whole design (not just what is on screen) as an image, at twice
 * the canvas scale when it fits, so it stays sharp pasted into a document.
 */
export async function exportDesignImage(design: Design, format: 'png' | 'svg', background: string): Promise<string> {
  // A large design just opened may still be drawing; the image needs every node.
  await allNodesDrawn();
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('The canvas is not on screen.');
  const bounds = drawingBounds(design);
  const scale = Math.min(format === 'png' ? 2 : 1, MAX_SIDE / Math.max(bounds.width, bounds.height));
  const width = Math.round(bounds.width * scale);
  const height = Math.round(bounds.height * scale);
  const options = {
    backgroundColor: background,
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${-bounds.x * scale}px, ${-bounds.y * scale}px) scale(${scale})`,
    },
  };
  return format === 'png' ? toPng(viewport, options) : toSvg(viewport, options);
}
