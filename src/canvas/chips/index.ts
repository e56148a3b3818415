/**
 * Rule sets drawn where they act: the chip derivation (pure), the chips a node
 * mounts on its border, and the one tooltip a canvas mounts for all of them.
 */
export { ruleChipsOf, type RuleChip } from './ruleChips';
export { RuleChips } from './RuleChips';
export { ChipTooltip } from './ChipTooltip';
export { useHoveredRule, setHoveredRule } from './hoveredRule';
