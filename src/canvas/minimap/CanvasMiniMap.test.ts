import { describe, expect, it } from 'vitest';
import { minimapViewBox } from './CanvasMiniMap';

describe('minimapViewBox', () => {
  it('shows the boxes and the view together, centred, with a 5 px margin', () => {
    const boxes = [
      { x: 0, y: 0, width: 1600, height: 100 },
      { x: 0, y: 1000, width: 100, height: 120 },
    ];
    const view = { x: 100, y: 100, width: 400, height: 300 };
    // 1600 × 1120 into 160 × 112 px: 10 flow units a pixel, so the margin is 50 units.
    expect(minimapViewBox(boxes, view, 160, 112)).toEqual({ x: -50, y: -50, width: 1700, height: 1220 });
  });

  it('widens to take in a view that lies outside the boxes', () => {
    const shown = minimapViewBox(
      [{ x: 0, y: 0, width: 100, height: 100 }],
      { x: 900, y: 0, width: 100, height: 70 },
      160,
      112,
    );
    expect(shown.x).toBeLessThanOrEqual(0);
    expect(shown.x + shown.width).toBeGreaterThanOrEqual(1000);
    // About the minimap's shape (the margin is the same 5 px on every side), so boxes are not stretched.
    expect(shown.width / shown.height).toBeCloseTo(160 / 112, 1);
  });
});

describe('minimapViewBox while the view moves outside the boxes', () => {
  const boxes = [{ x: 0, y: 0, width: 1000, height: 800 }];
  const viewAt = (x: number) => ({ x, y: 100, width: 400, height: 300 });

  it('keeps the shown area as the view pans within one step past the boxes', () => {
    // A step is a quarter of the boxes' larger side: 250 flow units.
    const first = minimapViewBox(boxes, viewAt(700), 160, 112);
    for (let x = 701; x <= 850; x += 7) expect(minimapViewBox(boxes, viewAt(x), 160, 112)).toEqual(first);
  });

  it('grows by a step once the view passes it, and still takes the whole view in', () => {
    const before = minimapViewBox(boxes, viewAt(850), 160, 112);
    const after = minimapViewBox(boxes, viewAt(851), 160, 112);
    expect(after.width).toBeGreaterThan(before.width);
    expect(after.x + after.width).toBeGreaterThanOrEqual(851 + 400);
  });

  it('shows the boxes alone while the view lies within them', () => {
    const inside = minimapViewBox(boxes, { x: 100, y: 100, width: 400, height: 300 }, 160, 112);
    expect(minimapViewBox(boxes, { x: 300, y: 200, width: 400, height: 300 }, 160, 112)).toEqual(inside);
  });
});
