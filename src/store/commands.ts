import type { Design } from '../domain';
import { useDesignStore } from './designStore';

/** Named design commands, so menus, shortcuts and panels share one implementation. */
export const renameDesign = (name: string): void =>
  useDesignStore.getState().apply((draft) => void (draft.name = name), { coalesceKey: 'rename-design' });

export const openDesign = (design: Design): void => useDesignStore.getState().replace(design);

export const undoCommand = (): void => useDesignStore.getState().undo();
export const redoCommand = (): void => useDesignStore.getState().redo();
