import { z } from 'zod';
import {
  AutoScalingGroupIdSchema,
  LaunchTemplateIdSchema,
  SubnetIdSchema,
  TargetGroupIdSchema,
  VpcIdSchema,
} from '../ids.schema';
import { atMost } from '../common';
import { NameSchema, SimSecondsSchema } from '../common.schema';
import { ASG_MAX_POLICIES, ASG_MAX_SCHEDULED_ACTIONS, ASG_MAX_SIZE } from '../catalogs/limits';

const SizeSchema = z
  .number()
  .int()
  .min(0)
  .max(ASG_MAX_SIZE, atMost(ASG_MAX_SIZE, "Nimbus's largest Auto Scaling group"));

/**
 * Target tracking (`PutScalingPolicy`, `TargetTrackingScaling`): keep the
 * group's average CPU, or each target's ALB requests per minute, near the
 * target value. Source: EC2 Auto Scaling User Guide, "Target tracking scaling policies".
 */
export const TargetTrackingPolicySchema = z.object({
  type: z.literal('targetTracking'),
  metric: z.enum(['ASGAverageCPUUtilization', 'ALBRequestCountPerTarget']),
  targetValue: z.number().positive(),
  disableScaleIn: z.boolean().default(false),
});

/**
 * Step scaling: when the group's average CPU crosses the alarm threshold, the
 * step whose bounds (relative to the threshold) hold the breach applies its
 * adjustment. Source: EC2 Auto Scaling User Guide, "Step and simple scaling policies".
 */
export const StepScalingPolicySchema = z.object({
  type: z.literal('step'),
  metric: z.literal('ASGAverageCPUUtilization'),
  comparison: z.enum(['above', 'below']),
  threshold: z.number().min(0).max(100),
  adjustmentType: z.enum(['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity']).default('ChangeInCapacity'),
  steps: z
    .array(
      z.object({
        lowerBound: z.number().nullable().default(null),
        upperBound: z.number().nullable().default(null),
        adjustment: z.number().int(),
      }),
    )
    .min(1)
    .max(20, atMost(20, 'EC2 Auto Scaling: step adjustments per policy')),
});

export const ScalingPolicySchema = z.discriminatedUnion('type', [TargetTrackingPolicySchema, StepScalingPolicySchema]);
export type ScalingPolicy = z.infer<typeof ScalingPolicySchema>;

/**
 * A scheduled action at a simulated time (AWS takes a cron expression in UTC;
 * Nimbus's clock starts at 0, so a time in seconds, repeated every
 * `everySeconds` when given): sets any of min, max and desired.
 */
export const ScheduledActionSchema = z.object({
  name: NameSchema,
  at: SimSecondsSchema,
  everySeconds: SimSecondsSchema.positive().nullable().default(null),
  minSize: SizeSchema.nullable().default(null),
  maxSize: SizeSchema.nullable().default(null),
  desiredCapacity: SizeSchema.nullable().default(null),
});
export type ScheduledAction = z.infer<typeof ScheduledActionSchema>;

/**
 * An EC2 Auto Scaling group: instances launched from a launch template into
 * its subnets, spread across their zones, kept between min and max around
 * desired. EC2 health checks always apply; ELB checks when `healthCheckType`
 * is `ELB` (after the grace period, console default 300 s). Instances that
 * fail are terminated and replaced; capacity lost in a zone is relaunched in
 * the others, and rebalanced when the zone returns. Sources: EC2 Auto Scaling
 * User Guide ("Health checks", "Replace unhealthy instances", "Rebalancing
 * activities", "Default termination policy", "Instance warmup", "Scaling cooldowns").
 *
 * `instanceCapacityRps` is Nimbus's own model of load: requests a second one
 * instance serves at 100% CPU, from which the simulation derives average CPU.
 */
export const AutoScalingGroupSchema = z.object({
  kind: z.literal('autoScalingGroup'),
  id: AutoScalingGroupIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema,
  launchTemplateId: LaunchTemplateIdSchema,
  subnetIds: z.array(SubnetIdSchema).default([]),
  minSize: SizeSchema,
  desiredCapacity: SizeSchema,
  maxSize: SizeSchema,
  healthCheckType: z.enum(['EC2', 'ELB']).default('EC2'),
  healthCheckGracePeriodSeconds: z.number().int().min(0).max(7200).default(300),
  targetGroupIds: z.array(TargetGroupIdSchema).default([]),
  /** Seconds a new instance's metrics are left out of scaling decisions (no default in AWS; null: not set). */
  defaultInstanceWarmupSeconds: z.number().int().min(0).max(3600).nullable().default(null),
  /** Simple scaling's cooldown, AWS default 300 s. */
  defaultCooldownSeconds: z.number().int().min(0).max(3600).default(300),
  azRebalance: z.boolean().default(true),
  policies: z
    .array(ScalingPolicySchema)
    .max(ASG_MAX_POLICIES, atMost(ASG_MAX_POLICIES, 'EC2 Auto Scaling quota "Scaling policies per group"'))
    .default([]),
  scheduledActions: z
    .array(ScheduledActionSchema)
    .max(
      ASG_MAX_SCHEDULED_ACTIONS,
      atMost(ASG_MAX_SCHEDULED_ACTIONS, 'EC2 Auto Scaling quota "Scheduled actions per group"'),
    )
    .default([]),
  instanceCapacityRps: z.number().positive().max(1_000_000).default(100),
});
export type AutoScalingGroup = z.infer<typeof AutoScalingGroupSchema>;
