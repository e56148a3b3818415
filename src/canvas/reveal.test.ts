import { describe, expect, it } from 'vitest';
import { nextReveal } from './reveal';

const nodes = (ids: string[]) => ids.map((id) => ({ id }));

describe('drawing many new nodes a chunk at a time', () => {
  it('adds at most a chunk of new nodes, in order, keeping every node already drawn', () => {
    const all = nodes(['vpc', 'subnet-a', 'subnet-b', 'i-1', 'i-2', 'i-3', 'i-4']);
    const first = nextReveal(all, new Set(), 3);
    expect(first.map((n) => n.id)).toEqual(['vpc', 'subnet-a', 'subnet-b']);
    const second = nextReveal(all, new Set(first.map((n) => n.id)), 3);
    expect(second.map((n) => n.id)).toEqual(['vpc', 'subnet-a', 'subnet-b', 'i-1', 'i-2', 'i-3']);
    expect(nextReveal(all, new Set(second.map((n) => n.id)), 3)).toHaveLength(all.length);
  });

  it('draws a small edit at once, and keeps the node objects it was given', () => {
    const all = nodes(['vpc', 'subnet-a', 'i-1', 'i-new']);
    const shown = nextReveal(all, new Set(['vpc', 'subnet-a', 'i-1']), 150);
    expect(shown).toHaveLength(4);
    shown.forEach((node, i) => expect(node).toBe(all[i]));
  });

  it('drops nodes that are gone, and a new design (other ids) starts again from its first chunk', () => {
    const before = new Set(['vpc', 'subnet-a', 'i-1']);
    expect(nextReveal(nodes(['vpc', 'i-1']), before, 1).map((n) => n.id)).toEqual(['vpc', 'i-1']);
    expect(nextReveal(nodes(['vpc-2', 'subnet-x', 'i-9']), before, 2).map((n) => n.id)).toEqual(['vpc-2', 'subnet-x']);
  });
});
