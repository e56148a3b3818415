import { z } from 'zod';
import { FlowSchema } from '../../domain/flows';
import { type Design } from '../../domain/design';
import { LayoutEntrySchema, SimulationSettingsSchema } from '../../domain/design.schema';
import { ResourceIdSchema } from '../../domain/ids.schema';

/**
 * What CloudFormation and Terraform have no words for: the drawing (layout),
 * the traffic (flows), the simulation settings, each resource's Nimbus id and
 * the fields of a resource that only the simulation reads. CloudFormation keeps
 * it in the template's `Metadata.Nimbus`; Terraform in a sidecar JSON file
 * beside the `.tf`. Re-import reads the code for everything the code says and
 * this for the rest, so a design survives the trip; code without it still
 * imports, laid out automatically.
 */
export const IAC_SIDECAR_FORMAT = 'nimbus-iac-sidecar';
export const IAC_SIDECAR_VERSION = 1;

export const IacSidecarSchema = z.object({
  format: z.literal(IAC_SIDECAR_FORMAT),
  version: z.literal(IAC_SIDECAR_VERSION),
  name: z.string().max(200),
  /** The Nimbus id of each resource, by its name in the code (a CloudFormation logical id, a Terraform address). */
  ids: z.record(z.string(), ResourceIdSchema).default({}),
  /** Fields the code has no property for, by Nimbus id (say an instance's simulated boot time). */
  extra: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  layout: z.record(z.string(), LayoutEntrySchema).default({}),
  flows: z.array(FlowSchema).optional(),
  simulation: SimulationSettingsSchema.optional(),
});
export type IacSidecar = z.infer<typeof IacSidecarSchema>;

/** A sidecar for a design; `ids` and `extra` are the format's to fill. */
export function sidecarOf(design: Design): IacSidecar {
  return {
    format: IAC_SIDECAR_FORMAT,
    version: IAC_SIDECAR_VERSION,
    name: design.name,
    ids: {},
    extra: {},
    layout: design.layout,
    ...(design.flows ? { flows: design.flows } : {}),
    ...(design.simulation ? { simulation: design.simulation } : {}),
  };
}

/** Reads a sidecar, or says in one line why it can't. */
export function parseSidecar(input: unknown): { ok: true; sidecar: IacSidecar } | { ok: false; message: string } {
  const parsed = IacSidecarSchema.safeParse(input);
  if (parsed.success) return { ok: true, sidecar: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    message: `The Nimbus metadata can't be read (${issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'invalid'}); the code is imported without its drawing.`,
  };
}
