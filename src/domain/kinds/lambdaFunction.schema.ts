import { z } from 'zod';
import { LambdaFunctionIdSchema, RegionIdSchema, SecurityGroupIdSchema, SubnetIdSchema } from '../ids.schema';
import { atMost } from '../common';
import { NameSchema } from '../common.schema';
import { LAMBDA_MAX_ACCOUNT_CONCURRENCY } from '../catalogs/limits';
import { DEFAULT_ASYNC_INVOCATION } from './lambdaFunction';

/** Concurrent executions: never more than an account can be given. */
export const ConcurrencySchema = z
  .number()
  .int()
  .min(0)
  .max(
    LAMBDA_MAX_ACCOUNT_CONCURRENCY,
    atMost(
      LAMBDA_MAX_ACCOUNT_CONCURRENCY,
      'Nimbus\'s bound for the Lambda quota "Concurrent executions", which AWS raises to tens of thousands',
    ),
  );

export const LambdaRuntimeSchema = z.enum([
  'nodejs22.x',
  'python3.13',
  'java21',
  'dotnet8',
  'go (provided.al2023)',
  'rust (provided.al2023)',
  'ruby3.4',
]);

/**
 * Asynchronous invocation (Lambda Developer Guide, "Asynchronous invocation" and
 * "Configuring error handling for asynchronous invocation"): a function error is
 * retried up to `maximumRetryAttempts` times (0-2, default 2), about one and then
 * two minutes apart; a throttled event waits and is retried for up to
 * `maximumEventAgeSeconds` (60-21,600, default 6 hours). An event out of retries
 * or age goes to the on-failure destination or dead-letter queue, or is discarded.
 */
export const AsyncInvocationSchema = z.object({
  maximumRetryAttempts: z.number().int().min(0).max(2),
  maximumEventAgeSeconds: z.number().int().min(60).max(21_600),
  onFailure: z.enum(['discard', 'deadLetterQueue', 'destination']),
});
export type AsyncInvocation = z.infer<typeof AsyncInvocationSchema>;

export const LambdaFunctionSchema = z.object({
  kind: z.literal('lambdaFunction'),
  id: LambdaFunctionIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
  runtime: LambdaRuntimeSchema,
  architecture: z.enum(['x86_64', 'arm64']).default('x86_64'),
  memoryMb: z.number().int(),
  timeoutSeconds: z.number().int(),
  averageDurationMs: z.number().positive(),
  reservedConcurrency: ConcurrencySchema.nullable().default(null),
  provisionedConcurrency: ConcurrencySchema.default(0),
  /** Share of invocations that end in a function error (0 to 1); a run longer than the timeout is always one. */
  errorRate: z.number().min(0).max(1).default(0),
  /** How events invoked asynchronously (S3, EventBridge) are retried and where failures go. */
  asyncInvocation: AsyncInvocationSchema.default(DEFAULT_ASYNC_INVOCATION),
  /** Set when the function has VPC access (it then gets interfaces in these subnets). */
  vpcConfig: z
    .object({
      subnetIds: z.array(SubnetIdSchema),
      securityGroupIds: z.array(SecurityGroupIdSchema),
    })
    .nullable()
    .default(null),
});
export type LambdaRuntime = z.infer<typeof LambdaRuntimeSchema>;
export type LambdaFunction = z.infer<typeof LambdaFunctionSchema>;
