import type { ResourceNode } from './derive';

/** What the canvas lays over derived nodes: the selection, the last analysed path and a comparison's changes. */
export interface NodeMarks {
  selection: readonly string[];
  pathHighlight: { onPath: readonly string[]; blocked: string | null } | null;
  /** "Compare with…": resources the open design added or changed (`compareStore`); absent or null when none runs. */
  compare?: { added: ReadonlySet<string>; changed: ReadonlySet<string> } | null;
}

/** The classes a node gets from the marks: the path's and the comparison's, both when both apply. */
function classOf(marks: NodeMarks, id: string): string | undefined {
  const path =
    id === marks.pathHighlight?.blocked ? 'path-blocked' : marks.pathHighlight?.onPath.includes(id) ? 'path-ok' : '';
  const compared = marks.compare?.added.has(id) ? 'diff-added' : marks.compare?.changed.has(id) ? 'diff-changed' : '';
  return [path, compared].filter(Boolean).join(' ') || undefined;
}

/** The previous call's input and output, so unchanged nodes are handed back as they are. */
export interface MarkedBefore extends NodeMarks {
  derived: readonly ResourceNode[];
  /** The canvas's nodes as they are now (React Flow may have measured or selected them since). */
  nodes: readonly ResourceNode[];
}

const markOf = (marks: NodeMarks, id: string) => ({
  selected: marks.selection.includes(id),
  className: classOf(marks, id),
});

/**
 * Derived nodes with the selection and path highlight applied. A node whose
 * derivation and marks are what they were last time stays the very object the
 * canvas holds, so React Flow re-renders only the nodes that changed: a click
 * or a keystroke touches one or two nodes of a 2,000-instance design, not all.
 */
export function markNodes(derived: readonly ResourceNode[], marks: NodeMarks, before?: MarkedBefore): ResourceNode[] {
  const selected = new Set(marks.selection);
  const onPath = new Set(marks.pathHighlight?.onPath ?? []);
  const blocked = marks.pathHighlight?.blocked;
  const compare = marks.compare;
  const fresh = (n: ResourceNode): ResourceNode => {
    const path = n.id === blocked ? 'path-blocked' : onPath.has(n.id) ? 'path-ok' : '';
    const compared = compare?.added.has(n.id) ? 'diff-added' : compare?.changed.has(n.id) ? 'diff-changed' : '';
    const className = [path, compared].filter(Boolean).join(' ') || undefined;
    return selected.has(n.id) || className
      ? { ...n, selected: selected.has(n.id), ...(className ? { className } : {}) }
      : n;
  };
  if (!before) return derived.map(fresh);
  const derivedBefore = new Map(before.derived.map((n) => [n.id, n]));
  const held = new Map(before.nodes.map((n) => [n.id, n]));
  const marksMoved =
    before.selection !== marks.selection ||
    before.pathHighlight !== marks.pathHighlight ||
    (before.compare ?? null) !== (marks.compare ?? null);
  const touched = new Set<string>();
  if (marksMoved) {
    // Only the nodes whose marks differ between the two are looked at again.
    for (const id of [
      ...before.selection,
      ...marks.selection,
      ...(before.pathHighlight?.onPath ?? []),
      ...(marks.pathHighlight?.onPath ?? []),
      before.pathHighlight?.blocked,
      marks.pathHighlight?.blocked,
      ...(before.compare?.added ?? []),
      ...(before.compare?.changed ?? []),
      ...(marks.compare?.added ?? []),
      ...(marks.compare?.changed ?? []),
    ])
      if (id) touched.add(id);
  }
  return derived.map((n) => {
    const node = held.get(n.id);
    if (!node || derivedBefore.get(n.id) !== n) return fresh(n);
    if (touched.has(n.id)) {
      const was = markOf(before, n.id);
      const now = markOf(marks, n.id);
      if (was.selected !== now.selected || was.className !== now.className) return fresh(n);
    }
    return node;
  });
}
