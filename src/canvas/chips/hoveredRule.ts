import { create } from 'zustand';

/**
 * The rule resource whose chip (or shelf pill) is hovered or focused, if any.
 * The canvas draws that resource's association edges as it draws the
 * selection's, so hovering a chip shows what else the rule set acts on.
 * View state only: never in the design, never an undo step.
 */
export const useHoveredRule = create<{ id: string | null }>(() => ({ id: null }));

export const setHoveredRule = (id: string | null) => {
  if (useHoveredRule.getState().id !== id) useHoveredRule.setState({ id });
};
