import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeBeside, placeMissing } from '../canvas/layout';
import { TEMPLATES } from '../scenarios/templates';
import { setLayoutPlacer, useDesignStore } from './designStore';
import { addToLibrary, flushSave, showReadOnly, startLibrary, useLibraryStore } from './libraryStore';
import { designKey } from './library';
import { MemoryStorage } from './testing/memoryStorage';
import { addFromPalette } from './canvasCommands';

const present = () => useDesignStore.getState().history.present;
const template = () => TEMPLATES.find((t) => t.id === 'two-tier')!.build();
const placedEverything = (layout: Record<string, { x?: number; y?: number }>, ids: string[]) =>
  ids.every((id) => typeof layout[id]?.x === 'number' && typeof layout[id]?.y === 'number');

let stop: (() => void) | undefined;
beforeEach(() => setLayoutPlacer({ placeMissing, placeBeside }));
afterEach(() => {
  stop?.();
  stop = undefined;
  setLayoutPlacer({ placeMissing: (d) => d, placeBeside: (d) => d });
});

describe('positions once, in the store', () => {
  it('a template opened into the library is stored with every position, and opening was no undo step', () => {
    const storage = new MemoryStorage();
    stop = startLibrary(storage);
    const start = template();
    expect(placedEverything(start.layout, Object.keys(start.resources))).toBe(false);
    addToLibrary(start);
    expect(placedEverything(present().layout, Object.keys(start.resources))).toBe(true);
    expect(useDesignStore.getState().history.past).toHaveLength(0);
    flushSave(true);
    const stored = JSON.parse(storage.getItem(designKey(useLibraryStore.getState().currentId!))!) as {
      layout: Record<string, { x?: number; y?: number }>;
    };
    expect(placedEverything(stored.layout, Object.keys(start.resources))).toBe(true);
  });

  it('a view link is placed in memory only', () => {
    const storage = new MemoryStorage();
    stop = startLibrary(storage);
    const before = storage.getItem(designKey(useLibraryStore.getState().currentId!));
    showReadOnly(template());
    expect(placedEverything(present().layout, Object.keys(present().resources))).toBe(true);
    flushSave(true);
    expect(storage.getItem(designKey(useLibraryStore.getState().currentId!))).toBe(before);
  });

  it('an edit that adds something unplaced stores its position in the same undo step', () => {
    stop = startLibrary(new MemoryStorage());
    addToLibrary(template());
    const vpc = Object.values(present().resources).find((r) => r.kind === 'vpc')!;
    const result = addFromPalette({ kind: 'routeTable' }, vpc.id);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(present().layout[result.id!]).toMatchObject({ x: expect.any(Number), y: expect.any(Number) });
    expect(useDesignStore.getState().history.past).toHaveLength(1);
    useDesignStore.getState().undo();
    expect(present().resources[result.id!]).toBeUndefined();
  });
});
