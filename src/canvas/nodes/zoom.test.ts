import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import {
  currentZoomStep,
  isFar,
  MIN_NAME_PX,
  nameFontPx,
  NEAR_ZOOM,
  subscribeToZoomStep,
  ZOOM_STEPS,
  zoomStep,
} from './zoom';

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

describe('zoom step watcher', () => {
  const canvasStore = (zoom: number) =>
    createStore<{ transform: [number, number, number] }>(() => ({ transform: [0, 0, zoom] }));

  it('tells its listeners only when the zoom enters another step', () => {
    const store = canvasStore(0.45);
    const heard: number[] = [];
    const stop = subscribeToZoomStep(store as never, () => heard.push(currentZoomStep(store as never)));
    for (const zoom of [0.46, 0.47, 0.44, 0.5, 0.52, 0.47]) store.setState({ transform: [10, 20, zoom] });
    store.setState({ transform: [99, 99, 0.47] });
    expect(heard).toEqual([0.48, 0.43]);
    stop();
  });

  it('stops listening when its last listener leaves, and reads the step fresh after', () => {
    const store = canvasStore(1);
    let calls = 0;
    const stop = subscribeToZoomStep(store as never, () => calls++);
    stop();
    store.setState({ transform: [0, 0, 0.2] });
    expect(calls).toBe(0);
    expect(currentZoomStep(store as never)).toBe(0.2);
  });
});
