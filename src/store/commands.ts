import type { Design } from '../domain';
import { useDesignStore } from './designStore';
import { openAsNewDesign } from './libraryStore';
import { MAX_NAME_LENGTH } from './names';

/** Named design commands, so menus, shortcuts and panels share one implementation. */

export const renameDesign = (name: string): void =>
  useDesignStore
    .getState()
    .apply((draft) => void (draft.name = name.slice(0, MAX_NAME_LENGTH)), { coalesceKey: 'rename-design' });

/** Opens a design (template, file, import) as a new library entry; false when storage refused (with a notice). */
export const openDesign = (design: Design): boolean => openAsNewDesign(design);

export const undoCommand = (): void => useDesignStore.getState().undo();
export const redoCommand = (): void => useDesignStore.getState().redo();
