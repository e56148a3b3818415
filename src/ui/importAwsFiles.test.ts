import { describe, expect, it } from 'vitest';
import { importNoteDetails } from './importAwsFiles';

describe('issue 14: the UI’s import notice', () => {
  it('says how many notes it does not show, so none is dropped unseen', () => {
    const notes = Array.from({ length: 11 }, (_, i) => `note ${i}`);
    expect(importNoteDetails(notes)).toEqual([
      ...notes.slice(0, 8),
      '… and 3 more notes (nimbus import-aws <folder> prints them all)',
    ]);
    expect(importNoteDetails(notes.slice(0, 8))).toEqual(notes.slice(0, 8));
  });
});
