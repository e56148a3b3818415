import { create } from 'zustand';
import { emptyDesign, type Design } from '../domain';
import type { StorageLike } from './autosave';
import { useDesignStore } from './designStore';
import { downloadText } from './download';
import { startHistory } from './history';
import {
  copyName,
  designKey,
  entryFor,
  LIBRARY_KEY,
  newEntryId,
  openLibrary,
  readDesign,
  saveIndex,
  writeDesign,
  writeItem,
  type LibraryEntry,
  type LibraryIndex,
  type WriteResult,
} from './library';
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
}

export const useLibraryStore = create<LibraryState>()(() => ({
  entries: [],
  currentId: null,
  viewOnly: false,
  open: false,
  opened: 0,
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

const notify = (...args: Parameters<ReturnType<typeof useViewStore.getState>['notify']>) =>
  useViewStore.getState().notify(...args);

function index(): LibraryIndex {
  const { entries, currentId } = useLibraryStore.getState();
  return { version: 1, currentId, entries };
}

function commitIndex(next: LibraryIndex): WriteResult {
  useLibraryStore.setState({ entries: next.entries, currentId: next.currentId });
  return storage ? saveIndex(storage, next) : { ok: true };
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
function show(design: Design): void {
  // A running simulation, a half-picked flow and a stepped packet belong to the design they started from.
  if (useSimStore.getState().active) void stopSimulation();
  useTrafficView.setState({ tool: null, stepping: null });
  useDesignStore.setState({ history: startHistory(design), locked: useLibraryStore.getState().viewOnly });
  useViewStore.setState({ selection: [], pathHighlight: null, highlightedRule: null });
  lastSaved = design;
  thumbnailOf = null;
  useLibraryStore.setState((s) => ({ opened: s.opened + 1 }));
}

/** Saves the open design into its entry now (called after edits, before switching, on page hide). */
export function flushSave(force = false): void {
  clearTimeout(timer);
  const { currentId, viewOnly } = useLibraryStore.getState();
  const design = useDesignStore.getState().history.present;
  if (!storage || viewOnly || currentId === null) return;
  const now = Date.now();
  const changed = design !== lastSaved;
  const redraw = thumbnailOf !== design && (force || now - lastThumbnailAt > THUMBNAIL_EVERY_MS);
  if (!changed && !redraw) return;
  if (changed) {
    if (!report(writeDesign(storage, currentId, design))) return;
    lastSaved = design;
  }
  if (redraw) {
    lastThumbnailAt = now;
    thumbnailOf = design;
  }
  const entries = useLibraryStore.getState().entries.map((e) =>
    e.id === currentId
      ? {
          ...e,
          name: design.name,
          updatedAt: changed ? new Date(now).toISOString() : e.updatedAt,
          resourceCount: Object.keys(design.resources).length,
          thumbnail: redraw ? drawThumbnail(design) : e.thumbnail,
        }
      : e,
  );
  report(commitIndex({ ...index(), entries }));
}

/** Adds a design as a new entry and opens it; false (with a notice) when storage refuses. */
export function addToLibrary(design: Design, now = new Date()): boolean {
  flushSave(true);
  const entry = { ...entryFor(design, newEntryId(now), now), thumbnail: drawThumbnail(design) };
  if (storage && !report(writeDesign(storage, entry.id, design))) return false;
  const next = { version: 1 as const, currentId: entry.id, entries: [...index().entries, entry] };
  if (!report(commitIndex(next))) {
    storage?.removeItem(designKey(entry.id));
    return false;
  }
  leaveViewOnly();
  show(design);
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
  show(design);
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
  report(commitIndex({ ...index(), currentId: id }));
  leaveViewOnly();
  show(read.design);
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
  if (raw && raw.ok && storage) report(writeDesign(storage, id, { ...raw.design, name }));
  report(commitIndex({ ...index(), entries: index().entries.map((e) => (e.id === id ? { ...e, name } : e)) }));
}

export function duplicateEntry(id: string): void {
  if (!storage) return;
  flushSave(true);
  const read = readDesign(storage, id);
  if (!read.ok) return void notify({ tone: 'error', title: `That design could not be read: ${read.reason}.` });
  const name = copyName(read.design.name, index().entries);
  const now = new Date();
  const entry = { ...entryFor({ ...read.design, name }, newEntryId(now), now) };
  entry.thumbnail = index().entries.find((e) => e.id === id)?.thumbnail ?? '';
  if (!report(writeDesign(storage, entry.id, { ...read.design, name }))) return;
  report(commitIndex({ ...index(), entries: [...index().entries, entry] }));
}

/** Deletes an entry; the notice's Undo puts it back exactly. Deleting the open design opens another. */
export function deleteEntry(id: string): void {
  if (!storage) return;
  flushSave(true);
  const store = storage;
  const before = index();
  const entry = before.entries.find((e) => e.id === id);
  if (!entry) return;
  const raw = store.getItem(designKey(id));
  store.removeItem(designKey(id));
  const remaining = before.entries.filter((e) => e.id !== id);
  const viewOnly = useLibraryStore.getState().viewOnly;
  const wasOpen = before.currentId === id && !viewOnly;
  const next = [...remaining].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  // While viewing a link, the design being viewed stays on screen; the library just points elsewhere.
  commitIndex({
    ...before,
    entries: remaining,
    currentId: before.currentId === id ? (next?.id ?? null) : before.currentId,
  });
  if (wasOpen && (!next || !openEntry(next.id))) newDesignInLibrary();
  const noticeId = notify({
    tone: 'info',
    title: `Deleted "${entry.name}" from the library.`,
    action: {
      label: 'Undo',
      run: () => {
        if (raw !== null && !report(writeItem(store, designKey(id), raw))) return;
        report(commitIndex({ ...index(), entries: [...index().entries, entry] }));
        if (wasOpen) openEntry(id);
        useViewStore.getState().dismiss(noticeId);
      },
    },
  });
}

/** Shows a design from a `#view=` link: read-only, never saved, the library untouched. */
export function showReadOnly(design: Design): void {
  flushSave(true);
  useLibraryStore.setState({ viewOnly: true });
  show(design);
  useViewStore.setState({ panel: 'reach' });
}

export function setLibraryOpen(open: boolean): void {
  // The list shows the open design as it is now, thumbnail included.
  if (open) flushSave(true);
  useLibraryStore.setState({ open });
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
  const opened = openLibrary(store);
  if (opened.kind === 'rebuilt')
    notify({
      tone: 'error',
      title: 'The list of your saved designs could not be read, so Nimbus started a new list.',
      details: [
        `Reason: ${opened.reason}`,
        opened.backupKey
          ? `Nothing was deleted: the old list is kept in this browser as "${opened.backupKey}".`
          : 'Nothing was deleted.',
      ],
    });
  useLibraryStore.setState({ entries: opened.index.entries, currentId: opened.index.currentId, viewOnly: false });
  const current = opened.index.currentId;
  if (!(current !== null && openEntry(current))) {
    const recent = [...opened.index.entries].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    if (!recent.some((e) => e.id !== current && openEntry(e.id))) newDesignInLibrary();
  }
  const unsubscribe = useDesignStore.subscribe((state, previous) => {
    if (state.history.present === previous.history.present) return;
    clearTimeout(timer);
    timer = setTimeout(() => flushSave(), SAVE_DELAY_MS);
  });
  const onHide = () => flushSave(true);
  // Another tab changed the library: take its list, so this tab's next save doesn't write an old one back.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== LIBRARY_KEY || !storage) return;
    const fresh = openLibrary(storage);
    if (fresh.kind === 'ok') useLibraryStore.setState({ entries: fresh.index.entries });
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
