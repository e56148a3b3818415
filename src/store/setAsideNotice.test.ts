import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sampleDesign } from '../engine/testing/sampleDesign';
import { useDesignStore } from './designStore';
import { designKey, LIBRARY_KEY } from './library';
import { flushSave, startLibrary, useLibraryStore } from './libraryStore';
import { MemoryStorage } from './testing/memoryStorage';
import { useViewStore } from './viewStore';
import { loadReaders } from './readers';

// As at start-up (boot.tsx): storage is read once the readers of stored text have loaded.
beforeAll(() => loadReaders());

const futureKind = { kind: 'gatewayLoadBalancer', id: 'gwlb-1', name: 'Inspection <b>GWLB</b>' };

/** A library whose one entry holds a resource of a kind this version doesn't know. */
function libraryWithNewerEntry(): MemoryStorage {
  const storage = new MemoryStorage();
  const design = JSON.parse(JSON.stringify(sampleDesign())) as Record<string, Record<string, unknown>>;
  design.resources!['gwlb-1'] = futureKind;
  design.layout = { 'gwlb-1': { x: 10, y: 20, parentId: null } };
  const entry = { id: 'entry-1', name: 'Sample', createdAt: '2026-01-01', updatedAt: '2026-01-01' };
  storage.setItem(designKey('entry-1'), JSON.stringify(design));
  storage.setItem(LIBRARY_KEY, JSON.stringify({ version: 1, currentId: 'entry-1', entries: [entry] }));
  return storage;
}

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  useViewStore.setState({ notices: [] });
});

describe('a library entry with a resource this version cannot read', () => {
  it('opens with the rest, says what was set aside, and saves it back with every edit', () => {
    const storage = libraryWithNewerEntry();
    stop = startLibrary(storage);
    expect(useLibraryStore.getState().currentId).toBe('entry-1');
    const design = useDesignStore.getState().history.present;
    expect(Object.keys(design.resources)).toHaveLength(Object.keys(sampleDesign().resources).length);
    expect(useViewStore.getState().notices).toEqual([
      expect.objectContaining({
        tone: 'warning',
        title:
          "Set aside 1 resource this version of Nimbus can't read; the rest opened as usual. It is kept in the design and saved with it.",
        details: ['gwlb-1: kind "gatewayLoadBalancer" is not one Nimbus knows'],
      }),
    ]);

    useDesignStore.getState().apply((draft) => {
      draft.name = 'Edited';
    });
    flushSave();
    const saved = JSON.parse(storage.getItem(designKey('entry-1'))!) as {
      name: string;
      setAside: { resources: Record<string, unknown>; layout: Record<string, unknown> };
    };
    expect(saved.name).toBe('Edited');
    expect(JSON.stringify(saved.setAside.resources['gwlb-1'])).toBe(JSON.stringify(futureKind));
    expect(saved.setAside.layout['gwlb-1']).toEqual({ x: 10, y: 20, parentId: null });
  });
});
