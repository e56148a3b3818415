import { beforeAll, describe, expect, it } from 'vitest';
import type { Design } from '../domain';
import { sampleDesign } from '../engine/testing/sampleDesign';
import { listInWords, mergeDesigns } from './merge';
import { loadReaders } from './readers';

// As at start-up (boot.tsx): storage is read once the readers of stored text have loaded.
beforeAll(() => loadReaders());

const base = sampleDesign();
const [first, second] = Object.keys(base.resources).sort() as [string, string];
const withName = (design: Design, id: string, name: string): Design => ({
  ...design,
  resources: { ...design.resources, [id]: { ...design.resources[id]!, name } },
});
const without = (design: Design, id: string): Design => {
  const resources = { ...design.resources };
  delete resources[id];
  const layout = { ...design.layout };
  delete layout[id];
  return { ...design, resources, layout };
};

describe('merging two tabs\u2019 edits of one design', () => {
  it('takes each field from the side that changed it', () => {
    const merged = mergeDesigns(base, withName(base, first, 'mine'), {
      ...withName(base, second, 'theirs'),
      name: 'T',
    })!;
    expect(merged.design.resources[first]!.name).toBe('mine');
    expect(merged.design.resources[second]!.name).toBe('theirs');
    expect(merged.design.name).toBe('T');
    expect(merged.kept).toEqual(['mine']);
    expect(merged.conflicts).toEqual([]);
    // Named as this tab shows them.
    expect(merged.theirs).toEqual(['the name', base.resources[second]!.name]);
  });

  it('lets this tab win a field both changed, and says so', () => {
    const merged = mergeDesigns(base, withName(base, first, 'mine'), withName(base, first, 'theirs'))!;
    expect(merged.design.resources[first]!.name).toBe('mine');
    expect(merged.conflicts).toEqual(['mine']);
  });

  it('keeps a resource one tab deleted and the other edited', () => {
    const editedThere = mergeDesigns(base, without(base, first), withName(base, first, 'edited'))!;
    expect(editedThere.design.resources[first]!.name).toBe('edited');
    const editedHere = mergeDesigns(base, withName(base, first, 'edited'), without(base, first))!;
    expect(editedHere.design.resources[first]!.name).toBe('edited');
    const deletedThere = mergeDesigns(base, base, without(base, first))!;
    expect(deletedThere.design.resources[first]).toBeUndefined();
    expect(deletedThere.design.layout[first]).toBeUndefined();
  });

  it('reads ids as own keys only', () => {
    const resource = { ...base.resources[first]!, id: 'constructor' } as Design['resources'][string];
    const mine: Design = { ...base, resources: { ...base.resources, constructor: resource } };
    const merged = mergeDesigns(base, mine, base)!;
    expect(Object.hasOwn(merged.design.resources, 'constructor')).toBe(true);
    expect(mergeDesigns(base, base, base)!.design.resources).not.toHaveProperty('constructor');
  });

  it('lists things in words', () => {
    expect(listInWords(['the name'])).toBe('the name');
    expect(listInWords(['a', 'b'])).toBe('\u201ca\u201d and \u201cb\u201d');
    expect(listInWords(['a', 'b', 'c', 'd', 'e'])).toBe('\u201ca\u201d, \u201cb\u201d, \u201cc\u201d and 2 more');
  });
});
