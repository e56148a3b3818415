import { useEffect, useState } from 'react';

/**
 * Drawing thousands of new nodes in one go is one long task (a 2,000-instance
 * design took about 850 ms to mount at fit view, most of it React Flow's node
 * wrappers and the layout of their boxes). So when many nodes appear at once
 * (opening a big design by link, an import), they are drawn a chunk per frame:
 * the nodes already drawn stay, and at most `REVEAL_CHUNK` new ones are added
 * in each step, in the order derived (containers before what they hold, so a
 * child never comes before its parent and the first chunk holds the outer
 * boxes the view fits to). An ordinary edit adds a node or a few and draws at once.
 */
export const REVEAL_CHUNK = 150;

let pending: { promise: Promise<void>; resolve: () => void } | null = null;

/** Resolves once every node of the design is drawn (exports copy the drawn nodes, so they wait for this). */
export function allNodesDrawn(): Promise<void> {
  return pending?.promise ?? Promise.resolve();
}

function markPending(drawing: boolean): void {
  if (drawing && !pending) {
    let resolve = () => {};
    const promise = new Promise<void>((r) => (resolve = r));
    pending = { promise, resolve };
  } else if (!drawing && pending) {
    pending.resolve();
    pending = null;
  }
}

/** The nodes drawn so far, from those drawn last time plus at most `chunk` new ones, in order. */
export function nextReveal<N extends { id: string }>(
  nodes: readonly N[],
  drawn: ReadonlySet<string>,
  chunk: number,
): N[] {
  let budget = chunk;
  const shown: N[] = [];
  for (const node of nodes) {
    if (drawn.has(node.id)) shown.push(node);
    else if (budget > 0) {
      budget--;
      shown.push(node);
    }
  }
  return shown;
}

/** `nodes`, or the part of them drawn so far while a large batch of new ones is drawn a chunk per frame. */
export function useRevealInChunks<N extends { id: string }>(nodes: N[], chunk = REVEAL_CHUNK): N[] {
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(() => new Set());
  const shown = nextReveal(nodes, drawn, chunk);
  const complete = shown.length === nodes.length;
  useEffect(() => {
    markPending(!complete);
    if (complete) return;
    // Let the browser paint this chunk before the next one is rendered.
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setDrawn(new Set(shown.map((n) => n.id))));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [complete, shown]);
  useEffect(() => () => markPending(false), []);
  return complete ? nodes : shown;
}
