import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { parseDesign, type Design, type SetAsideResource } from '../domain';

/**
 * Design snapshots for share links: `n1.` + base64url(deflate(JSON)). The
 * prefix names the codec; the JSON names its schema version, so old links
 * migrate forward like any other input. Everything is checked on the way in:
 * length, alphabet, decompressed size, JSON, schema.
 */
export const SNAPSHOT_PREFIX = 'n1.';
/** Longer fragments than this are refused before decoding (browsers cope with far more; designs don't need it). */
export const MAX_SNAPSHOT_CHARS = 400_000;
/** Decompression stops here, so a small link can't expand into a huge document. */
export const MAX_DESIGN_BYTES = 5_000_000;

export type SnapshotError =
  'empty' | 'unknown-format' | 'too-long' | 'corrupt' | 'truncated' | 'too-large' | 'not-json' | 'invalid';
/** `setAside`: resources the link holds that this version can't read; they stay in the design. */
export type DecodedSnapshot =
  { ok: true; design: Design; setAside: SetAsideResource[] } | { ok: false; error: SnapshotError; message: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  // A link cut at a character that carries no whole byte: drop it, and let inflation report the missing end.
  const whole = text.length % 4 === 1 ? text.slice(0, -1) : text;
  const binary = atob(whole.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (whole.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Any JSON document as a snapshot; designs and challenges share the codec. */
export function encodeJsonSnapshot(value: unknown): string {
  return SNAPSHOT_PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }));
}

export const encodeSnapshot = (design: Design): string => encodeJsonSnapshot(design);

/** Inflates with a cap on the output size; null when the data ends early. */
function inflateCapped(
  bytes: Uint8Array,
): { ok: true; data: Uint8Array } | { ok: false; error: 'too-large' | 'truncated' | 'corrupt' } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_DESIGN_BYTES) tooLarge = true;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    // Feed in slices so an oversized stream is noticed before it is all expanded.
    for (let i = 0; i < bytes.length && !tooLarge; i += 4096)
      inflater.push(bytes.subarray(i, i + 4096), i + 4096 >= bytes.length);
  } catch (error) {
    // fflate's code 0 is "unexpected EOF": the data stops early.
    const endedEarly = typeof error === 'object' && error !== null && (error as { code?: number }).code === 0;
    return { ok: false, error: tooLarge ? 'too-large' : endedEarly ? 'truncated' : 'corrupt' };
  }
  if (tooLarge) return { ok: false, error: 'too-large' };
  if (!ended) return { ok: false, error: 'truncated' };
  const data = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, data };
}

const MESSAGES: Record<Exclude<SnapshotError, 'invalid'>, string> = {
  empty: 'The link has no design in it.',
  'unknown-format': 'This is not a Nimbus design link (or it was made by a newer Nimbus).',
  'too-long': `The link is longer than ${MAX_SNAPSHOT_CHARS.toLocaleString('en-US')} characters, more than any design needs; it was not opened.`,
  corrupt: 'The link is damaged: its data could not be decompressed. Ask for a fresh link.',
  truncated:
    'The link is incomplete: it looks cut off (often when a long link is copied or wrapped). Ask for a fresh link.',
  'too-large': `The link expands to more than ${MAX_DESIGN_BYTES / 1_000_000} MB, far more than a design; it was not opened.`,
  'not-json': 'The link decompressed, but its contents are not a design (not JSON).',
};

export type DecodedJson =
  { ok: true; json: unknown } | { ok: false; error: Exclude<SnapshotError, 'invalid'>; message: string };

/** Every check but the schema: length, alphabet, decompressed size, JSON. */
export function decodeJsonSnapshot(text: string): DecodedJson {
  const trimmed = text.trim();
  const fail = (error: Exclude<SnapshotError, 'invalid'>): DecodedJson => ({
    ok: false,
    error,
    message: MESSAGES[error],
  });
  if (trimmed === '') return fail('empty');
  if (trimmed.length > MAX_SNAPSHOT_CHARS) return fail('too-long');
  if (!trimmed.startsWith(SNAPSHOT_PREFIX)) return fail('unknown-format');
  const bytes = fromBase64Url(trimmed.slice(SNAPSHOT_PREFIX.length));
  if (!bytes || bytes.length === 0) return fail(bytes ? 'empty' : 'corrupt');
  const inflated = inflateCapped(bytes);
  if (!inflated.ok) return fail(inflated.error);
  try {
    return { ok: true, json: JSON.parse(strFromU8(inflated.data)) };
  } catch {
    return fail('not-json');
  }
}

export function decodeSnapshot(text: string): DecodedSnapshot {
  const decoded = decodeJsonSnapshot(text);
  if (!decoded.ok) return decoded;
  const parsed = parseDesign(decoded.json);
  if (!parsed.ok)
    return {
      ok: false,
      error: 'invalid',
      message: `The link holds a design Nimbus can't open: ${parsed.errors.slice(0, 3).join('; ')}`,
    };
  return { ok: true, design: parsed.design, setAside: parsed.setAside };
}
