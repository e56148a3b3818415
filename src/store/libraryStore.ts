import { create } from 'zustand';
import { emptyDesign, type Design } from '../domain';
import { UNREADABLE_PREFIX, type StorageLike } from './autosave';
import { useDesignStore, withPositions } from './designStore';
import { downloadText } from './download';
import { startHistory } from './history';
import {
  copyName,
  designKey,
  entryFor,
  LIBRARY_KEY,
  libraryBackups,
  newEntryId,
  openLibrary,
  parseIndex,
  readDesign,
  serializeIndex,
  writeDesign,
  writeItem,
  type LibraryEntry,
  type ReadDesign,
  type WriteResult,
} from './library';
import { listInWords, mergeDesigns } from './merge';
import { stopSimulation, useSimStore } from './simStore';
import { MAX_NAME_LENGTH } from './names';
import { noticeSetAside } from './setAsideNotice';
import { useTrafficView } from './trafficView';
import { useViewStore } from './viewStore';

/**
 * The library as the app sees it: the entries, which one is open, and whether
 * the open design is a read-only view of a link. Every change to the open
 * design is saved to its entry after a short pause; a view is never saved.
 */
export interface LibraryState {
  entries: LibraryEntry[];
  currentId: string | null;
  /** Set while showing a `#view=` link: nothing can be edited and nothing is saved. */
  viewOnly: boolean;
  /** The library list dialog. */
  open: boolean;
  /** Counts designs put on screen, so the canvas knows to fit the new one into view. */
  opened: number;
  /** Whether the library has opened the user's design (start-up waits for the readers of stored text). */
  started: boolean;
}

export const useLibraryStore = create<LibraryState>()(() => ({
  entries: [],
  currentId: null,
  viewOnly: false,
  open: false,
  opened: 0,
  started: false,
}));

const SAVE_DELAY_MS = 300;
/** Thumbnails cost a layout pass, so they are redrawn at most this often while editing. */
const THUMBNAIL_EVERY_MS = 4000;

let storage: StorageLike | null = null;
let drawThumbnail: (design: Design) => string = () => '';
let lastSaved: Design | null = null;
let lastThumbnailAt = 0;
/** The design the open entry's thumbnail was drawn from. */
let thumbnailOf: Design | null = null;
let failing = false;
let timer: ReturnType<typeof setTimeout> | undefined;
/** The revision of the open entry that the design on screen was loaded or last saved as: edits are made on it. */
let openRevision = 0;
/** The index text this tab last read or wrote; anything else in storage was written by another tab. */
let knownIndexRaw: string | null = null;
/** The open design, deleted in another tab and offered back; its latest state, to keep if the user says so. */
let deletedElsewhere: { id: string; design: Design; noticeId: number; edited: boolean } | null = null;
/** The last "changed in another tab" notice, replaced rather than stacked. */
let tabNoticeId: number | null = null;

const notify = (...args: Parameters<ReturnType<typeof useViewStore.getState>['notify']>) =>
  useViewStore.getState().notify(...args);

const entries = () => useLibraryStore.getState().entries;
const present = () => useDesignStore.getState().history.present;

/** Takes the list another tab saved since this tab last looked, so no change of theirs is written over. */
function refreshEntries(): void {
  if (!storage) return;
  const raw = storage.getItem(LIBRARY_KEY);
  // Nothing stored (or storage gone): this tab's list is all there is; an unreadable one is set aside at the next start.
  if (raw === null || raw === knownIndexRaw) return;
  knownIndexRaw = raw;
  const parsed = parseIndex(raw);
  // Entries this tab can't read (written by hand, or by a newer Nimbus) are about to be left out of the
  // next save: keep the list as it was first, as at start-up.
  if (!parsed.ok || parsed.unreadable > 0) {
    const backupKey = `${UNREADABLE_PREFIX}library.${new Date().toISOString()}`;
    const kept = writeItem(storage, backupKey, raw).ok;
    noticeRebuilt({
      kind: 'rebuilt',
      index: parsed.ok ? parsed.index : { version: 1, currentId: null, entries: entries() },
      backupKey: kept ? backupKey : null,
      reason: parsed.ok ? (parsed.reason ?? 'unexpected shape') : parsed.reason,
      unreadable: parsed.ok ? parsed.unreadable : 'all',
      recovered: 0,
      raw,
    });
  }
  if (parsed.ok) useLibraryStore.setState({ entries: parsed.index.entries });
}

/**
 * Changes the list as stored now (read again first, so another tab's rename
 * or new design survives), then saves it with this tab's open entry.
 */
function commitIndex(
  change: (entries: LibraryEntry[]) => LibraryEntry[],
  currentId: string | null = useLibraryStore.getState().currentId,
): WriteResult {
  refreshEntries();
  const next = { version: 1 as const, currentId, entries: change(entries()) };
  useLibraryStore.setState({ entries: next.entries, currentId });
  if (!storage) return { ok: true };
  const text = serializeIndex(next);
  const result = writeItem(storage, LIBRARY_KEY, text);
  if (result.ok) knownIndexRaw = text;
  return result;
}

function tabNotice(notice: Parameters<typeof notify>[0]): void {
  if (tabNoticeId !== null) useViewStore.getState().dismiss(tabNoticeId);
  tabNoticeId = notify(notice);
}

/**
 * Another tab saved the open design since its revision here: put the newer
 * version on screen, with this tab's unsaved edits merged field by field, and
 * say what happened. Returns false when nothing safe could be done.
 */
function takeNewer(theirs: Design, revision: number): boolean {
  const base = lastSaved ?? emptyDesign();
  const mine = present();
  const merged = mine === base ? null : mergeDesigns(base, mine, theirs);
  if (mine !== base && !merged) {
    // The two versions can't be joined: this tab's becomes a design of its own, the other's opens.
    const copy = { ...mine, name: copyName(mine.name, entries()) };
    const now = new Date();
    const entry = { ...entryFor(copy, newEntryId(now), now), thumbnail: drawThumbnail(copy) };
    if (!storage || !report(writeDesign(storage, entry.id, copy))) return false;
    if (!report(commitIndex((list) => [...list, entry]))) return false;
    tabNotice({
      tone: 'warning',
      title: `This design changed in another tab and the two versions could not be joined. Nimbus loaded the newer version and kept this tab\u2019s as \u201c${copy.name}\u201d in your library.`,
    });
    replaceOnScreen(theirs, theirs, revision);
    return true;
  }
  const changedThere = merged?.theirs ?? mergeDesigns(base, base, theirs)?.theirs ?? [];
  const renamedOnly = changedThere.length === 1 && changedThere[0] === 'the name';
  const kept = merged?.kept ?? [];
  const keptText = kept.length > 0 ? ` and kept your edit to ${listInWords(kept)}` : '';
  tabNotice({
    tone: 'info',
    title: renamedOnly
      ? kept.length > 0
        ? `Renamed in another tab to \u201c${theirs.name}\u201d; Nimbus kept your edit to ${listInWords(kept)}.`
        : `Renamed in another tab to \u201c${theirs.name}\u201d.`
      : `This design changed in another tab; Nimbus loaded the newer version${keptText}.`,
    ...(merged && merged.conflicts.length > 0
      ? {
          details: [
            `Both tabs changed ${listInWords(merged.conflicts)}: this tab\u2019s edit won. Undo brings back the other tab\u2019s.`,
          ],
        }
      : {}),
  });
  replaceOnScreen(merged?.design ?? theirs, theirs, revision, merged !== null);
  return true;
}

/**
 * Swaps the design on screen for a newer version of the same entry, keeping
 * the view where it is. After a merge, one undo step leads to the other tab's
 * version as it saved it, so a merge can be taken back.
 */
function replaceOnScreen(design: Design, saved: Design, revision: number, merged = false): void {
  useDesignStore.setState({ history: { ...startHistory(withPositions(design)), past: merged ? [saved] : [] } });
  const { selection } = useViewStore.getState();
  useViewStore.setState({ selection: selection.filter((id) => Object.hasOwn(design.resources, id)) });
  lastSaved = saved;
  openRevision = revision;
  thumbnailOf = null;
}

/** The open design is no longer in the library (deleted in another tab): offer it back, save nothing meanwhile. */
function offerDeleted(id: string): void {
  // Edits made here since the last save: work the other tab never saw.
  const edited = present() !== lastSaved;
  if (deletedElsewhere?.id === id) {
    deletedElsewhere.design = present();
    deletedElsewhere.edited ||= edited;
    return;
  }
  const design = present();
  const noticeId = notify({
    tone: 'warning',
    title: 'Deleted in another tab: keep it?',
    details: [
      `\u201c${design.name}\u201d is still open here. Keep it puts it back in your library; edits made here bring it back when you leave this tab.`,
    ],
    action: { label: 'Keep it', run: keepDeleted },
  });
  deletedElsewhere = { id, design, noticeId, edited };
}

function keepDeleted(): void {
  const offer = deletedElsewhere;
  if (!offer || !storage) return;
  const open = useLibraryStore.getState().currentId === offer.id;
  const design = open ? present() : offer.design;
  const now = new Date();
  const revision = open ? openRevision + 1 : 0;
  const entry = { ...entryFor(design, offer.id, now), thumbnail: drawThumbnail(design), revision };
  if (!report(writeDesign(storage, offer.id, design))) return;
  if (!report(commitIndex((list) => [...list.filter((e) => e.id !== offer.id), entry]))) return;
  if (open) {
    lastSaved = design;
    openRevision = revision;
  }
  deletedElsewhere = null;
  useViewStore.getState().dismiss(offer.noticeId);
}

/**
 * Before saving, and whenever another tab writes: is the open entry still as
 * this tab last saw it? Returns whether saving it now is safe.
 */
function reconcileOpenEntry(): boolean {
  refreshEntries();
  const { currentId, viewOnly } = useLibraryStore.getState();
  if (!storage || viewOnly || currentId === null) return true;
  const entry = entries().find((e) => e.id === currentId);
  if (!entry) {
    offerDeleted(currentId);
    return false;
  }
  if (deletedElsewhere?.id === currentId) {
    // Put back by the other tab (its Undo): carry on saving, nothing to offer.
    useViewStore.getState().dismiss(deletedElsewhere.noticeId);
    deletedElsewhere = null;
  }
  if (entry.revision === openRevision) return true;
  const read = readDesign(storage, currentId);
  return read.ok && takeNewer(read.design, entry.revision);
}

function report(result: WriteResult): boolean {
  if (result.ok) {
    failing = false;
    return true;
  }
  if (!failing) notify({ tone: 'error', title: result.message });
  failing = true;
  return false;
}

/** Back to the user's own designs from a view link: the address stops pointing at the viewed design. */
function leaveViewOnly(): void {
  if (!useLibraryStore.getState().viewOnly) return;
  useLibraryStore.setState({ viewOnly: false });
  if (typeof location !== 'undefined' && /^#view=/.test(location.hash))
    history.replaceState(null, '', location.pathname + location.search);
}

/** Puts a design on screen with a fresh undo history (undo never crosses designs). */
function show(design: Design, revision: number): void {
  // A running simulation, a half-picked flow and a stepped packet belong to the design they started from.
  if (useSimStore.getState().active) void stopSimulation();
  useTrafficView.setState({ tool: null, stepping: null });
  // Positions once: whatever has none (a template, a lesson, an import, a file, a link) is placed now and,
  // unless this is a view link, saved that way with the next save; it is part of opening, not an undo step.
  useDesignStore.setState({
    history: startHistory(withPositions(design)),
    locked: useLibraryStore.getState().viewOnly,
  });
  useViewStore.setState({ selection: [], pathHighlight: null, highlightedRule: null });
  lastSaved = design;
  openRevision = revision;
  thumbnailOf = null;
  useLibraryStore.setState((s) => ({ opened: s.opened + 1 }));
}

/** Saves the open design into its entry now (called after edits, before switching, on page hide). */
export function flushSave(force = false): void {
  clearTimeout(timer);
  const { currentId, viewOnly } = useLibraryStore.getState();
  if (!storage || viewOnly || currentId === null) return;
  if (!reconcileOpenEntry()) return;
  const design = present();
  const now = Date.now();
  const changed = design !== lastSaved;
  const redraw = thumbnailOf !== design && (force || now - lastThumbnailAt > THUMBNAIL_EVERY_MS);
  if (!changed && !redraw) return;
  if (changed) {
    if (!report(writeDesign(storage, currentId, design))) return;
    lastSaved = design;
    openRevision += 1;
  }
  if (redraw) {
    lastThumbnailAt = now;
    thumbnailOf = design;
  }
  const revision = openRevision;
  report(
    commitIndex((list) =>
      list.map((e) =>
        e.id === currentId
          ? {
              ...e,
              name: design.name,
              updatedAt: changed ? new Date(now).toISOString() : e.updatedAt,
              resourceCount: Object.keys(design.resources).length,
              thumbnail: redraw ? drawThumbnail(design) : e.thumbnail,
              revision,
            }
          : e,
      ),
    ),
  );
}

/** Adds a design as a new entry and opens it; false (with a notice) when storage refuses. */
export function addToLibrary(opening: Design, now = new Date()): boolean {
  flushSave(true);
  const design = withPositions(opening);
  const entry = { ...entryFor(design, newEntryId(now), now), thumbnail: drawThumbnail(design) };
  if (storage && !report(writeDesign(storage, entry.id, design))) return false;
  if (!report(commitIndex((list) => [...list, entry], entry.id))) {
    storage?.removeItem(designKey(entry.id));
    return false;
  }
  leaveViewOnly();
  show(design, entry.revision);
  return true;
}

/** A design nobody has touched yet: opening something else into it loses nothing. */
function isBlank(design: Design): boolean {
  return (
    Object.keys(design.resources).length === 0 &&
    !design.setAside &&
    !design.flows?.length &&
    design.name === emptyDesign().name
  );
}

/**
 * Opens a template, file or import as a new design in the library, so the
 * design that was open stays as it was (a blank, untouched design is reused
 * rather than left behind as clutter).
 */
export function openAsNewDesign(design: Design): boolean {
  const { currentId, viewOnly } = useLibraryStore.getState();
  if (viewOnly || currentId === null || !isBlank(useDesignStore.getState().history.present))
    return addToLibrary(design);
  show(design, openRevision);
  // show() treats the design as saved (it normally comes from storage); this one is new to the entry.
  lastSaved = null;
  flushSave(true);
  return true;
}

export function openEntry(id: string): boolean {
  if (!storage) return false;
  flushSave(true);
  const read = readDesign(storage, id);
  if (!read.ok) {
    const name = useLibraryStore.getState().entries.find((e) => e.id === id)?.name ?? id;
    notify({
      tone: 'error',
      title: `"${name}" could not be opened: ${read.reason}. It stays in the library untouched.`,
      ...(read.raw !== null
        ? { action: { label: 'Download its stored copy', run: () => downloadText(`${id}.json`, read.raw!) } }
        : {}),
    });
    return false;
  }
  const revision = entries().find((e) => e.id === id)?.revision ?? 0;
  report(commitIndex((list) => list, id));
  leaveViewOnly();
  show(read.design, revision);
  noticeSetAside(read.setAside);
  return true;
}

export const newDesignInLibrary = (): boolean => addToLibrary(emptyDesign());

export function renameEntry(id: string, newName: string): void {
  const name = newName.slice(0, MAX_NAME_LENGTH);
  const { currentId, viewOnly } = useLibraryStore.getState();
  if (id === currentId && !viewOnly) {
    useDesignStore.getState().apply((draft) => {
      draft.name = name;
    });
    flushSave();
    return;
  }
  const raw = storage && readDesign(storage, id);
  const rewritten = !!raw && raw.ok && !!storage && report(writeDesign(storage, id, { ...raw.design, name }));
  // A new revision tells a tab that has this design open to load the new name.
  report(
    commitIndex((list) =>
      list.map((e) => (e.id === id ? { ...e, name, revision: e.revision + (rewritten ? 1 : 0) } : e)),
    ),
  );
}

export function duplicateEntry(id: string): void {
  if (!storage) return;
  flushSave(true);
  const read = readDesign(storage, id);
  if (!read.ok) return void notify({ tone: 'error', title: `That design could not be read: ${read.reason}.` });
  const name = copyName(read.design.name, entries());
  const now = new Date();
  const entry = { ...entryFor({ ...read.design, name }, newEntryId(now), now) };
  entry.thumbnail = entries().find((e) => e.id === id)?.thumbnail ?? '';
  if (!report(writeDesign(storage, entry.id, { ...read.design, name }))) return;
  report(commitIndex((list) => [...list, entry]));
}

/** Deletes an entry; the notice's Undo puts it back exactly. Deleting the open design opens another. */
export function deleteEntry(id: string): void {
  if (!storage) return;
  flushSave(true);
  const store = storage;
  refreshEntries();
  const { currentId, viewOnly } = useLibraryStore.getState();
  const entry = entries().find((e) => e.id === id);
  if (!entry) return;
  const raw = store.getItem(designKey(id));
  store.removeItem(designKey(id));
  const remaining = entries().filter((e) => e.id !== id);
  const wasOpen = currentId === id && !viewOnly;
  const next = [...remaining].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  // While viewing a link, the design being viewed stays on screen; the library just points elsewhere.
  // Deleting the open design leaves no entry open until the next one is read, so nothing is compared with it.
  commitIndex(
    (list) => list.filter((e) => e.id !== id),
    currentId === id ? (wasOpen ? null : (next?.id ?? null)) : currentId,
  );
  if (wasOpen && (!next || !openEntry(next.id))) newDesignInLibrary();
  const noticeId = notify({
    tone: 'info',
    title: `Deleted "${entry.name}" from the library.`,
    action: {
      label: 'Undo',
      run: () => {
        useViewStore.getState().dismiss(noticeId);
        // Another tab may have kept it meanwhile ("Deleted in another tab: keep it?"): its copy wins.
        refreshEntries();
        if (entries().some((e) => e.id === id)) {
          notify({ tone: 'info', title: `"${entry.name}" is back already: another tab kept it.` });
          return;
        }
        if (raw !== null && !report(writeItem(store, designKey(id), raw))) return;
        // One revision past any this design had, so a tab that still has it open never mistakes it for older.
        report(
          commitIndex((list) => [
            ...list.filter((e) => e.id !== id),
            { ...entry, revision: (entry.revision ?? 0) + 2 },
          ]),
        );
        if (wasOpen) openEntry(id);
      },
    },
  });
}

/** Shows a design from a `#view=` link: read-only, never saved, the library untouched. */
export function showReadOnly(design: Design): void {
  flushSave(true);
  useLibraryStore.setState({ viewOnly: true });
  show(design, openRevision);
  useViewStore.setState({ panel: 'reach' });
}

export function setLibraryOpen(open: boolean): void {
  // The list shows the open design as it is now, thumbnail included.
  if (open) flushSave(true);
  useLibraryStore.setState({ open });
}

/** The page is going away (pagehide): save now. */
export function saveOnLeave(): void {
  // Saving first notices a deletion elsewhere that arrived since the last save.
  flushSave(true);
  // Left with "keep it?" unanswered: edits made here after the other tab deleted the design are not thrown away,
  // including ones still waiting for the save delay when the offer appeared.
  if (deletedElsewhere && (deletedElsewhere.edited || present() !== lastSaved)) keepDeleted();
}

/**
 * Reads what other tabs saved (the `storage` event calls it): their list, and
 * their newer version of the open design, merged with this tab's unsaved edits.
 */
export function syncWithOtherTabs(): void {
  if (!storage) return;
  // After a merge this tab's edits are not stored yet: store them now, before the other tab writes again.
  if (reconcileOpenEntry() && present() !== lastSaved) flushSave();
}

function noticeRebuilt(opened: Extract<ReturnType<typeof openLibrary>, { kind: 'rebuilt' }>): void {
  const some = opened.unreadable !== 'all';
  const count = some ? `${opened.unreadable} entr${opened.unreadable === 1 ? 'y' : 'ies'}` : '';
  notify({
    tone: 'error',
    title: some
      ? `${count} in the list of your saved designs could not be read; every other design is listed as before.`
      : 'The list of your saved designs could not be read, so Nimbus rebuilt it from the designs it found.',
    details: [
      `Reason: ${opened.reason}`,
      ...(opened.recovered > 0 ? [`Found again from their own copies: ${opened.recovered} designs.`] : []),
      opened.backupKey
        ? `Nothing was deleted: the old list is kept in this browser as "${opened.backupKey}"; the Library offers it.`
        : 'There was no room to keep the old list in this browser: download it to keep it.',
    ],
    action: opened.backupKey
      ? { label: 'Open the library', run: () => setLibraryOpen(true) }
      : // No room to keep it in the browser (storage full): the old list can still leave as a file.
        { label: 'Download the old list', run: () => downloadText('nimbus-library-unreadable.json', opened.raw) },
  });
}

/** Lists of designs kept aside because they could not be fully read, with their text, newest first. */
export function libraryBackupsNow(): { key: string; at: string; raw: string }[] {
  if (!storage) return [];
  const store = storage;
  return libraryBackups(store).flatMap((b) => {
    const raw = store.getItem(b.key);
    return raw === null ? [] : [{ ...b, raw }];
  });
}

/** Roughly how many characters Nimbus keeps in browser storage. */
export function storedCharacters(): number {
  if (!storage) return 0;
  const store = storage;
  return (store.keys?.() ?? [])
    .filter((key) => key.startsWith('nimbus.'))
    .reduce((n, key) => n + key.length + (store.getItem(key)?.length ?? 0), 0);
}

/**
 * Opens the library at start-up and keeps the open design saved. Returns a
 * function that stops saving (for tests and hot reload).
 */
export function startLibrary(store: StorageLike, thumbnail: (design: Design) => string = () => ''): () => void {
  storage = store;
  drawThumbnail = thumbnail;
  // Whatever is in memory before the library opens is not the user's work: never save it over an entry.
  lastSaved = useDesignStore.getState().history.present;
  thumbnailOf = lastSaved;
  openRevision = 0;
  deletedElsewhere = null;
  tabNoticeId = null;
  const opened = openLibrary(store);
  knownIndexRaw = store.getItem(LIBRARY_KEY);
  if (opened.kind === 'rebuilt') noticeRebuilt(opened);
  // No entry is open until one is read: the empty design in memory must not be compared with, or saved into, one.
  useLibraryStore.setState({ entries: opened.index.entries, currentId: null, viewOnly: false });
  const current = opened.index.currentId;
  if (!(current !== null && openEntry(current))) {
    const recent = [...opened.index.entries].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    if (!recent.some((e) => e.id !== current && openEntry(e.id))) newDesignInLibrary();
  }
  useLibraryStore.setState({ started: true });
  const unsubscribe = useDesignStore.subscribe((state, previous) => {
    if (state.history.present === previous.history.present) return;
    clearTimeout(timer);
    timer = setTimeout(() => flushSave(), SAVE_DELAY_MS);
  });
  const onHide = saveOnLeave;
  // Another tab changed the library: take its list, and its newer version of the open design.
  const onStorage = (event: StorageEvent) => {
    if (event.key === LIBRARY_KEY || event.key === null) syncWithOtherTabs();
  };
  const hasWindow = typeof window !== 'undefined';
  if (hasWindow) {
    window.addEventListener('pagehide', onHide);
    window.addEventListener('storage', onStorage);
  }
  return () => {
    unsubscribe();
    clearTimeout(timer);
    if (hasWindow) {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('storage', onStorage);
    }
    storage = null;
  };
}

/** A library entry's stored design, read without opening it (Compare with…); null when no library is running. */
export function readLibraryDesign(id: string): ReadDesign | null {
  return storage ? readDesign(storage, id) : null;
}
