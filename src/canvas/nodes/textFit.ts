/**
 * Whether a line of text fits a width, estimated from its characters rather than measured.
 * A name that may not fit is cut off with an ellipsis by CSS, which needs a clip around it, and
 * at thousands of cards each clip is one more piece of the page the browser sorts into layers
 * again on every frame of a pan (docs/benchmarks.md, "Canvas"). A name that surely fits needs no
 * clip. The widths are generous (each at least the widest of DejaVu Sans Bold and Noto Sans
 * SemiBold, the sans-serif faces on these machines and on most Linux desktops), so a name judged
 * to fit does fit and one near the limit keeps its ellipsis.
 */
const NARROW = new Set([..."ijl.,:;'|!"]);
const SLIM = new Set([...'ftr -()[]/']);
const WIDE = new Set([...'mwMW@%']);

/** A character's width in em, at most generous. */
function charEm(char: string): number {
  if (NARROW.has(char)) return 0.4;
  if (SLIM.has(char)) return 0.55;
  if (WIDE.has(char)) return 1.12;
  if (char >= '0' && char <= '9') return 0.72;
  if (char >= 'A' && char <= 'Z') return 0.88;
  if (char >= 'a' && char <= 'z') return 0.74;
  // Anything else (Hangul, symbols, accented letters): as wide as a square.
  return 1.05;
}

/** The estimated width of `text` set at `fontPx`, in pixels (never less than the real width). */
export function estimatedWidthPx(text: string, fontPx: number): number {
  let em = 0;
  for (const char of text) em += charEm(char);
  return em * fontPx;
}

/** Whether `text` at `fontPx` surely fits on one line `widthPx` wide. */
export const fitsOnOneLine = (text: string, fontPx: number, widthPx: number): boolean =>
  estimatedWidthPx(text, fontPx) <= widthPx;

/** A badge's room besides its text: 6 px of padding each side and the 4 px gap before the next. */
const BADGE_CHROME_PX = 16;

/** How many of `texts`, drawn as 10 px badges in one row, surely fit in `widthPx`. */
export function badgesFitting(texts: readonly string[], widthPx: number): number {
  let used = 0;
  for (let i = 0; i < texts.length; i++) {
    used += estimatedWidthPx(texts[i]!, 10) + BADGE_CHROME_PX;
    if (used > widthPx + 4) return i;
  }
  return texts.length;
}

/**
 * `text` shortened, with an ellipsis, to what surely fits on one line `widthPx` wide at `fontPx`: the
 * ellipsis drawn without the clip CSS needs for one. At least one character and the ellipsis stay.
 */
export function shortenedToFit(text: string, fontPx: number, widthPx: number): string {
  if (fitsOnOneLine(text, fontPx, widthPx)) return text;
  const chars = [...text];
  let room = widthPx - estimatedWidthPx('…', fontPx);
  let kept = 0;
  while (kept < chars.length - 1) {
    room -= estimatedWidthPx(chars[kept]!, fontPx);
    if (room < 0) break;
    kept++;
  }
  return `${chars.slice(0, Math.max(1, kept)).join('').trimEnd()}…`;
}
