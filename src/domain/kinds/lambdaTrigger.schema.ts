import { z } from 'zod';
import { LambdaFunctionIdSchema, LambdaTriggerIdSchema } from '../ids.schema';
import { LoadProfileSchema, LoadRateSchema, NameSchema } from '../common.schema';

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
