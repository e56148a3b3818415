import { z } from 'zod';
import { LambdaFunctionIdSchema, LambdaTriggerIdSchema } from '../ids';
import { LoadProfileSchema, LoadRateSchema, NameSchema } from '../common';
import { getResource, layoutParent, resourceById } from '../lookup';
import { reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { resourcesOfKind } from '../lookup';
import { created, refusedDrop } from './drop';

export const LambdaTriggerSchema = z.object({
  kind: z.literal('lambdaTrigger'),
  id: LambdaTriggerIdSchema,
  name: NameSchema,
  functionId: LambdaFunctionIdSchema,
  source: z.enum(['apiGateway', 'sqs', 's3', 'eventBridgeSchedule']),
  /** Offered load for the simulation: events per second. */
  eventsPerSecond: LoadRateSchema.default(1),
  load: LoadProfileSchema.default({ shape: 'constant' }),
});
export type LambdaTrigger = z.infer<typeof LambdaTriggerSchema>;

const TRIGGER_SOURCES = LambdaTriggerSchema.shape.source.options;
const SOURCE_NAME: Record<LambdaTrigger['source'], string> = {
  apiGateway: 'API Gateway',
  sqs: 'SQS queue',
  s3: 'S3 event',
  eventBridgeSchedule: 'Schedule',
};

export const lambdaTriggerKind: KindSpec<'lambdaTrigger'> = {
  kind: 'lambdaTrigger',
  idPrefix: 'trigger',
  label: 'a trigger',
  containers: ['region'],
  isContainer: false,
  containerOf(design, trigger) {
    const fn = getResource(design, trigger.functionId, 'lambdaFunction');
    return fn ? resourceById(design, fn.regionId) : layoutParent(design, trigger.id);
  },
  references: [reportedAs('TRIGGER_FUNCTION_MISSING', requiredRef('functionId', ['lambdaFunction'], 'deleteSelf'))],
  // A trigger invokes the first function of the Region; a schedule fires once a minute.
  create({ design, region, ids, variant }) {
    const fn = resourcesOfKind(design, 'lambdaFunction').find((f) => f.regionId === region?.id);
    if (!fn) return refusedDrop('Add a Lambda function to this Region first: a trigger invokes one.');
    const source = TRIGGER_SOURCES.find((s) => s === variant) ?? 'apiGateway';
    return created({
      kind: 'lambdaTrigger',
      id: ids.next('lambdaTrigger'),
      name: SOURCE_NAME[source],
      functionId: fn.id,
      source,
      eventsPerSecond: source === 'eventBridgeSchedule' ? 1 : 10,
      load: source === 'eventBridgeSchedule' ? { shape: 'schedule', everySeconds: 60 } : { shape: 'constant' },
    });
  },
  duplicate: { reset: (copy) => copy },
};
