import { z } from 'zod';
import { LambdaFunctionIdSchema, RegionIdSchema, SecurityGroupIdSchema, SubnetIdSchema } from '../ids';
import { atMost, NameSchema } from '../common';
import { LAMBDA_MAX_ACCOUNT_CONCURRENCY } from '../catalogs/limits';

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
import { resourceById } from '../lookup';
import { listIn, reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { resourcesOfKind } from '../lookup';
import { created, refusedDrop } from './drop';

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
export const DEFAULT_ASYNC_INVOCATION: AsyncInvocation = {
  maximumRetryAttempts: 2,
  maximumEventAgeSeconds: 21_600,
  onFailure: 'discard',
};

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

type VpcConfig = NonNullable<LambdaFunction['vpcConfig']>;
const vpcConfigList = (field: keyof VpcConfig, kind: 'subnet' | 'securityGroup') =>
  listIn<LambdaFunction>(
    `vpcConfig.${field}`,
    [kind],
    (fn) => fn.vpcConfig?.[field] ?? [],
    (fn, next) => (fn.vpcConfig ? { ...fn, vpcConfig: { ...fn.vpcConfig, [field]: next } } : fn),
  );

export const lambdaFunctionKind: KindSpec<'lambdaFunction'> = {
  kind: 'lambdaFunction',
  idPrefix: 'fn',
  label: 'a Lambda function',
  containers: ['region'],
  isContainer: false,
  containerOf: (design, fn) => resourceById(design, fn.regionId),
  references: [
    requiredRef('regionId', ['region'], 'keep'),
    reportedAs('RESOURCE_SUBNET_MISSING', vpcConfigList('subnetIds', 'subnet')),
    reportedAs('SECURITY_GROUP_MISSING', vpcConfigList('securityGroupIds', 'securityGroup')),
  ],
  // Nimbus's starting function: Node.js, 512 MB, a 30 s timeout and 200 ms per invocation.
  create({ design, region, ids }) {
    if (!region) return refusedDrop('Drop the function inside a Region.');
    return created({
      kind: 'lambdaFunction',
      id: ids.next('lambdaFunction'),
      name: `function-${resourcesOfKind(design, 'lambdaFunction').length + 1}`,
      regionId: region.id,
      runtime: 'nodejs22.x',
      architecture: 'x86_64',
      memoryMb: 512,
      timeoutSeconds: 30,
      averageDurationMs: 200,
      reservedConcurrency: null,
      provisionedConcurrency: 0,
      errorRate: 0,
      asyncInvocation: DEFAULT_ASYNC_INVOCATION,
      vpcConfig: null,
    });
  },
  duplicate: { reset: (copy) => copy },
};
