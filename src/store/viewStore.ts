import { create } from 'zustand';

/** View state, kept apart from the design: never saved, never undone. */
export type SidePanel = 'problems' | 'calculator';

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  title: string;
  details?: string[];
  action?: { label: string; run: () => void };
}

export interface ViewState {
  panel: SidePanel;
  selectedId: string | null;
  notices: Notice[];
  theme: 'light' | 'dark';
  showPanel: (panel: SidePanel) => void;
  select: (id: string | null) => void;
  notify: (notice: Omit<Notice, 'id'>) => number;
  dismiss: (id: number) => void;
  setTheme: (theme: 'light' | 'dark') => void;
}

let nextNoticeId = 1;

export const useViewStore = create<ViewState>()((set) => ({
  panel: 'problems',
  selectedId: null,
  notices: [],
  theme: 'light',
  showPanel: (panel) => set({ panel }),
  select: (selectedId) => set({ selectedId }),
  notify: (notice) => {
    const id = nextNoticeId++;
    set((state) => ({ notices: [...state.notices.filter((n) => n.title !== notice.title), { ...notice, id }] }));
    return id;
  },
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
  setTheme: (theme) => set({ theme }),
}));
