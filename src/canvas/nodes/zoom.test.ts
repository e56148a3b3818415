import { describe, expect, it } from 'vitest';
import { isFar, MIN_NAME_PX, nameFontPx, NEAR_ZOOM, ZOOM_STEPS, zoomStep } from './zoom';

describe('zoom steps', () => {
  it('reads a zoom as the largest step at or below it', () => {
    expect(zoomStep(0.45)).toBe(0.43);
    expect(zoomStep(0.43)).toBe(0.43);
    expect(zoomStep(1.7)).toBe(1);
    expect(zoomStep(0.05)).toBe(0.1);
  });

  it('changes only at steps, so wheel turns between steps re-render nothing', () => {
    const seen = new Set<number>();
    for (let zoom = 0.1; zoom <= 2; zoom += 0.001) seen.add(zoomStep(zoom));
    expect([...seen]).toEqual([...ZOOM_STEPS]);
  });

  it('draws far detail below the near zoom only', () => {
    expect(isFar(zoomStep(NEAR_ZOOM - 0.01))).toBe(true);
    expect(isFar(zoomStep(NEAR_ZOOM))).toBe(false);
    expect(isFar(zoomStep(1))).toBe(false);
  });
});

describe('name font size', () => {
  it('is at least 11 px on screen at any zoom the cap allows', () => {
    for (let zoom = 0.1; zoom <= 2; zoom += 0.01) {
      const size = nameFontPx(zoomStep(zoom), 12, 1000);
      expect(size * zoom).toBeGreaterThanOrEqual(MIN_NAME_PX);
    }
  });

  it('keeps the base size when that is already legible, and the cap when the node has no more room', () => {
    expect(nameFontPx(1, 12, 40)).toBe(12);
    expect(nameFontPx(0.5, 12, 40)).toBe(22);
    expect(nameFontPx(0.1, 12, 24)).toBe(24);
  });
});
