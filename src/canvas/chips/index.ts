/** Rule sets drawn where they act: the chip derivation (pure) and the chips a node mounts on its border. */
export { ruleChipsOf, type RuleChip } from './ruleChips';
export { RuleChips } from './RuleChips';
