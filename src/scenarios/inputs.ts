import { parseDesignJson } from '../domain';
import { decodeJsonSnapshot, decodeSnapshot } from '../share/urlCodec';
import { parseLesson, type Lesson } from './learn/schema';

/**
 * Reading what a user brings in (share and challenge links, design and
 * challenge files; code files are `iacInputs.ts`'s):
 * the same pure functions the CLI calls, gathered so the page can run them in
 * the worker, where a link that inflates to millions of items can take seconds
 * to refuse without freezing the tab.
 */
export type ChallengeLinkResult = { ok: true; lesson: Lesson } | { ok: false; message: string };

export function decodeChallengeLink(snapshot: string): ChallengeLinkResult {
  const decoded = decodeJsonSnapshot(snapshot);
  if (!decoded.ok) return { ok: false, message: decoded.message };
  const parsed = parseLesson(decoded.json);
  if (!parsed.ok)
    return { ok: false, message: `It holds a challenge Nimbus can't use: ${parsed.errors.slice(0, 3).join('; ')}` };
  return { ok: true, lesson: parsed.lesson };
}

/** A challenge (or lesson) file's text; `notJson` keeps the file's own message apart from the schema's. */
export type LessonFileResult = { ok: true; lesson: Lesson } | { ok: false; notJson: boolean; errors: string[] };

export function parseLessonFile(text: string): LessonFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, notJson: true, errors: [] };
  }
  const parsed = parseLesson(json);
  return parsed.ok ? parsed : { ok: false, notJson: false, errors: parsed.errors };
}

export const inputsApi = {
  decodeDesignLink: (snapshot: string) => decodeSnapshot(snapshot),
  decodeChallengeLink,
  parseDesignFile: (text: string) => parseDesignJson(text),
  parseLessonFile,
};

export type InputsApi = typeof inputsApi;
