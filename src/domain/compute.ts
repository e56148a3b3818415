import { z } from 'zod';
import {
  EcsClusterIdSchema,
  EcsServiceIdSchema,
  EksClusterIdSchema,
  ElasticIpIdSchema,
  InstanceIdSchema,
  InternetIdSchema,
  LambdaFunctionIdSchema,
  LambdaTriggerIdSchema,
  RegionIdSchema,
  SecurityGroupIdSchema,
  SubnetIdSchema,
} from './ids';
import { Ipv4TextSchema, NameSchema } from './common';

/** EC2 API instance states (reboot is a phase inside `running`, not a state). */
export const InstanceStateSchema = z.enum(['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated']);
export type InstanceState = z.infer<typeof InstanceStateSchema>;

export const Ec2InstanceSchema = z.object({
  kind: z.literal('ec2Instance'),
  id: InstanceIdSchema,
  name: NameSchema,
  subnetId: SubnetIdSchema,
  amiId: z.string(),
  instanceType: z.string(),
  privateIp: Ipv4TextSchema,
  /** Whether the instance has an auto-assigned public IPv4 address. */
  publicIp: z.boolean().default(false),
  elasticIpId: ElasticIpIdSchema.nullable().default(null),
  securityGroupIds: z.array(SecurityGroupIdSchema),
  hibernationEnabled: z.boolean().default(false),
  terminationProtection: z.boolean().default(false),
  state: InstanceStateSchema.default('running'),
});

export const EcsClusterSchema = z.object({
  kind: z.literal('ecsCluster'),
  id: EcsClusterIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
});

/**
 * Offered load over time, in events per second: constant; a ramp from 0 to the
 * rate over `seconds`; a spike to `peak` between `from` and `to`; a daily curve
 * peaking at noon; or a schedule firing once every `everySeconds`.
 */
export const LoadProfileSchema = z.discriminatedUnion('shape', [
  z.object({ shape: z.literal('constant') }),
  z.object({ shape: z.literal('ramp'), seconds: z.number().positive() }),
  z.object({ shape: z.literal('spike'), peak: z.number().min(0), from: z.number().min(0), to: z.number().min(0) }),
  z.object({ shape: z.literal('daily') }),
  z.object({ shape: z.literal('schedule'), everySeconds: z.number().positive() }),
]);
export type LoadProfile = z.infer<typeof LoadProfileSchema>;

export const EcsServiceSchema = z.object({
  kind: z.literal('ecsService'),
  id: EcsServiceIdSchema,
  name: NameSchema,
  clusterId: EcsClusterIdSchema,
  launchType: z.enum(['EC2', 'FARGATE']),
  /** Task size in CPU units (1,024 = 1 vCPU) and MiB, as ECS task definitions give it. */
  taskCpu: z.number().int().positive(),
  taskMemory: z.number().int().positive(),
  desiredCount: z.number().int().min(0),
  subnetIds: z.array(SubnetIdSchema).default([]),
  securityGroupIds: z.array(SecurityGroupIdSchema).default([]),
  /** Requests per second the service receives in the simulation, shaped over time. */
  requestsPerSecond: z.number().min(0).default(0),
  load: LoadProfileSchema.default({ shape: 'constant' }),
  /** Target tracking: keep about this many requests per task, between min and max tasks. */
  scaling: z
    .object({
      targetRequestsPerTask: z.number().positive(),
      minTasks: z.number().int().min(0),
      maxTasks: z.number().int().min(1),
    })
    .nullable()
    .default(null),
});

export const EksComputeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('nodeGroup'),
    instanceType: z.string(),
    minSize: z.number().int().min(0),
    desiredSize: z.number().int().min(0),
    maxSize: z.number().int().min(1),
  }),
  z.object({ type: z.literal('fargateProfile'), namespaces: z.array(z.string()) }),
]);

export const EksClusterSchema = z.object({
  kind: z.literal('eksCluster'),
  id: EksClusterIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
  kubernetesVersion: z.string().default('1.33'),
  subnetIds: z.array(SubnetIdSchema).default([]),
  compute: EksComputeSchema,
});

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
  reservedConcurrency: z.number().int().min(0).nullable().default(null),
  provisionedConcurrency: z.number().int().min(0).default(0),
  /** Set when the function has VPC access (it then gets interfaces in these subnets). */
  vpcConfig: z
    .object({
      subnetIds: z.array(SubnetIdSchema),
      securityGroupIds: z.array(SecurityGroupIdSchema),
    })
    .nullable()
    .default(null),
});

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

export const InternetSchema = z.object({
  kind: z.literal('internet'),
  id: InternetIdSchema,
  name: NameSchema,
});

export type Ec2Instance = z.infer<typeof Ec2InstanceSchema>;
export type EcsCluster = z.infer<typeof EcsClusterSchema>;
export type EcsService = z.infer<typeof EcsServiceSchema>;
export type EksCluster = z.infer<typeof EksClusterSchema>;
export type LambdaRuntime = z.infer<typeof LambdaRuntimeSchema>;
export type LambdaFunction = z.infer<typeof LambdaFunctionSchema>;
export type LambdaTrigger = z.infer<typeof LambdaTriggerSchema>;
export type Internet = z.infer<typeof InternetSchema>;
