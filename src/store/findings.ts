import { validateDesign, type Finding } from '../engine';
import type { Design } from '../domain';

/** Validation is cheap and pure: memoise on the design object, which changes only through commands. */
let lastDesign: Design | null = null;
let lastFindings: Finding[] = [];

export function findingsFor(design: Design): Finding[] {
  if (design !== lastDesign) {
    lastDesign = design;
    lastFindings = validateDesign(design);
  }
  return lastFindings;
}
