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

/** One file an export writes: the code, and for Terraform the sidecar beside it. */
export interface IacFile {
  name: string;
  text: string;
  mime: string;
}
