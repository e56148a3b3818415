import { z } from 'zod';
import { LambdaFunctionIdSchema, LambdaTriggerIdSchema } from '../ids';
import { LoadProfileSchema, NameSchema } from '../common';
import { getResource, layoutParent, resourceById } from '../lookup';
import { reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';

export const LambdaTriggerSchema = z.object({
  kind: z.literal('lambdaTrigger'),
  id: LambdaTriggerIdSchema,
  name: NameSchema,
  functionId: LambdaFunctionIdSchema,
  source: z.enum(['apiGateway', 'sqs', 's3', 'eventBridgeSchedule']),
  /** Offered load for the simulation: events per second. */
  eventsPerSecond: z.number().min(0).default(1),
  load: LoadProfileSchema.default({ shape: 'constant' }),
});
export type LambdaTrigger = z.infer<typeof LambdaTriggerSchema>;

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
  duplicate: { reset: (copy) => copy },
};
