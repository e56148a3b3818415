/** The most characters a badge draws: about its old 150 px at 10 px type. */
export const BADGE_CHARS = 24;

/**
 * A badge's text, shortened in characters rather than by CSS: an ellipsis by CSS needs the badge to clip
 * its text, and at thousands of cards each clip is one more piece for the browser to layer on every frame
 * of a pan (docs/benchmarks.md, "Canvas"). The badge's tooltip gives the whole text.
 */
export function badgeText(text: string, max = BADGE_CHARS): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
