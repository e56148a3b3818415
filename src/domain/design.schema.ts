import { z } from 'zod';
import { ResourceIdSchema } from './ids.schema';
import { RESOURCE_SCHEMAS } from './kinds/schemas';
import { FlowSchema } from './flows';
import { atMost } from './common';
import { SimSecondsSchema } from './common.schema';
import { MAX_CANVAS_EXTENT, MAX_SIMULATION_ACTIONS } from './catalogs/limits';
import { ConcurrencySchema } from './kinds/lambdaFunction.schema';
import { ScheduledChangeSchema } from './scheduledChanges';
import { FaultEventSchema } from './faults';
import { MAX_FAULT_EVENTS } from './catalogs/limits';
import { DESIGN_FORMAT, CURRENT_DESIGN_VERSION } from './design';

const CANVAS = "Nimbus's canvas extent";
/** A position on the canvas: finite and within the extent, so sums of positions stay finite. */
const CoordinateSchema = z
  .number()
  .min(-MAX_CANVAS_EXTENT, `must be at least ${(-MAX_CANVAS_EXTENT).toLocaleString('en-US')} (${CANVAS})`)
  .max(MAX_CANVAS_EXTENT, atMost(MAX_CANVAS_EXTENT, CANVAS));
const ExtentSchema = z.number().positive().max(MAX_CANVAS_EXTENT, atMost(MAX_CANVAS_EXTENT, CANVAS));

export const ResourceSchema = z.discriminatedUnion('kind', RESOURCE_SCHEMAS);

export type Resource = z.infer<typeof ResourceSchema>;

/**
 * Where a resource is drawn: position relative to its parent container, and a
 * size for containers. Without x and y the resource is placed automatically
 * inside `parentId` (templates use this to put an Availability Zone in a VPC).
 */
export const LayoutEntrySchema = z.object({
  x: CoordinateSchema.optional(),
  y: CoordinateSchema.optional(),
  parentId: ResourceIdSchema.nullable().default(null),
  width: ExtentSchema.optional(),
  height: ExtentSchema.optional(),
});
export type LayoutEntry = z.infer<typeof LayoutEntrySchema>;

/** What a simulation run starts from: limits, and actions to apply at given sim times. */
export const SimulationSettingsSchema = z.object({
  /** Lambda concurrency limit of the account in the Region (AWS default 1,000). */
  accountConcurrency: ConcurrencySchema.positive().default(1000),
  /**
   * Whether the account has Lambda's always-free monthly allowance (on for an
   * account of one's own; an organisation's accounts share one allowance, so a
   * member account's bill is better modelled without it).
   */
  lambdaFreeTier: z.boolean().default(true),
  /**
   * How Lambda scales up: since November 2023 each function gains 1,000
   * environments every 10 seconds; before, the account had a burst quota by
   * Region and then gained 500 a minute (kept for the history courses tell).
   */
  lambdaScaling: z.enum(['perFunction', 'pre2023Burst']).default('perFunction'),
  actions: z
    .array(
      z.object({
        at: SimSecondsSchema,
        instanceId: z.string(),
        action: z.enum(['start', 'stop', 'hibernate', 'reboot', 'terminate']),
      }),
    )
    .max(MAX_SIMULATION_ACTIONS, atMost(MAX_SIMULATION_ACTIONS, "actions: Nimbus's most scheduled actions"))
    .default([]),
  /** Rule and route changes made at given sim times (see `scheduledChanges.ts`). */
  changes: z
    .array(ScheduledChangeSchema)
    .max(MAX_SIMULATION_ACTIONS, atMost(MAX_SIMULATION_ACTIONS, "changes: Nimbus's most scheduled changes"))
    .default([]),
  /** Failures injected at given sim times (see `faults.ts`). */
  faults: z
    .array(FaultEventSchema)
    .max(MAX_FAULT_EVENTS, atMost(MAX_FAULT_EVENTS, "faults: Nimbus's most fault events"))
    .default([]),
});
export type SimulationSettings = z.infer<typeof SimulationSettingsSchema>;

/**
 * Resources this version of Nimbus could not read (an unknown kind, an invalid
 * field), kept exactly as they came, with their layout entries, so saving never
 * loses them. `parseDesign` fills it and tries them again on every read.
 */
const isPlainRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An object kept as it came. Not `z.record`: a record skips a `__proto__` key,
 * and a resource set aside under that key must still be saved with the design.
 */
const KeptRecordSchema = z.custom<Record<string, unknown>>(isPlainRecord, {
  message: 'Invalid input: expected record',
});

export const SetAsideSchema = z.object({
  resources: KeptRecordSchema,
  layout: KeptRecordSchema.default({}),
});
export type SetAside = z.infer<typeof SetAsideSchema>;

export const DesignSchema = z
  .object({
    format: z.literal(DESIGN_FORMAT),
    version: z.literal(CURRENT_DESIGN_VERSION),
    name: z.string().max(200),
    resources: z.record(z.string(), ResourceSchema),
    layout: z.record(z.string(), LayoutEntrySchema).default({}),
    simulation: SimulationSettingsSchema.optional(),
    /** Traffic the simulation sends; optional so designs without flows round-trip unchanged. */
    flows: z.array(FlowSchema).optional(),
    setAside: SetAsideSchema.optional(),
  })
  .superRefine((design, ctx) => {
    for (const [key, resource] of Object.entries(design.resources)) {
      if (resource.id !== key) {
        ctx.addIssue({
          code: 'custom',
          path: ['resources', key, 'id'],
          message: `must equal its key "${key}" (found "${resource.id}")`,
        });
      }
    }
    for (const key of Object.keys(design.layout)) {
      if (!Object.hasOwn(design.resources, key)) {
        ctx.addIssue({ code: 'custom', path: ['layout', key], message: 'places a resource that does not exist' });
      }
    }
    const firstFlowWithId = new Map<string, number>();
    design.flows?.forEach((flow, index) => {
      const first = firstFlowWithId.get(flow.id);
      if (first === undefined) firstFlowWithId.set(flow.id, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['flows', index, 'id'],
          message: `"${flow.id}" is already the id of flows.${first}; flow ids must be unique`,
        });
    });
  });

export type Design = z.infer<typeof DesignSchema>;
