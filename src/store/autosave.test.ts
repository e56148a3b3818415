import { beforeAll, describe, expect, it } from 'vitest';
import { sampleDesign } from '../engine/testing/sampleDesign';
import { AUTOSAVE_KEY, restore } from './autosave';
import { MemoryStorage } from './testing/memoryStorage';
import { loadReaders } from './readers';

// As at start-up (boot.tsx): storage is read once the readers of stored text have loaded.
beforeAll(() => loadReaders());

describe('autosave', () => {
  it('restores what was saved', () => {
    const storage = new MemoryStorage();
    expect(restore(storage)).toEqual({ kind: 'empty' });
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(sampleDesign()));
    expect(restore(storage)).toEqual({ kind: 'restored', design: sampleDesign() });
  });

  it('moves an unreadable value aside instead of losing it', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{"version": 1, "oops"');
    const result = restore(storage, new Date('2026-11-29T10:00:00Z'));
    expect(result).toMatchObject({
      kind: 'unreadable',
      backupKey: 'nimbus.unreadable.2026-11-29T10:00:00.000Z',
      reason: expect.stringContaining('not valid JSON'),
    });
    expect(storage.getItem('nimbus.unreadable.2026-11-29T10:00:00.000Z')).toBe('{"version": 1, "oops"');
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
  });

  it('leaves an unreadable value in place when there is no room to move it', () => {
    const raw = JSON.stringify({ version: 7 });
    const storage = new MemoryStorage(raw.length + 5);
    storage.setItem(AUTOSAVE_KEY, raw);
    expect(restore(storage)).toMatchObject({
      kind: 'unreadable',
      backupKey: null,
      reason: expect.stringContaining('newer Nimbus'),
    });
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(raw);
  });
});
