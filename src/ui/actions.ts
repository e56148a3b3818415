import {
  deleteResources,
  descendantsOf,
  duplicateResources,
  redoCommand,
  undoCommand,
  useDesignStore,
  useViewStore,
} from '../store';

/**
 * Every user action with its shortcut, so the keyboard handler and the
 * shortcut sheet (press ?) share one list.
 */
export interface Action {
  id: string;
  label: string;
  keys: string;
  matches: (event: KeyboardEvent) => boolean;
  perform: () => void;
}

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const view = () => useViewStore.getState();

/** Deletes the selection, asking first when containers would take their contents with them. */
export function requestDelete(ids: readonly string[]): void {
  if (ids.length === 0) return;
  const design = useDesignStore.getState().history.present;
  const inside = descendantsOf(design, ids);
  const names = ids.map((id) => design.resources[id]?.name ?? id).join(', ');
  const run = () => {
    const result = deleteResources(ids);
    view().setSelection([]);
    if (result.ok && result.message)
      view().notify({ tone: 'info', title: `${result.message} Undo (Ctrl+Z) brings them back.` });
  };
  if (inside.length === 0) return run();
  view().ask({
    title: `Delete ${names}?`,
    body: `${inside.length} resource${inside.length === 1 ? '' : 's'} inside will be deleted too. Routes that pointed at deleted gateways stay as blackholes, as in AWS.`,
    confirmLabel: `Delete ${inside.length + ids.length} resources`,
    onConfirm: run,
  });
}

export const ACTIONS: readonly Action[] = [
  {
    id: 'undo',
    label: 'Undo',
    keys: 'Ctrl+Z',
    matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
    perform: undoCommand,
  },
  {
    id: 'redo',
    label: 'Redo',
    keys: 'Ctrl+Shift+Z or Ctrl+Y',
    matches: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'),
    perform: redoCommand,
  },
  {
    id: 'delete',
    label: 'Delete the selection',
    keys: 'Delete or Backspace',
    matches: (e) => !mod(e) && (e.key === 'Delete' || e.key === 'Backspace'),
    perform: () => requestDelete(view().selection),
  },
  {
    id: 'copy',
    label: 'Copy the selection',
    keys: 'Ctrl+C',
    matches: (e) => mod(e) && e.key.toLowerCase() === 'c',
    perform: () => view().copy(view().selection),
  },
  {
    id: 'paste',
    label: 'Paste (a copy next to the original)',
    keys: 'Ctrl+V',
    matches: (e) => mod(e) && e.key.toLowerCase() === 'v',
    perform: () => {
      const result = duplicateResources(view().clipboard);
      if (!result.ok && view().clipboard.length > 0) view().notify({ tone: 'info', title: result.reason });
    },
  },
  {
    id: 'duplicate',
    label: 'Duplicate the selection',
    keys: 'Ctrl+D',
    matches: (e) => mod(e) && e.key.toLowerCase() === 'd',
    perform: () => {
      const result = duplicateResources(view().selection);
      if (!result.ok) view().notify({ tone: 'info', title: result.reason });
    },
  },
  {
    id: 'deselect',
    label: 'Clear the selection',
    keys: 'Escape',
    matches: (e) => e.key === 'Escape',
    perform: () => view().setSelection([]),
  },
  {
    id: 'shortcuts',
    label: 'Show keyboard shortcuts',
    keys: '?',
    matches: (e) => e.key === '?',
    perform: () => view().setShortcutsOpen(!view().shortcutsOpen),
  },
];

export const MOUSE_GESTURES: ReadonlyArray<[string, string]> = [
  ['Drag from the palette', 'add a resource where you drop it'],
  ['Drag a node', 'move it; drop an instance on another subnet to move it there'],
  ['Drag from a dot on a node’s side to another node', 'connect: associate, route, attach, add to a group'],
  ['Shift/Ctrl+click or Shift+drag', 'select several'],
  ['Scroll or pinch', 'zoom; drag the background to pan'],
];
