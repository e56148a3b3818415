import { describe, expect, it } from 'vitest';
import { COALESCE_MS, record, redo, startHistory, undo } from './history';

describe('history', () => {
  it('undoes and redoes single commands', () => {
    let h = startHistory('a');
    h = record(h, 'b', 0);
    h = record(h, 'c', 10);
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe('c');
    expect(redo(h)).toBe(h);
  });

  it('merges a burst with one coalesce key into one step', () => {
    let h = startHistory('x');
    for (let i = 1; i <= 10; i++) h = record(h, `x${i}`, i * 100, 'move:vpc-1');
    expect(h.past).toEqual(['x']);
    expect(undo(h).present).toBe('x');
  });

  it('starts a new step after a pause, or for another key', () => {
    let h = startHistory('x');
    h = record(h, 'x1', 0, 'typing:name');
    h = record(h, 'x2', COALESCE_MS + 1, 'typing:name');
    h = record(h, 'x3', COALESCE_MS + 2, 'typing:cidr');
    expect(h.past).toEqual(['x', 'x1', 'x2']);
  });

  it('a new command after undo drops the redo branch', () => {
    let h = record(record(startHistory(1), 2, 0), 3, 1);
    h = record(undo(h), 4, 2);
    expect(h.future).toEqual([]);
    expect(h.past).toEqual([1, 2]);
  });
});

describe('design store bursts', () => {
  it('ends a burst when asked, so the next edit in the same field is its own step', async () => {
    const { createDesignStore } = await import('./designStore');
    let now = 0;
    const store = createDesignStore(undefined, () => now);
    store.getState().apply((d) => void (d.name = 'a'), { coalesceKey: 'field' });
    now += 10;
    store.getState().apply((d) => void (d.name = 'ab'), { coalesceKey: 'field' });
    store.getState().endBurst();
    now += 10;
    store.getState().apply((d) => void (d.name = 'abc'), { coalesceKey: 'field' });
    expect(store.getState().history.past.map((d) => d.name)).toEqual(['Untitled design', 'ab']);
  });
});
