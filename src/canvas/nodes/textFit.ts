/**
 * Whether a line of text fits a width, measured with a canvas in the page's own font (and, where
 * there is no canvas, as in the CLI's and the unit tests' Node, estimated from its characters).
 * A name that may not fit is cut off with an ellipsis by CSS, which needs a clip around it, and
 * at thousands of cards each clip is one more piece of the page the browser sorts into layers
 * again on every frame of a pan (docs/benchmarks.md, "Canvas"); a name that fits needs no clip,
 * and a far one that doesn't is shortened in characters. Measures are taken a little wide, so a
 * name judged to fit does fit. The estimate's widths are generous too (each at least the widest
 * of DejaVu Sans Bold and Noto Sans SemiBold, the sans-serif faces on most Linux desktops).
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

let measuring: { context: CanvasRenderingContext2D; family: string } | null | undefined;
const measured = new Map<string, number>();
/** Measures kept before the cache starts again (names are few; this bounds a long session's memory). */
const MEASURES_KEPT = 20_000;

function measurer() {
  if (measuring === undefined) {
    const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    measuring = context ? { context, family: getComputedStyle(document.body).fontFamily } : null;
  }
  return measuring;
}

/** The width of `text` in semibold at `fontPx`, in pixels: measured in the page's font, 3% and a pixel wide. */
export function textWidthPx(text: string, fontPx: number): number {
  const found = measurer();
  if (!found) return estimatedWidthPx(text, fontPx);
  const key = `${fontPx}|${text}`;
  let width = measured.get(key);
  if (width === undefined) {
    found.context.font = `600 ${fontPx}px ${found.family}`;
    width = found.context.measureText(text).width * 1.03 + 1;
    if (measured.size >= MEASURES_KEPT) measured.clear();
    measured.set(key, width);
  }
  return width;
}

/** Whether `text` at `fontPx` surely fits on one line `widthPx` wide. */
export const fitsOnOneLine = (text: string, fontPx: number, widthPx: number): boolean =>
  textWidthPx(text, fontPx) <= widthPx;

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
  const cut = (kept: number) => `${chars.slice(0, kept).join('').trimEnd()}…`;
  // The longest start that fits with its ellipsis: widths grow with length, so halve the range each time.
  let low = 1;
  let high = chars.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fitsOnOneLine(cut(middle), fontPx, widthPx)) low = middle;
    else high = middle - 1;
  }
  return cut(low);
}
