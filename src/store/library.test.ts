import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyDesign } from '../domain';
import { sampleDesign } from '../engine/testing/sampleDesign';
import { AUTOSAVE_KEY } from './autosave';
import { useDesignStore } from './designStore';
import { startHistory } from './history';
import { copyName, designKey, libraryBackups, LIBRARY_KEY, openLibrary, writeItem, type LibraryEntry } from './library';
import {
  addToLibrary,
  deleteEntry,
  duplicateEntry,
  flushSave,
  openAsNewDesign,
  openEntry,
  renameEntry,
  showReadOnly,
  startLibrary,
  useLibraryStore,
} from './libraryStore';
import { startPersistence } from './persistence';
import { guardStorage, useStorageStatus } from './storage';
import { BlockedStorage, MemoryStorage } from './testing/memoryStorage';
import { useViewStore } from './viewStore';
import { loadReaders } from './readers';

// As at start-up (boot.tsx): storage is read once the readers of stored text have loaded.
beforeAll(() => loadReaders());

const present = () => useDesignStore.getState().history.present;
const rename = (name: string) =>
  useDesignStore.getState().apply((draft) => {
    draft.name = name;
  });
let stop: (() => void) | undefined;
const start = (storage: MemoryStorage) => {
  stop?.();
  stop = startLibrary(storage);
};

afterEach(() => {
  stop?.();
  stop = undefined;
  useViewStore.setState({ notices: [] });
});

describe('the library in storage', () => {
  it('adopts a design autosaved before the library existed as its first entry', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(sampleDesign()));
    const opened = openLibrary(storage);
    expect(opened.kind).toBe('ok');
    expect(opened.index.entries).toHaveLength(1);
    expect(opened.index.entries[0]!.name).toBe(sampleDesign().name);
    expect(storage.getItem(designKey(opened.index.currentId!))).toContain('"resources"');
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
  });

  it('moves an unreadable index aside instead of deleting it', () => {
    const storage = new MemoryStorage();
    storage.setItem(LIBRARY_KEY, '{"version": 1, "entries": [');
    const opened = openLibrary(storage, new Date('2026-01-02T03:04:05Z'));
    expect(opened).toMatchObject({ kind: 'rebuilt', backupKey: 'nimbus.unreadable.library.2026-01-02T03:04:05.000Z' });
    expect(storage.getItem('nimbus.unreadable.library.2026-01-02T03:04:05.000Z')).toBe('{"version": 1, "entries": [');
  });

  it('names copies so no two entries share a name', () => {
    const entries = ['Lab', 'Copy of Lab'].map((name) => ({ name }) as LibraryEntry);
    expect(copyName('Lab', entries)).toBe('Copy of Lab (2)');
    expect(copyName('Web', entries)).toBe('Copy of Web');
  });
});

describe('the open design and the library', () => {
  it('reopens the design the user last had, edits included (never the empty start-up design)', () => {
    const storage = new MemoryStorage();
    start(storage);
    useDesignStore.getState().replace(sampleDesign());
    rename('Keep me');
    flushSave();
    // A fresh page: the store starts with an empty design until the library opens.
    useDesignStore.setState({ history: startHistory(emptyDesign()) });
    start(storage);
    expect(present().name).toBe('Keep me');
    expect(Object.keys(present().resources).length).toBe(Object.keys(sampleDesign().resources).length);
  });

  it('adds an opened design as a new entry and leaves the previous one as it was', () => {
    const storage = new MemoryStorage();
    start(storage);
    rename('My homework');
    const before = useLibraryStore.getState().currentId!;
    expect(addToLibrary({ ...sampleDesign(), name: 'From a link' })).toBe(true);
    expect(useLibraryStore.getState().entries).toHaveLength(2);
    expect(present().name).toBe('From a link');
    expect(JSON.parse(storage.getItem(designKey(before))!).name).toBe('My homework');
    // Undo never reaches back into another design.
    expect(useDesignStore.getState().history.past).toHaveLength(0);
  });

  it('refuses to add when storage is full, says so, and keeps the open design', () => {
    const storage = new MemoryStorage();
    start(storage);
    rename('Small');
    flushSave();
    storage.capacity = [...storage.items.values()].reduce((n, v) => n + v.length, 0) + 50;
    expect(addToLibrary(sampleDesign())).toBe(false);
    expect(present().name).toBe('Small');
    expect(useLibraryStore.getState().entries).toHaveLength(1);
    expect(useViewStore.getState().notices.at(-1)?.title).toContain('storage for Nimbus is full');
  });

  it('deletes an entry and puts it back exactly on undo', () => {
    const storage = new MemoryStorage();
    start(storage);
    addToLibrary({ ...sampleDesign(), name: 'Doomed' });
    const id = useLibraryStore.getState().currentId!;
    const stored = storage.getItem(designKey(id));
    deleteEntry(id);
    expect(useLibraryStore.getState().entries.map((e) => e.name)).not.toContain('Doomed');
    expect(storage.getItem(designKey(id))).toBeNull();
    expect(present().name).not.toBe('Doomed');
    useViewStore
      .getState()
      .notices.find((n) => n.title.includes('Deleted "Doomed"'))!
      .action!.run();
    expect(storage.getItem(designKey(id))).toBe(stored);
    expect(present().name).toBe('Doomed');
    expect(useViewStore.getState().notices.some((n) => n.title.includes('Deleted'))).toBe(false);
  });

  it('deleting the open design opens the next one without calling it news from another tab', () => {
    const storage = new MemoryStorage();
    start(storage);
    addToLibrary({ ...sampleDesign(), name: 'Doomed draft' });
    rename('Doomed');
    flushSave();
    deleteEntry(useLibraryStore.getState().currentId!);
    expect(present().name).toBe('Untitled design');
    expect(useViewStore.getState().notices.map((n) => n.title)).toEqual(['Deleted "Doomed" from the library.']);
  });

  it('renames and duplicates entries that are not open', () => {
    const storage = new MemoryStorage();
    start(storage);
    addToLibrary({ ...sampleDesign(), name: 'First' });
    const first = useLibraryStore.getState().currentId!;
    addToLibrary(emptyDesign('Second'));
    renameEntry(first, 'Renamed');
    duplicateEntry(first);
    const names = useLibraryStore.getState().entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Renamed', 'Copy of Renamed', 'Second']));
    expect(present().name).toBe('Second');
    expect(openEntry(first)).toBe(true);
    expect(present().name).toBe('Renamed');
  });

  it('shows a view-only design without saving it or letting it change', () => {
    const storage = new MemoryStorage();
    start(storage);
    rename('Mine');
    showReadOnly({ ...sampleDesign(), name: 'Viewed' });
    rename('Edited while viewing');
    useDesignStore.getState().replace(emptyDesign('Replaced'));
    expect(present().name).toBe('Viewed');
    flushSave(true);
    const names = [...storage.items.entries()]
      .filter(([k]) => k.startsWith('nimbus.library.design.'))
      .map(([, v]) => JSON.parse(v).name);
    expect(names).toEqual(['Mine']);
  });
});

describe('keeping what the user had', () => {
  it('opens a template into a blank, untouched design, and as a new entry otherwise', () => {
    const storage = new MemoryStorage();
    start(storage);
    expect(openAsNewDesign({ ...sampleDesign(), name: 'Template' })).toBe(true);
    expect(useLibraryStore.getState().entries).toHaveLength(1);
    expect(openAsNewDesign({ ...sampleDesign(), name: 'Second template' })).toBe(true);
    const names = useLibraryStore.getState().entries.map((e) => e.name);
    expect(names).toEqual(['Template', 'Second template']);
    expect(JSON.parse(storage.getItem(designKey(useLibraryStore.getState().entries[0]!.id))!).name).toBe('Template');
  });

  it('keeps the library readable when an entry name is too long, and caps new names', () => {
    const storage = new MemoryStorage();
    start(storage);
    renameEntry(useLibraryStore.getState().currentId!, 'x'.repeat(300));
    expect(present().name).toHaveLength(200);
    flushSave(true);
    const index = JSON.parse(storage.getItem(LIBRARY_KEY)!);
    index.entries[0].name = 'y'.repeat(300);
    storage.setItem(LIBRARY_KEY, JSON.stringify(index));
    const opened = openLibrary(storage);
    expect(opened.kind).toBe('ok');
    expect(opened.index.entries[0]!.name).toHaveLength(200);
    expect(copyName('z'.repeat(200), opened.index.entries).length).toBeLessThanOrEqual(200);
  });

  it('adopts a pre-library autosave left behind by a full storage on a later start', () => {
    const storage = new MemoryStorage();
    start(storage);
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ ...sampleDesign(), name: 'Stranded' }));
    const opened = openLibrary(storage);
    expect(opened.index.entries.map((e) => e.name)).toContain('Stranded');
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
  });
});

describe('storage failures', () => {
  it('says clearly when storage is full', () => {
    const result = writeItem(new MemoryStorage(10), 'k', 'x'.repeat(20));
    expect(result).toMatchObject({ ok: false, reason: 'full', message: expect.stringContaining('save it as a file') });
  });
});

describe('a library with one bad entry', () => {
  /** A library of three designs, saved the ordinary way, then one index entry damaged by hand. */
  function libraryWithBadEntry() {
    const storage = new MemoryStorage();
    start(storage);
    addToLibrary({ ...sampleDesign(), name: 'Alpha' });
    addToLibrary({ ...sampleDesign(), name: 'Beta' });
    flushSave(true);
    stop?.();
    stop = undefined;
    const index = JSON.parse(storage.getItem(LIBRARY_KEY)!);
    index.entries.push({ ...index.entries[0], id: '../x', name: 'Broken' });
    storage.setItem(LIBRARY_KEY, JSON.stringify(index));
    return storage;
  }

  it('lists every entry it can read and keeps the whole old index aside', () => {
    const storage = libraryWithBadEntry();
    const raw = storage.getItem(LIBRARY_KEY)!;
    const opened = openLibrary(storage, new Date('2026-01-02T03:04:05Z'));
    expect(opened.index.entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(['Untitled design', 'Alpha', 'Beta']),
    );
    expect(opened).toMatchObject({ kind: 'rebuilt', unreadable: 1 });
    expect(storage.getItem('nimbus.unreadable.library.2026-01-02T03:04:05.000Z')).toBe(raw);
    expect(libraryBackups(storage).map((b) => b.key)).toEqual(['nimbus.unreadable.library.2026-01-02T03:04:05.000Z']);
  });

  it('opens with the rest listed and says where the backup is', () => {
    const storage = libraryWithBadEntry();
    start(storage);
    expect(useLibraryStore.getState().entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(['Untitled design', 'Alpha', 'Beta']),
    );
    const notice = useViewStore.getState().notices.find((n) => n.title.includes('could not be read'))!;
    expect(notice.title).toContain('1 entry in the list of your saved designs could not be read');
    expect(notice.action?.label).toBe('Open the library');
  });

  it('offers the old list as a file when storage has no room to keep it', () => {
    const storage = libraryWithBadEntry();
    storage.capacity = [...storage.items.values()].reduce((n, v) => n + v.length, 0) + 10;
    start(storage);
    expect(useLibraryStore.getState().entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(['Untitled design', 'Alpha', 'Beta']),
    );
    const notice = useViewStore.getState().notices.find((n) => n.title.includes('could not be read'))!;
    expect(notice.details).toContain('There was no room to keep the old list in this browser: download it to keep it.');
    expect(notice.action?.label).toBe('Download the old list');
  });

  it('finds designs again from their own keys when the whole index is unreadable', () => {
    const storage = libraryWithBadEntry();
    storage.setItem(LIBRARY_KEY, '{"version": 1, "entries": [');
    const opened = openLibrary(storage);
    expect(opened).toMatchObject({ kind: 'rebuilt', unreadable: 'all', recovered: 3 });
    expect(opened.index.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['Alpha', 'Beta']));
  });
});

describe('blocked storage', () => {
  afterEach(() => useStorageStatus.setState({ inMemory: false }));

  it('starts in memory, edits and keeps working, when every storage call throws', () => {
    expect(() => {
      stop = startPersistence(new BlockedStorage());
    }).not.toThrow();
    expect(useStorageStatus.getState().inMemory).toBe(true);
    useDesignStore.getState().replace(sampleDesign());
    rename('Edited with storage blocked');
    flushSave(true);
    expect(present().name).toBe('Edited with storage blocked');
    expect(useLibraryStore.getState().entries.map((e) => e.name)).toEqual(['Edited with storage blocked']);
    expect(addToLibrary(emptyDesign('Second'))).toBe(true);
    expect(openEntry(useLibraryStore.getState().entries[0]!.id)).toBe(true);
    expect(present().name).toBe('Edited with storage blocked');
  });

  it('starts in memory when reading window.localStorage itself throws', () => {
    const storage = guardStorage(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(useStorageStatus.getState().inMemory).toBe(true);
    storage.setItem('nimbus.theme', 'dark');
    expect(storage.getItem('nimbus.theme')).toBe('dark');
  });

  it('moves to memory when a read fails later, rather than writing over what it could not read', () => {
    const real = new MemoryStorage();
    real.setItem(LIBRARY_KEY, 'kept');
    let blocked = false;
    const storage = guardStorage({
      getItem: (key) => {
        if (blocked) throw new DOMException('denied', 'SecurityError');
        return real.getItem(key);
      },
      setItem: (key, value) => real.setItem(key, value),
      removeItem: (key) => real.removeItem(key),
    });
    expect(useStorageStatus.getState().inMemory).toBe(false);
    blocked = true;
    expect(storage.getItem(LIBRARY_KEY)).toBeNull();
    storage.setItem(LIBRARY_KEY, 'new');
    expect(real.getItem(LIBRARY_KEY)).toBe('kept');
    expect(useStorageStatus.getState().inMemory).toBe(true);
  });
});
