import { SUBMISSION_PARAM } from './linkFragments';
import { encodeJsonSnapshot, MAX_SNAPSHOT_CHARS } from './urlCodec';

/**
 * Submission links: `#s=<snapshot>`, the same `n1.` codec as share links, of a
 * submission document (the lesson, the student's design, their name, the time
 * and the score their page computed; `scenarios/learn/submission.ts` reads it).
 * The fragment never reaches a server, so handing in work uploads nothing.
 */
export { SUBMISSION_PARAM };

/** The file a student can download instead of (or as well as) the link; the class view reads both. */
export const SUBMISSION_FILE_SUFFIX = '.nimbus-submission.json';

export type SubmissionLink = { ok: true; url: string } | { ok: false; message: string };

/** The link, or why there is none: a snapshot longer than any link reader accepts would not open. */
export function submissionUrl(submission: unknown, base: string): SubmissionLink {
  const snapshot = encodeJsonSnapshot(submission);
  if (snapshot.length > MAX_SNAPSHOT_CHARS)
    return {
      ok: false,
      message: `The submission link would be ${snapshot.length.toLocaleString('en-US')} characters, more than the ${MAX_SNAPSHOT_CHARS.toLocaleString('en-US')} a Nimbus link may hold. Download the submission file instead.`,
    };
  const url = new URL(base);
  url.hash = `${SUBMISSION_PARAM}=${snapshot}`;
  return { ok: true, url: url.toString() };
}

/**
 * The snapshot of a submission in a whole link, a fragment (`#s=…` or `s=…`) or
 * the bare snapshot (`n1.…`), as a teacher may paste any of them; null otherwise.
 */
export function readSubmissionSnapshot(text: string): string | null {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  const fragment = hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
  const prefix = `${SUBMISSION_PARAM}=`;
  if (fragment.startsWith(prefix)) return fragment.slice(prefix.length);
  if (hash < 0 && fragment.startsWith('n1.')) return fragment;
  return null;
}
