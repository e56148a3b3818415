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
      vpcConfig: null,
    });
  },
  duplicate: { reset: (copy) => copy },
};
