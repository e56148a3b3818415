import type { Design } from '../../domain/design';

/** Which kind of infrastructure-as-code file an import read. */
export type IacSource = 'cloudformation' | 'terraform-hcl' | 'terraform-plan' | 'terraform-state';

/** What an import says beside the design: never silent about what it could not bring in. */
export interface IacImportNote {
  source: IacSource;
  /** Resource types Nimbus does not model, with how many the file had of each (`AWS::SQS::Queue` × 2). */
  unsupported: { type: string; count: number }[];
  /** Values the file leaves unknown until apply (`aws_instance.web.private_ip`), said as such in the design. */
  unknownValues: string[];
  /** Anything else worth a line: a parameter without a default, a condition taken as false. */
  warnings: string[];
}

export type IacImportResult = { ok: true; design: Design; note: IacImportNote } | { ok: false; message: string };

/**
 * Both sides of a change one file carries (a Terraform plan: the state before
 * apply and the planned values after), for `nimbus diff <plan.json>`.
 */
export type IacSidesResult =
  { ok: true; before: Design; after: Design; note: IacImportNote } | { ok: false; message: string };

/** One file an export writes: the code, and for Terraform the sidecar beside it. */
export interface IacFile {
  name: string;
  text: string;
  mime: string;
  /** What the file could not say so the provider accepts it (a rule CloudFormation refuses), for the user to read. */
  warnings?: string[];
}

/** A file read beside the one imported (a Terraform sidecar, more `.tf` files of the same module). */
export interface IacCompanion {
  name: string;
  text: string;
}

/**
 * One infrastructure-as-code format Nimbus writes and reads. The Share menu,
 * the Open dialog and the CLI (`nimbus export`, `nimbus import`) list these;
 * adding a format is one entry in `IAC_FORMATS` (`formats.ts`).
 */
export interface IacFormat extends IacCompanionNames {
  /** `--format` on the command line. */
  id: string;
  /** In menus: "CloudFormation (YAML)". */
  label: string;
  /** The files an export writes (one for CloudFormation; the code and its sidecar for Terraform). */
  exportDesign(design: Design): IacFile[];
  /** A cheap look at a file's name and first characters: is it this format's? Never throws. */
  recognises(text: string, fileName: string): boolean;
  /** Reads a file of this format; never throws, says what it couldn't read in the result. */
  importText(text: string, fileName: string, companions?: readonly IacCompanion[]): IacImportResult;
  /**
   * Only for formats whose one file holds a change (the Terraform plan entry
   * fills it with `terraformPlanSides`): the design before and after it. Absent,
   * the format's files hold one design, and a diff needs two files.
   */
  sides?(text: string, fileName: string, companions?: readonly IacCompanion[]): IacSidesResult;
}

/**
 * What a format reads beside a file, from the names of the other files in its
 * folder (Terraform: the module's other `.tf` files and the sidecar). Optional:
 * a format without it reads one file alone. The Open dialog passes the files
 * chosen with it; `nimbus import` reads these from the file's folder.
 */
export interface IacCompanionNames {
  companionNames?(fileName: string, siblings: readonly string[]): string[];
}
