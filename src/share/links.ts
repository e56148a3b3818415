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

/** The intent of a whole share URL (as pasted on a command line), or none. */
export function readShareUrl(text: string): LinkIntent {
  const hash = text.indexOf('#');
  return /^https?:\/\//.test(text) && hash >= 0 ? readLinkIntent(text.slice(hash)) : { kind: 'none' };
}
