import type { Flow } from '../domain';
import { useDesignStore } from './designStore';
import { MAX_NAME_LENGTH } from './names';

/** Traffic flows are part of the design: each change is one undoable command. */
export function addFlow(flow: Omit<Flow, 'id'>): string {
  const taken = new Set((useDesignStore.getState().history.present.flows ?? []).map((f) => f.id));
  let n = taken.size + 1;
  while (taken.has(`flow-${n}`)) n++;
  const id = `flow-${n}`;
  useDesignStore.getState().apply((draft) => {
    (draft.flows ??= []).push({ ...flow, name: flow.name.slice(0, MAX_NAME_LENGTH), id });
  });
  return id;
}

export function updateFlow(id: string, change: Partial<Omit<Flow, 'id'>>, field?: string): void {
  useDesignStore.getState().apply(
    (draft) => {
      const flow = draft.flows?.find((f) => f.id === id);
      if (flow) Object.assign(flow, change);
    },
    field ? { coalesceKey: `flow:${id}:${field}` } : undefined,
  );
}

export function removeFlow(id: string): void {
  useDesignStore.getState().apply((draft) => {
    draft.flows = (draft.flows ?? []).filter((f) => f.id !== id);
  });
}
