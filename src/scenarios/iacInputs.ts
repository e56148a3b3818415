import type { Design } from '../domain';
import type { IacCompanion, IacFile, IacImportResult } from '../share/iac';

/**
 * The code formats (their mappings, YAML and HCL readers) are fetched on first
 * use: the worker that decodes a link opened in a new tab starts without them.
 */
const formats = () => import('../share/iac');

/**
 * A CloudFormation template or Terraform file (with the files chosen beside
 * it), read by the format that recognises it; the format's label comes back
 * for the notice.
 */
export async function importIacFile(
  text: string,
  fileName: string,
  companions: readonly IacCompanion[] = [],
): Promise<IacImportResult & { formatLabel?: string }> {
  const { recogniseIacFormat } = await formats();
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
export async function exportIacFiles(design: Design, formatId: string): Promise<IacExportResult> {
  const { IAC_FORMATS } = await formats();
  const format = IAC_FORMATS.find((f) => f.id === formatId);
  if (!format) return { ok: false, message: `Nimbus has no export format ${formatId}.` };
  try {
    return { ok: true, files: format.exportDesign(design) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Reading and writing code files, for the worker (and the page when no worker runs). */
export const iacApi = { importIacFile, exportIacFiles };

export type IacApi = typeof iacApi;
