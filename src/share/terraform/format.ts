import type { Design } from '../../domain/design';
import { withoutBom } from '../../domain/parse';
import { parseSidecar, type IacSidecar } from '../iac/sidecar';
import type { IacCompanion, IacFormat, IacImportNote, IacImportResult, IacSource } from '../iac/types';
import { exportTerraform } from './exportTerraform';
import { readHcl, MAX_HCL_CHARS, type HclJson } from './hclRead';
import { decodeSource, sourceOfHclJson, type TfSource } from './importTerraform';
import { sourceOfPlan, sourceOfShownState, sourceOfState } from './planState';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const NOT_TERRAFORM =
  'This file is not Terraform Nimbus can read: expected a .tf file, a plan (terraform show -json plan.out, with "format_version" and "planned_values"), or a state (terraform.tfstate, "version": 4).';

export const isPlanJson = (json: unknown): json is Json =>
  isObject(json) &&
  typeof json.format_version === 'string' &&
  (isObject(json.planned_values) || Array.isArray(json.resource_changes));
export const isStateJson = (json: unknown): json is Json =>
  isObject(json) && json.version === 4 && typeof json.terraform_version === 'string';
const isShownState = (json: unknown): json is Json =>
  isObject(json) && typeof json.format_version === 'string' && isObject(json.values);
/** Terraform's JSON syntax (`main.tf.json`) has the shape hcl2json gives. */
const isTerraformJsonSyntax = (json: unknown): json is Record<string, HclJson> =>
  isObject(json) &&
  (isObject(json.resource) || isObject(json.provider) || Array.isArray(json.terraform) || isObject(json.terraform));

function parseJson(text: string): { ok: true; json: unknown } | { ok: false; message: string } {
  if (text.length > MAX_HCL_CHARS)
    return {
      ok: false,
      message: `The file is ${text.length.toLocaleString('en-US')} characters; Nimbus reads Terraform files of up to ${MAX_HCL_CHARS.toLocaleString('en-US')}.`,
    };
  try {
    return { ok: true, json: JSON.parse(withoutBom(text)) };
  } catch (error) {
    return {
      ok: false,
      message: `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
}

/** The sidecar among the files read beside the code: `<stem>.nimbus.json`. */
function sidecarIn(companions: readonly IacCompanion[] | undefined, warnings: string[]): IacSidecar | null {
  const file = companions?.find((c) => c.name.endsWith('.nimbus.json'));
  if (!file) return null;
  const parsed = parseJson(file.text);
  if (!parsed.ok) {
    warnings.push(`${file.name}: ${parsed.message} The code is imported without its drawing.`);
    return null;
  }
  const sidecar = parseSidecar(parsed.json);
  if (!sidecar.ok) {
    warnings.push(`${file.name}: ${sidecar.message}`);
    return null;
  }
  return sidecar.sidecar;
}

function finish(source: TfSource, kind: IacSource, companions?: readonly IacCompanion[]): IacImportResult {
  const warnings: string[] = [];
  const sidecar = sidecarIn(companions, warnings);
  const decoded = decodeSource({ ...source, warnings: [...warnings, ...source.warnings] }, sidecar, kind);
  if (!decoded.ok) return decoded;
  if (kind !== 'terraform-hcl' && decoded.note.unknownValues.length > 0)
    decoded.note.warnings.push(
      `${decoded.note.unknownValues.length} value${decoded.note.unknownValues.length === 1 ? ' is' : 's are'} known only after apply (listed as unknown values); Nimbus fills in what AWS would decide at launch where it can (each entry says what it picked) and otherwise leaves them empty or uses the kind's default, so addresses may differ once the plan is applied.`,
    );
  return { ok: true, design: decoded.design, note: decoded.note };
}

/** `.tf` text (and more `.tf` files of the same module among the companions). */
export function importTerraformHcl(text: string, companions?: readonly IacCompanion[]): IacImportResult {
  const files: Record<string, HclJson>[] = [];
  for (const t of [text, ...(companions ?? []).filter((c) => c.name.endsWith('.tf')).map((c) => c.text)]) {
    const read = readHcl(withoutBom(t));
    if (!read.ok) return read;
    files.push(read.json);
  }
  return finish(sourceOfHclJson(files), 'terraform-hcl', companions);
}

/** A plan as `terraform show -json plan.out` writes it: what the design is after apply. */
export function importTerraformPlan(text: string, companions?: readonly IacCompanion[]): IacImportResult {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  if (!isPlanJson(parsed.json)) return { ok: false, message: NOT_TERRAFORM };
  return finish(sourceOfPlan(parsed.json, 'after'), 'terraform-plan', companions);
}

/** A state file (`terraform.tfstate`, format 4) or a shown state (`terraform show -json`). */
export function importTerraformState(text: string, companions?: readonly IacCompanion[]): IacImportResult {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  if (isStateJson(parsed.json)) return finish(sourceOfState(parsed.json), 'terraform-state', companions);
  if (isShownState(parsed.json)) return finish(sourceOfShownState(parsed.json), 'terraform-state', companions);
  return { ok: false, message: NOT_TERRAFORM };
}

/**
 * Both sides of a plan, for `nimbus diff`: the prior state as before (an empty
 * design when the plan has none: everything is new) and the planned values as after.
 */
export function terraformPlanSides(text: string): { before: IacImportResult; after: IacImportResult } {
  const parsed = parseJson(text);
  if (!parsed.ok) return { before: parsed, after: parsed };
  if (!isPlanJson(parsed.json))
    return { before: { ok: false, message: NOT_TERRAFORM }, after: { ok: false, message: NOT_TERRAFORM } };
  return {
    before: finish(sourceOfPlan(parsed.json, 'before'), 'terraform-plan'),
    after: finish(sourceOfPlan(parsed.json, 'after'), 'terraform-plan'),
  };
}

/** Any Terraform file: `.tf`, `.tf.json`, a plan or a state. */
export function importTerraform(text: string, fileName: string, companions?: readonly IacCompanion[]): IacImportResult {
  const trimmed = withoutBom(text).trimStart();
  if (fileName.endsWith('.tf') || !trimmed.startsWith('{')) return importTerraformHcl(text, companions);
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  if (isPlanJson(parsed.json)) return finish(sourceOfPlan(parsed.json, 'after'), 'terraform-plan', companions);
  if (isStateJson(parsed.json)) return finish(sourceOfState(parsed.json), 'terraform-state', companions);
  if (isShownState(parsed.json)) return finish(sourceOfShownState(parsed.json), 'terraform-state', companions);
  if (isTerraformJsonSyntax(parsed.json)) return finish(sourceOfHclJson([parsed.json]), 'terraform-hcl', companions);
  return { ok: false, message: NOT_TERRAFORM };
}

/** A cheap look: a `.tf` file, or JSON that opens as a plan or a state. */
export function recognisesTerraform(text: string, fileName: string): boolean {
  try {
    if (/\.tf$/i.test(fileName)) return true;
    const head = withoutBom(text).trimStart();
    if (!head.startsWith('{')) return false;
    if (/\.tf\.json$/i.test(fileName)) return true;
    const sample = head.slice(0, 4096);
    const plan =
      /"format_version"\s*:/.test(sample) && /"(planned_values|resource_changes)"\s*:/.test(head.slice(0, 200_000));
    const state = /"version"\s*:\s*4\b/.test(sample) && /"terraform_version"\s*:/.test(sample);
    return plan || state;
  } catch {
    return false;
  }
}

/** Both sides of a plan in one result, the shape `IacFormat.sides` returns for `nimbus diff <plan.json>`. */
export type TerraformSidesResult =
  { ok: true; before: Design; after: Design; note: IacImportNote } | { ok: false; message: string };

/** A plan's two sides; the note is the after side's, with the before side's warnings added. */
export function terraformSides(text: string): TerraformSidesResult {
  const { before, after } = terraformPlanSides(text);
  if (!after.ok) return after;
  if (!before.ok) return { ok: false, message: `the plan's prior state can't be read: ${before.message}` };
  const warnings = [...after.note.warnings, ...before.note.warnings.filter((w) => !after.note.warnings.includes(w))];
  return { ok: true, before: before.design, after: after.design, note: { ...after.note, warnings } };
}

/**
 * What `nimbus import` reads beside a Terraform file from its folder: for
 * `<stem>.tf`, the module's other `.tf` files (Terraform reads every `.tf` of
 * a folder as one module) and the sidecar `<stem>.nimbus.json` an export wrote
 * beside it; for `<stem>.tf.json`, the sidecar. Plans and state have none.
 */
export function terraformCompanionNames(fileName: string, siblings: readonly string[]): string[] {
  const stem = /^(.*)\.tf(\.json)?$/i.exec(fileName);
  if (!stem) return [];
  const sidecar = `${stem[1]}.nimbus.json`;
  const moduleFiles = stem[2] ? [] : siblings.filter((n) => /\.tf$/i.test(n) && n !== fileName);
  return [...moduleFiles.sort(), ...siblings.filter((n) => n === sidecar)];
}

/** Terraform (HCL) in the table of infrastructure-as-code formats; a plan also gives its two sides. */
export const TERRAFORM_FORMAT: IacFormat & { sides(text: string, fileName: string): TerraformSidesResult } = {
  id: 'terraform',
  label: 'Terraform (HCL)',
  exportDesign: (design: Design) => exportTerraform(design),
  recognises: recognisesTerraform,
  companionNames: terraformCompanionNames,
  sides: (text) => {
    try {
      return terraformSides(text);
    } catch (error) {
      return {
        ok: false,
        message: `The Terraform plan can't be read (${error instanceof Error ? error.message : String(error)}).`,
      };
    }
  },
  importText: (text, fileName, companions) => {
    try {
      return importTerraform(text, fileName, companions);
    } catch (error) {
      return {
        ok: false,
        message: `The Terraform file can't be read (${error instanceof Error ? error.message : String(error)}).`,
      };
    }
  },
};
