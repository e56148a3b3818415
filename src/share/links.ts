import type { Design } from '../domain';
import { EMBED_PAGE, LINK_PARAM, WHAT_IF_PARAM, WHAT_IF_SEPARATOR, type LinkMode } from './linkFragments';
import { encodeJsonSnapshot, encodeSnapshot } from './urlCodec';

/**
 * Share links carry the design in the URL fragment, so it never reaches a
 * server: `#d=<snapshot>` opens it as a new design in the library,
 * `#view=<snapshot>` shows it read-only (for course pages and reviews).
 * This module makes links (it needs the codec); reading a fragment's intent
 * is `linkFragments.ts`, re-exported here.
 */
export {
  appUrlOfEmbed,
  EMBED_PAGE,
  readLinkIntent,
  readShareUrl,
  readWhatIf,
  WHAT_IF_PARAM,
  type LinkIntent,
  type LinkMode,
} from './linkFragments';

export function shareUrl(design: Design, mode: Exclude<LinkMode, 'learn'>, base: string): string {
  const url = new URL(base);
  url.hash = `${LINK_PARAM[mode]}=${encodeSnapshot(design)}`;
  return url.toString();
}

export function embedUrl(design: Design, base: string): string {
  const url = new URL(EMBED_PAGE, base);
  url.hash = `${LINK_PARAM.view}=${encodeSnapshot(design)}`;
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
  url.hash = `${LINK_PARAM.learn}=${encodeJsonSnapshot(lesson)}`;
  return url.toString();
}

export function whatIfUrl(before: Design, after: Design, base: string): string {
  const url = new URL(base);
  url.hash = `${WHAT_IF_PARAM}=${encodeSnapshot(before)}${WHAT_IF_SEPARATOR}${encodeSnapshot(after)}`;
  return url.toString();
}
