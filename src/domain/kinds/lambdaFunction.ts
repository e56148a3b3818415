import { resourceById } from '../lookup';
import { listIn, reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { resourcesOfKind } from '../lookup';
import { created, refusedDrop } from './drop';
import type { AsyncInvocation, LambdaFunction } from './lambdaFunction.schema';

export const DEFAULT_ASYNC_INVOCATION: AsyncInvocation = {
  maximumRetryAttempts: 2,
  maximumEventAgeSeconds: 21_600,
  onFailure: 'discard',
};

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

export type { AsyncInvocation, LambdaRuntime, LambdaFunction } from './lambdaFunction.schema';
