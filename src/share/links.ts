import type { Design } from '../domain';
import { encodeJsonSnapshot, encodeSnapshot } from './urlCodec';

/**
 * Share links carry the design in the URL fragment, so it never reaches a
 * server: `#d=<snapshot>` opens it as a new design in the library,
 * `#view=<snapshot>` shows it read-only (for course pages and reviews).
 */
export type LinkMode = 'open' | 'view' | 'learn';
const PARAM: Record<LinkMode, string> = { open: 'd', view: 'view', learn: 'learn' };

export function shareUrl(design: Design, mode: Exclude<LinkMode, 'learn'>, base: string): string {
  const url = new URL(base);
  url.hash = `${PARAM[mode]}=${encodeSnapshot(design)}`;
  return url.toString();
}

/**
 * The page course sites put in an iframe: `embed.html` beside the app, with the
 * same `#view=` fragment. It is its own file so that a host can let other sites
 * frame that page alone (frame-ancestors), keeping the full app unframeable.
 */
export const EMBED_PAGE = 'embed.html';

export function embedUrl(design: Design, base: string): string {
  const url = new URL(EMBED_PAGE, base);
  url.hash = `${PARAM.view}=${encodeSnapshot(design)}`;
  return url.toString();
}

/** The full app showing the same view link as an embed page (its "Open in Nimbus"). */
export function appUrlOfEmbed(embed: string): string {
  const url = new URL(embed);
  if (url.pathname.endsWith(`/${EMBED_PAGE}`)) url.pathname = url.pathname.slice(0, -EMBED_PAGE.length);
  return url.toString();
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML a course page pastes to show the design; the name is escaped, it is only ever an attribute's text. */
export function embedSnippet(design: Design, base: string): string {
  return `<iframe src="${escapeAttribute(embedUrl(design, base))}" title="${escapeAttribute(`${design.name} (Nimbus)`)}" width="960" height="560" style="border: 1px solid #cbd5e1; border-radius: 8px" loading="lazy"></iframe>`;
}

/** A challenge (or lesson) file as a link: `#learn=<snapshot of the lesson JSON>`. */
export function challengeUrl(lesson: unknown, base: string): string {
  const url = new URL(base);
  url.hash = `${PARAM.learn}=${encodeJsonSnapshot(lesson)}`;
  return url.toString();
}

export type LinkIntent = { kind: 'none' } | { kind: LinkMode; snapshot: string };

/** What a URL fragment (with or without its `#`) asks for. */
export function readLinkIntent(hash: string): LinkIntent {
  const fragment = hash.replace(/^#/, '');
  for (const mode of ['open', 'view', 'learn'] as const) {
    const prefix = `${PARAM[mode]}=`;
    if (fragment.startsWith(prefix)) return { kind: mode, snapshot: fragment.slice(prefix.length) };
  }
  return { kind: 'none' };
}

/**
 * A what-if link: `#whatif=<before snapshot>~<after snapshot>`, each the same
 * codec as a share link (`~` is in neither base64url nor the `n1.` prefix).
 * It opens view-only, straight into the comparison of the two.
 */
export const WHAT_IF_PARAM = 'whatif';
const WHAT_IF_SEPARATOR = '~';

export function whatIfUrl(before: Design, after: Design, base: string): string {
  const url = new URL(base);
  url.hash = `${WHAT_IF_PARAM}=${encodeSnapshot(before)}${WHAT_IF_SEPARATOR}${encodeSnapshot(after)}`;
  return url.toString();
}

/** The two snapshots of a what-if fragment (with or without its `#`); null when it is not one or lacks a side. */
export function readWhatIf(hash: string): { before: string; after: string } | null {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith(`${WHAT_IF_PARAM}=`)) return null;
  const sides = fragment.slice(WHAT_IF_PARAM.length + 1).split(WHAT_IF_SEPARATOR);
  if (sides.length !== 2 || !sides[0] || !sides[1]) return null;
  return { before: sides[0], after: sides[1] };
}

/** The intent of a whole share URL (as pasted on a command line), or none. */
export function readShareUrl(text: string): LinkIntent {
  const hash = text.indexOf('#');
  return /^https?:\/\//.test(text) && hash >= 0 ? readLinkIntent(text.slice(hash)) : { kind: 'none' };
}
