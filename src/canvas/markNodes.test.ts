import { describe, expect, it } from 'vitest';
import { sampleDesign } from '../engine/testing/sampleDesign';
import { validateDesign } from '../engine';
import { deriveNodes } from './derive';
import { markNodes } from './markNodes';

describe('markNodes', () => {
  const design = sampleDesign();
  const derived = deriveNodes(design, validateDesign(design));
  const none = { selection: [], pathHighlight: null };

  it('marks the selection and the analysed path', () => {
    const nodes = markNodes(derived, {
      selection: ['subnet-1'],
      pathHighlight: { onPath: ['vpc-1'], blocked: 'subnet-2' },
    });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('subnet-1')!.selected).toBe(true);
    expect(byId.get('vpc-1')!.className).toBe('path-ok');
    expect(byId.get('subnet-2')!.className).toBe('path-blocked');
    expect(nodes.filter((n) => n.selected || n.className)).toHaveLength(3);
  });

  it('marks what a comparison added and changed, touching only those nodes, beside the path highlight', () => {
    const held = markNodes(derived, none).map((n) => ({ ...n, measured: { width: 1, height: 1 } }));
    const compare = { added: new Set(['subnet-1']), changed: new Set(['vpc-1']) };
    const marked = markNodes(derived, { ...none, compare }, { ...none, derived, nodes: held });
    expect(marked.filter((n, i) => n !== held[i]).map((n) => [n.id, n.className])).toEqual([
      ['vpc-1', 'diff-changed'],
      ['subnet-1', 'diff-added'],
    ]);
    const onPath = markNodes(derived, { selection: [], pathHighlight: { onPath: ['vpc-1'], blocked: null }, compare });
    expect(onPath.find((n) => n.id === 'vpc-1')!.className).toBe('path-ok diff-changed');
    // Ending the comparison gives the plain nodes back.
    const ended = markNodes(derived, none, { ...none, compare, derived, nodes: marked });
    expect(ended.find((n) => n.id === 'subnet-1')).toBe(derived.find((n) => n.id === 'subnet-1'));
  });

  it('keeps the canvas’s own node objects for nodes whose derivation and marks did not change', () => {
    // React Flow hands back measured copies of every node.
    const held = markNodes(derived, none).map((n) => ({ ...n, measured: { width: 1, height: 1 } }));
    const selection = ['subnet-1'];
    const next = markNodes(derived, { selection, pathHighlight: null }, { ...none, derived, nodes: held });
    const changed = next.filter((n, i) => n !== held[i]).map((n) => n.id);
    expect(changed).toEqual(['subnet-1']);
    expect(next.find((n) => n.id === 'subnet-1')!.selected).toBe(true);
    // Deselecting gives the plain derived node back.
    const after = markNodes(derived, none, { selection, pathHighlight: null, derived, nodes: next });
    expect(after.find((n) => n.id === 'subnet-1')).toBe(derived.find((n) => n.id === 'subnet-1'));
    expect(after.filter((n, i) => n !== next[i]).map((n) => n.id)).toEqual(['subnet-1']);
  });

  it('takes a newly derived node over the held one', () => {
    const held = markNodes(derived, none).map((n) => ({ ...n, measured: { width: 1, height: 1 } }));
    const rederived = derived.map((n) => (n.id === 'vpc-1' ? { ...n, position: { x: 5, y: 5 } } : n));
    const next = markNodes(rederived, none, { ...none, derived, nodes: held });
    expect(next.find((n) => n.id === 'vpc-1')!.position).toEqual({ x: 5, y: 5 });
    expect(next.filter((n, i) => n !== held[i]).map((n) => n.id)).toEqual(['vpc-1']);
  });
});
