import { describe, expect, it } from 'vitest';
import { BADGE_CHARS, badgeText } from './badgeText';

describe('badgeText', () => {
  it('keeps a badge that fits as it is', () => {
    expect(badgeText('public')).toBe('public');
    expect(badgeText('x'.repeat(BADGE_CHARS))).toBe('x'.repeat(BADGE_CHARS));
  });

  it('shortens a longer one to the limit, ending in an ellipsis', () => {
    const long = 'arn:aws:iam::123456789012:role/very-long-name';
    const short = badgeText(long);
    expect([...short]).toHaveLength(BADGE_CHARS);
    expect(short.endsWith('…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
  });

  it('never cuts a character made of two code units in half, nor leaves a space before the ellipsis', () => {
    expect(badgeText('😀'.repeat(30), 5)).toBe('😀😀😀😀…');
    expect(badgeText('ab cdef', 4)).toBe('ab…');
  });
});
