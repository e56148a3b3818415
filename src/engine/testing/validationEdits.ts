import { produce, type Draft } from 'immer';
import type { Design, LambdaFunction, Resource, SecurityGroup } from '../../domain';
import { validateDesign } from '../validate';
import { sampleDesign } from './sampleDesign';

/** Small edits of the valid sample design, shared by the validation tests. */
export const base = sampleDesign();
export const byName = <T extends Resource>(d: Draft<Design>, name: string): Draft<T> => {
  const found = Object.values(d.resources).find((r) => r.name === name);
  if (!found) throw new Error(`no resource named ${name}`);
  return found as Draft<T>;
};
export const one = <K extends Resource['kind']>(d: Draft<Design>, kind: K) =>
  Object.values(d.resources).find((r) => r.kind === kind) as Draft<Extract<Resource, { kind: K }>>;
export const codes = (design: Design) => validateDesign(design).map((f) => f.code);
export const edit = (recipe: (d: Draft<Design>) => void) => produce(base, recipe);

/** Adds a secondary CIDR the way AWS does: with a local route in every table of the VPC. */
export function addSecondaryCidr(d: Draft<Design>, block: string): void {
  one(d, 'vpc').secondaryCidrs.push(block);
  for (const r of Object.values(d.resources))
    if (r.kind === 'routeTable') r.routes.push({ destination: block, target: 'local' });
}

export const fixedIds = { next: <T extends string>(kind: string) => `${kind}-new` as T };

export function lambda(overrides: Partial<LambdaFunction> = {}): LambdaFunction {
  return {
    kind: 'lambdaFunction',
    id: 'fn-1',
    name: 'resize',
    regionId: 'region-1',
    runtime: 'nodejs22.x',
    architecture: 'x86_64',
    memoryMb: 512,
    timeoutSeconds: 30,
    averageDurationMs: 200,
    reservedConcurrency: null,
    provisionedConcurrency: 0,
    errorRate: 0,
    asyncInvocation: { maximumRetryAttempts: 2, maximumEventAgeSeconds: 21_600, onFailure: 'discard' },
    vpcConfig: null,
    ...overrides,
  } as LambdaFunction;
}

/** An ECS cluster with a Fargate service of 256 CPU units and the given memory. */
export function addFargateService(d: Draft<Design>, taskMemory: number): void {
  d.resources['ecs-1'] = { kind: 'ecsCluster', id: 'ecs-1' as never, name: 'Cluster', regionId: 'region-1' as never };
  d.resources['ecssvc-1'] = {
    kind: 'ecsService',
    id: 'ecssvc-1' as never,
    name: 'web',
    clusterId: 'ecs-1' as never,
    launchType: 'FARGATE',
    taskCpu: 256,
    taskMemory,
    desiredCount: 2,
    subnetIds: [],
    securityGroupIds: [],
    requestsPerSecond: 0,
    load: { shape: 'constant' },
    scaling: null,
  };
}

/** Fills a security group's inbound rules up to `count` distinct rules (for the per-group quota). */
export function fillSgInbound(group: Draft<SecurityGroup>, count: number): void {
  for (let n = group.inbound.length; n < count; n++)
    group.inbound.push({
      protocol: 'tcp',
      ports: { from: 1000 + n, to: 1000 + n },
      peer: { type: 'cidr', cidr: '10.0.0.0/16' },
      description: '',
    });
}
