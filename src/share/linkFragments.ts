/**
 * Reading what a share link's fragment asks for, without decoding it. Kept apart
 * from the link builders (`links.ts`) and the codec (`urlCodec.ts`): the page reads
 * the fragment at start-up, while the codec and its deflate library are needed only
 * when a link is made, or decoded where no worker can run.
 */
export type LinkMode = 'open' | 'view' | 'learn';
export const LINK_PARAM: Record<LinkMode, string> = { open: 'd', view: 'view', learn: 'learn' };

/** A student's submission to grade: `#s=<snapshot>` (`submission.ts` writes and reads it). */
export const SUBMISSION_PARAM = 's';

/**
 * The page course sites put in an iframe: `embed.html` beside the app, with the
 * same `#view=` fragment. It is its own file so that a host can let other sites
 * frame that page alone (frame-ancestors), keeping the full app unframeable.
 */
export const EMBED_PAGE = 'embed.html';

/** The full app showing the same view link as an embed page (its "Open in Nimbus"). */
export function appUrlOfEmbed(embed: string): string {
  const url = new URL(embed);
  if (url.pathname.endsWith(`/${EMBED_PAGE}`)) url.pathname = url.pathname.slice(0, -EMBED_PAGE.length);
  return url.toString();
}

export type LinkIntent = { kind: 'none' } | { kind: LinkMode; snapshot: string };

/** What a URL fragment (with or without its `#`) asks for. */
export function readLinkIntent(hash: string): LinkIntent {
  const fragment = hash.replace(/^#/, '');
  for (const mode of ['open', 'view', 'learn'] as const) {
    const prefix = `${LINK_PARAM[mode]}=`;
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
export const WHAT_IF_SEPARATOR = '~';

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
