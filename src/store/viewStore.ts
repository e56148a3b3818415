import { create } from 'zustand';
import type { RuleRef } from '../engine';
import type { PacketProtocol } from '../domain';

/** View state, kept apart from the design: never saved, never undone. */
export type SidePanel = 'inspector' | 'reach' | 'simulation' | 'traffic' | 'problems' | 'calculator' | 'learn';

export interface Notice {
  id: number;
  /** `warning`: it opened, but not all of it (a set-aside resource). */
  tone: 'error' | 'warning' | 'info';
  title: string;
  details?: string[];
  action?: { label: string; run: () => void };
  /** What the notice is news of: a newer notice on the same topic replaces it (the last design opened, not every one). */
  topic?: 'opened';
}

export interface PointerMessage {
  x: number;
  y: number;
  text: string;
  tone: 'refusal' | 'info';
  nonce: number;
}

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
}

export interface ViewState {
  panel: SidePanel;
  /** Selected resource ids; the last one is shown in the inspector. */
  selection: string[];
  /** Asks the canvas to centre a resource; the nonce repeats a request for the same id. */
  focus: { id: string; nonce: number } | null;
  notices: Notice[];
  pointerMessage: PointerMessage | null;
  confirm: ConfirmRequest | null;
  clipboard: string[];
  shortcutsOpen: boolean;
  /** The resources on the last analysed path, and the one that blocked it, to light up on the canvas. */
  pathHighlight: { onPath: string[]; blocked: string | null } | null;
  /** A source picked from the canvas ("Can this reach…?"); the panel reads it once. */
  reachSource: string | null;
  /** The reachability question on screen, kept while the user looks at a hop in the inspector. */
  reachForm: { from: string; to: string | null; protocol: PacketProtocol; port: number };
  /** The rule row a clicked hop points at, shown highlighted in the inspector. */
  highlightedRule: { resourceId: string; ref: RuleRef } | null;
  theme: 'light' | 'dark';
  showPanel: (panel: SidePanel) => void;
  select: (id: string | null) => void;
  setSelection: (ids: string[]) => void;
  focusOn: (id: string) => void;
  /** Brings a resource into view without selecting it (step mode follows the packet). */
  panTo: (id: string) => void;
  notify: (notice: Omit<Notice, 'id'>) => number;
  dismiss: (id: number) => void;
  sayAtPointer: (x: number, y: number, text: string, tone?: PointerMessage['tone']) => void;
  clearPointerMessage: () => void;
  ask: (request: ConfirmRequest | null) => void;
  copy: (ids: string[]) => void;
  setShortcutsOpen: (open: boolean) => void;
  highlightPath: (highlight: ViewState['pathHighlight']) => void;
  askReachFrom: (id: string | null) => void;
  setReachForm: (form: Partial<ViewState['reachForm']>) => void;
  showRule: (resourceId: string, ref: RuleRef | undefined) => void;
  setTheme: (theme: 'light' | 'dark') => void;
}

let nextNoticeId = 1;
let nonce = 1;

export const useViewStore = create<ViewState>()((set) => ({
  panel: 'problems',
  selection: [],
  focus: null,
  notices: [],
  pointerMessage: null,
  confirm: null,
  clipboard: [],
  shortcutsOpen: false,
  pathHighlight: null,
  reachSource: null,
  reachForm: { from: 'internet', to: null, protocol: 'tcp', port: 443 },
  highlightedRule: null,
  theme: 'light',
  showPanel: (panel) => set({ panel }),
  select: (id) => set({ selection: id ? [id] : [] }),
  setSelection: (selection) => set((state) => (sameList(state.selection, selection) ? state : { selection })),
  focusOn: (id) => set({ selection: [id], focus: { id, nonce: nonce++ } }),
  panTo: (id) => set({ focus: { id, nonce: nonce++ } }),
  notify: (notice) => {
    const id = nextNoticeId++;
    const replaced = (n: Notice) =>
      n.title === notice.title || (notice.topic !== undefined && n.topic === notice.topic);
    set((state) => ({ notices: [...state.notices.filter((n) => !replaced(n)), { ...notice, id }] }));
    return id;
  },
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
  sayAtPointer: (x, y, text, tone = 'refusal') => set({ pointerMessage: { x, y, text, tone, nonce: nonce++ } }),
  clearPointerMessage: () => set({ pointerMessage: null }),
  ask: (confirm) => set({ confirm }),
  copy: (clipboard) => set({ clipboard }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  highlightPath: (pathHighlight) => set({ pathHighlight }),
  setReachForm: (form) => set((state) => ({ reachForm: { ...state.reachForm, ...form } })),
  showRule: (resourceId, ref) =>
    set({
      selection: [resourceId],
      focus: { id: resourceId, nonce: nonce++ },
      highlightedRule: ref ? { resourceId, ref } : null,
      panel: 'inspector',
    }),
  askReachFrom: (reachSource) => set(reachSource ? { reachSource, panel: 'reach' } : { reachSource }),
  setTheme: (theme) => set({ theme }),
}));

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export const selectPrimarySelection = (state: ViewState): string | null =>
  state.selection[state.selection.length - 1] ?? null;
