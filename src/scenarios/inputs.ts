import { parseDesignJson, type Design } from '../domain';
import { decodeJsonSnapshot, decodeSnapshot } from '../share/urlCodec';
import { IAC_FORMATS, recogniseIacFormat, type IacCompanion, type IacFile, type IacImportResult } from '../share/iac';
import { parseLesson, type Lesson } from './learn/schema';

/**
 * Reading what a user brings in (share and challenge links, design and
 * challenge files, infrastructure-as-code files) and writing designs out as code:
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

/**
 * A CloudFormation template or Terraform file (with the files chosen beside
 * it), read by the format that recognises it; the format's label comes back
 * for the notice.
 */
export function importIacFile(
  text: string,
  fileName: string,
  companions: readonly IacCompanion[] = [],
): IacImportResult & { formatLabel?: string } {
  const format = recogniseIacFormat(text, fileName);
  if (!format)
    return { ok: false, message: `${fileName} is not a CloudFormation template or Terraform file Nimbus reads.` };
  return { ...format.importText(text, fileName, companions), formatLabel: format.label };
}

export type IacExportResult = { ok: true; files: IacFile[] } | { ok: false; message: string };

/**
 * A design written as code in one of the formats (Share → Export): here too,
 * because writing a template of thousands of resources, and reading it back to
 * keep what the code can't say, takes the better part of a second.
 */
export function exportIacFiles(design: Design, formatId: string): IacExportResult {
  const format = IAC_FORMATS.find((f) => f.id === formatId);
  if (!format) return { ok: false, message: `Nimbus has no export format ${formatId}.` };
  try {
    return { ok: true, files: format.exportDesign(design) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export const inputsApi = {
  decodeDesignLink: (snapshot: string) => decodeSnapshot(snapshot),
  decodeChallengeLink,
  parseDesignFile: (text: string) => parseDesignJson(text),
  parseLessonFile,
  importIacFile,
  exportIacFiles,
};

export type InputsApi = typeof inputsApi;
