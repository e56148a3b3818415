/**
 * A VPC's rule resources as one strip of pills: the shelf's derivation (pure:
 * which pills, in what order, where, with what words) and the pill node that
 * draws each one and connects it by dragging.
 */
export {
  isShelfKind,
  pillFactsOf,
  shelfOf,
  PILL_GAP,
  PILL_HEIGHT,
  PILL_WIDTH,
  type PillFacts,
  type Shelf,
  type ShelfKind,
  type ShelfPill as ShelfPillFacts,
} from './shelf';
export { ShelfPill, shelfPill } from './ShelfPill';
