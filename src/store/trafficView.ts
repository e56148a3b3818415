import { create } from 'zustand';
import { useViewStore } from './viewStore';

/**
 * How the user is looking at traffic: the flow picked in the panel, step mode
 * (one packet, hop by hop), and the canvas traffic tool (source, then destination).
 */
export interface TrafficView {
  /** Step mode: the flow whose packet is stepped and the step it is at. */
  stepping: { flowId: string; index: number } | null;
  /** The traffic tool: null when off, else the source picked so far. */
  tool: { source: string | null } | null;
  startStepping: (flowId: string) => void;
  stepTo: (index: number) => void;
  stopStepping: () => void;
  setTool: (tool: TrafficView['tool']) => void;
}

export const useTrafficView = create<TrafficView>()((set) => ({
  stepping: null,
  tool: null,
  startStepping: (flowId) => set({ stepping: { flowId, index: 0 } }),
  stepTo: (index) => set((s) => (s.stepping ? { stepping: { ...s.stepping, index } } : s)),
  stopStepping: () => set({ stepping: null }),
  setTool: (tool) => set({ tool }),
}));

// Leaving the Traffic tab ends step mode, so the canvas goes back to live traffic.
useViewStore.subscribe((state, previous) => {
  if (state.panel !== previous.panel && state.panel !== 'traffic' && useTrafficView.getState().stepping)
    useTrafficView.getState().stopStepping();
});
