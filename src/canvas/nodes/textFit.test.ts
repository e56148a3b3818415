import { describe, expect, it } from 'vitest';
import { badgesFitting, estimatedWidthPx, fitsOnOneLine, shortenedToFit } from './textFit';

describe('text fit estimates', () => {
  it('judges a short name to fit and a long one not to', () => {
    expect(fitsOnOneLine('web-1', 12, 120)).toBe(true);
    expect(fitsOnOneLine('Production VPC default network ACL', 12, 120)).toBe(false);
  });

  it('never estimates below the widths of the fonts Nimbus draws with', () => {
    // DejaVu Sans Bold advance widths (em): "m" 1.042, "W" 1.103, "a" 0.675, "0" 0.696, "i" 0.343, "N" 0.837.
    const widest = { m: 1.042, W: 1.103, a: 0.675, '0': 0.696, i: 0.343, N: 0.837 };
    for (const [char, em] of Object.entries(widest))
      expect(estimatedWidthPx(char, 100)).toBeGreaterThanOrEqual(em * 100);
  });

  it('counts Hangul and other letters as a full square', () => {
    expect(estimatedWidthPx('보안 그룹', 10)).toBeGreaterThanOrEqual(4 * 10);
  });

  it('counts the badges that fit in a row, in order', () => {
    expect(badgesFitting(['public', '10.0.1.0/24', 'us-east-1a'], 500)).toBe(3);
    expect(badgesFitting(['public', '10.0.1.0/24', 'us-east-1a'], 60)).toBe(1);
    expect(badgesFitting(['a very long badge text indeed'], 40)).toBe(0);
  });
});

describe('shortenedToFit', () => {
  it('keeps a name that fits as it is', () => {
    expect(shortenedToFit('web-1', 12, 120)).toBe('web-1');
  });

  it('cuts a long name to what fits, with an ellipsis', () => {
    const short = shortenedToFit('Production VPC default network ACL', 12, 120);
    expect(short.endsWith('…')).toBe(true);
    expect(short.length).toBeGreaterThan(3);
    expect(estimatedWidthPx(short, 12)).toBeLessThanOrEqual(120);
    expect('Production VPC default network ACL'.startsWith(short.slice(0, -1))).toBe(true);
  });

  it('keeps one character when nothing fits', () => {
    expect(shortenedToFit('web-server', 50, 10)).toBe('w…');
  });
});
