import { z } from 'zod';
import { EcsClusterIdSchema, EcsServiceIdSchema, SecurityGroupIdSchema, SubnetIdSchema } from '../ids.schema';
import { atMost } from '../common';
import { LoadProfileSchema, LoadRateSchema, NameSchema } from '../common.schema';
import { ECS_MAX_TASKS_PER_SERVICE } from '../catalogs/limits';

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
