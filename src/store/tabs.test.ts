import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleDesign } from '../engine/testing/sampleDesign';
import { designKey, LIBRARY_KEY } from './library';
import { MemoryStorage } from './testing/memoryStorage';

/**
 * Two tabs of one browser: each a fresh copy of the store modules (its own
 * design, library and notices), both on one storage, as two tabs share one
 * localStorage.
 */
type Tab = typeof import('./index');
const stops: (() => void)[] = [];
async function openTab(storage: MemoryStorage): Promise<Tab> {
  vi.resetModules();
  const tab: Tab = await import('./index');
  // This tab's own module graph: its readers load as at its start-up.
  await (await import('./readers')).loadReaders();
  stops.push(tab.startLibrary(storage));
  return tab;
}
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
});

const present = (tab: Tab) => tab.useDesignStore.getState().history.present;
const rename = (tab: Tab, name: string) =>
  tab.useDesignStore.getState().apply((draft) => {
    draft.name = name;
  });
const firstResourceId = (tab: Tab) => Object.keys(present(tab).resources).sort()[0]!;
const renameResource = (tab: Tab, id: string, name: string) =>
  tab.useDesignStore.getState().apply((draft) => {
    draft.resources[id]!.name = name;
  });
const stored = (storage: MemoryStorage, id: string) => JSON.parse(storage.getItem(designKey(id))!);
const titles = (tab: Tab) => tab.useViewStore.getState().notices.map((n) => n.title);

/** Tab A with a design saved, and tab B opened on it afterwards. */
async function twoTabs() {
  const storage = new MemoryStorage();
  const a = await openTab(storage);
  a.addToLibrary({ ...sampleDesign(), name: 'Lab draft' });
  rename(a, 'Lab');
  a.flushSave();
  const id = a.useLibraryStore.getState().currentId!;
  const b = await openTab(storage);
  expect(b.useLibraryStore.getState().currentId).toBe(id);
  expect(present(b).name).toBe('Lab');
  // Opening a design another tab saved is not news.
  expect(titles(b).filter((t) => t.includes('another tab'))).toEqual([]);
  return { storage, a, b, id };
}

describe('two tabs on one design', () => {
  it('keeps a rename made in one tab when the other, opened earlier, saves an edit', async () => {
    const { storage, a, b, id } = await twoTabs();
    rename(a, 'Lab, renamed in A');
    a.flushSave();
    const resource = firstResourceId(b);
    renameResource(b, resource, 'edited-in-b');
    b.flushSave();
    const saved = stored(storage, id);
    expect(saved.name).toBe('Lab, renamed in A');
    expect(saved.resources[resource].name).toBe('edited-in-b');
    expect(present(b).name).toBe('Lab, renamed in A');
    expect(titles(b).join('\n')).toMatch(
      /Renamed in another tab to .Lab, renamed in A.; Nimbus kept your edit to .edited-in-b./,
    );
    // And A, told by the storage event, takes B's edit without losing its own.
    a.syncWithOtherTabs();
    expect(present(a).resources[resource]!.name).toBe('edited-in-b');
    expect(present(a).name).toBe('Lab, renamed in A');
  });

  it('loads the newer version in a tab with no edits of its own and says so', async () => {
    const { a, b } = await twoTabs();
    rename(a, 'Renamed elsewhere');
    a.flushSave();
    b.syncWithOtherTabs();
    expect(present(b).name).toBe('Renamed elsewhere');
    expect(titles(b)).toContain('Renamed in another tab to \u201cRenamed elsewhere\u201d.');
  });

  it('says which tab won when both changed the same thing, and the other version is one undo away', async () => {
    const { storage, a, b, id } = await twoTabs();
    const [resource, other] = Object.keys(present(a).resources).sort();
    renameResource(a, resource!, 'from-a');
    renameResource(a, other!, 'a-too');
    a.flushSave();
    renameResource(b, resource!, 'from-b');
    b.flushSave();
    expect(stored(storage, id).resources[resource!].name).toBe('from-b');
    expect(stored(storage, id).resources[other!].name).toBe('a-too');
    const notice = b.useViewStore.getState().notices.at(-1)!;
    expect(notice.title).toMatch(
      /changed in another tab; Nimbus loaded the newer version and kept your edit to .from-b./,
    );
    expect(notice.details?.[0]).toMatch(/Both tabs changed .from-b.: this tab.s edit won/);
    b.useDesignStore.getState().undo();
    expect(present(b).resources[resource!]!.name).toBe('from-a');
  });

  it('never saves a design deleted in another tab under a key the library no longer lists, and offers it back', async () => {
    const { storage, a, b, id } = await twoTabs();
    a.deleteEntry(id);
    expect(storage.getItem(designKey(id))).toBeNull();
    renameResource(b, firstResourceId(b), 'edited-after-delete');
    b.flushSave();
    expect(storage.getItem(designKey(id))).toBeNull();
    const offer = b.useViewStore.getState().notices.find((n) => n.title === 'Deleted in another tab: keep it?');
    expect(offer?.action?.label).toBe('Keep it');
    offer!.action!.run();
    const index = JSON.parse(storage.getItem(LIBRARY_KEY)!);
    expect(index.entries.map((e: { id: string }) => e.id)).toContain(id);
    expect(JSON.stringify(stored(storage, id))).toContain('edited-after-delete');
    // A's list, told by the storage event, shows it again.
    a.syncWithOtherTabs();
    expect(a.useLibraryStore.getState().entries.map((e) => e.id)).toContain(id);
  });

  it('puts a design deleted elsewhere back when the tab is left with edits and the offer unanswered', async () => {
    const { storage, a, b, id } = await twoTabs();
    a.deleteEntry(id);
    renameResource(b, firstResourceId(b), 'edited-after-delete');
    b.flushSave();
    expect(storage.getItem(designKey(id))).toBeNull();
    b.saveOnLeave();
    expect(JSON.stringify(stored(storage, id))).toContain('edited-after-delete');
  });

  it('puts a design deleted elsewhere back when the tab is left before its last edit was saved', async () => {
    const { storage, a, b, id } = await twoTabs();
    a.deleteEntry(id);
    // The edit is still inside the save delay when the tab closes: no save has seen the deletion yet.
    renameResource(b, firstResourceId(b), 'typed-just-before-closing');
    b.saveOnLeave();
    expect(JSON.stringify(stored(storage, id))).toContain('typed-just-before-closing');
  });

  it('an undo of the delete in the first tab leaves the copy another tab kept', async () => {
    const { storage, a, b, id } = await twoTabs();
    a.deleteEntry(id);
    renameResource(b, firstResourceId(b), 'kept-in-tab-b');
    b.flushSave();
    b.useViewStore
      .getState()
      .notices.find((n) => n.title === 'Deleted in another tab: keep it?')!
      .action!.run();
    a.useViewStore
      .getState()
      .notices.find((n) => n.title.startsWith('Deleted "'))!
      .action!.run();
    expect(JSON.stringify(stored(storage, id))).toContain('kept-in-tab-b');
    expect(titles(a).some((t) => t.includes('another tab kept it'))).toBe(true);
  });

  it('lets a design deleted elsewhere go when the tab is left without edits', async () => {
    const { storage, a, b, id } = await twoTabs();
    a.deleteEntry(id);
    b.syncWithOtherTabs();
    expect(titles(b)).toContain('Deleted in another tab: keep it?');
    b.saveOnLeave();
    expect(storage.getItem(designKey(id))).toBeNull();
  });

  it('keeps a copy of a list another tab wrote with entries this tab cannot read, before saving over it', async () => {
    const { storage, a, b } = await twoTabs();
    const index = JSON.parse(storage.getItem(LIBRARY_KEY)!);
    index.entries.push({ ...index.entries[0], id: 'Not An Id' });
    const written = JSON.stringify(index);
    storage.setItem(LIBRARY_KEY, written);
    rename(b, 'Saved after');
    b.flushSave();
    const backups = [...storage.items.keys()].filter((k) => k.startsWith('nimbus.unreadable.library.'));
    expect(backups.map((k) => storage.getItem(k))).toEqual([written]);
    expect(titles(b).join('\n')).toContain('1 entry in the list of your saved designs could not be read');
    void a;
  });

  it('keeps a design another tab added when this tab saves its own list', async () => {
    const { storage, a, b } = await twoTabs();
    a.addToLibrary({ ...sampleDesign(), name: 'Added in A' });
    rename(b, 'Lab, edited in B');
    b.flushSave();
    const names = JSON.parse(storage.getItem(LIBRARY_KEY)!).entries.map((e: { name: string }) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Lab, edited in B', 'Added in A']));
  });
});
