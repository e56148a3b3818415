import { z } from 'zod';
import { EcsClusterIdSchema, EcsServiceIdSchema, SecurityGroupIdSchema, SubnetIdSchema } from '../ids';
import { atMost, LoadProfileSchema, LoadRateSchema, NameSchema } from '../common';
import { ECS_MAX_TASKS_PER_SERVICE } from '../catalogs/limits';
import { resourceById } from '../lookup';
import { listRef, reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';

/** A number of tasks: at most ECS's "Tasks per service", so a file can't ask the simulation for more. */
const TaskCountSchema = z
  .number()
  .int()
  .min(0)
  .max(ECS_MAX_TASKS_PER_SERVICE, atMost(ECS_MAX_TASKS_PER_SERVICE, 'Amazon ECS quota "Tasks per service"'));

export const EcsServiceSchema = z.object({
  kind: z.literal('ecsService'),
  id: EcsServiceIdSchema,
  name: NameSchema,
  clusterId: EcsClusterIdSchema,
  launchType: z.enum(['EC2', 'FARGATE']),
  /** Task size in CPU units (1,024 = 1 vCPU) and MiB, as ECS task definitions give it. */
  taskCpu: z.number().int().positive(),
  taskMemory: z.number().int().positive(),
  desiredCount: TaskCountSchema,
  subnetIds: z.array(SubnetIdSchema).default([]),
  securityGroupIds: z.array(SecurityGroupIdSchema).default([]),
  /** Requests per second the service receives in the simulation, shaped over time. */
  requestsPerSecond: LoadRateSchema.default(0),
  load: LoadProfileSchema.default({ shape: 'constant' }),
  /** Target tracking: keep about this many requests per task, between min and max tasks. */
  scaling: z
    .object({
      targetRequestsPerTask: z.number().positive(),
      minTasks: TaskCountSchema,
      maxTasks: TaskCountSchema.min(1),
    })
    .nullable()
    .default(null),
});
export type EcsService = z.infer<typeof EcsServiceSchema>;

/**
 * Target tracking as Nimbus first proposes it: about 100 requests per task,
 * never fewer tasks than the service runs now (at least one), up to five
 * times as many (at least ten), within ECS's tasks per service. The user
 * tunes it from there.
 */
export function startingTargetTracking(desiredCount: number): NonNullable<EcsService['scaling']> {
  return {
    targetRequestsPerTask: 100,
    minTasks: Math.max(1, desiredCount),
    maxTasks: Math.min(ECS_MAX_TASKS_PER_SERVICE, Math.max(10, desiredCount * 5)),
  };
}

export const ecsServiceKind: KindSpec<'ecsService'> = {
  kind: 'ecsService',
  idPrefix: 'ecssvc',
  label: 'an ECS service',
  containers: ['ecsCluster'],
  isContainer: false,
  containerOf: (design, service) => resourceById(design, service.clusterId),
  references: [
    reportedAs('ECS_CLUSTER_MISSING', requiredRef('clusterId', ['ecsCluster'], 'deleteSelf')),
    reportedAs('RESOURCE_SUBNET_MISSING', listRef('subnetIds', ['subnet'])),
    reportedAs('SECURITY_GROUP_MISSING', listRef('securityGroupIds', ['securityGroup'])),
  ],
  // Two of the smallest Fargate task size (0.25 vCPU, 512 MiB), or on container instances for the EC2 variant.
  create({ container, ids, variant }) {
    if (container?.kind !== 'ecsCluster') return refusedDrop('Drop the service inside an ECS cluster.');
    const fargate = variant !== 'ec2';
    return created({
      kind: 'ecsService',
      id: ids.next('ecsService'),
      name: fargate ? 'Fargate service' : 'ECS service',
      clusterId: container.id,
      launchType: fargate ? 'FARGATE' : 'EC2',
      taskCpu: 256,
      taskMemory: 512,
      desiredCount: 2,
      subnetIds: [],
      securityGroupIds: [],
      requestsPerSecond: 0,
      load: { shape: 'constant' },
      scaling: null,
    });
  },
  duplicate: { reset: (copy) => copy },
};
