import { z } from 'zod';
import { TargetGroupIdSchema, VpcIdSchema } from '../ids.schema';
import { atMost } from '../common';
import { Ipv4TextSchema, NameSchema } from '../common.schema';
import {
  ELB_MAX_TARGETS_PER_GROUP,
  HEALTH_CHECK_INTERVAL,
  HEALTH_CHECK_THRESHOLD,
  HEALTH_CHECK_TIMEOUT,
} from '../catalogs/limits';

const ranged = (range: { min: number; max: number }, what: string) =>
  z
    .number()
    .int()
    .min(range.min)
    .max(range.max, atMost(range.max, `Elastic Load Balancing, "Health checks": ${what}`));

/**
 * How the load balancer checks each target. Defaults are the ALB's (ELB User
 * Guide, "Health checks for Application Load Balancer target groups"): HTTP
 * GET `/` on the traffic port every 30 s, 5 s timeout, healthy after 5 passes
 * in a row, unhealthy after 2 failures. An NLB's TCP check defaults to a 10 s
 * timeout (`defaultHealthCheck`).
 */
export const HealthCheckSchema = z.object({
  enabled: z.boolean().default(true),
  protocol: z.enum(['HTTP', 'HTTPS', 'TCP']).default('HTTP'),
  path: z.string().max(1024).default('/'),
  /** The port checked: the target's traffic port unless a number is given. */
  port: z.union([z.literal('traffic-port'), z.number().int().min(1).max(65535)]).default('traffic-port'),
  intervalSeconds: ranged(HEALTH_CHECK_INTERVAL, 'interval').default(30),
  timeoutSeconds: ranged(HEALTH_CHECK_TIMEOUT, 'timeout').default(5),
  healthyThreshold: ranged(HEALTH_CHECK_THRESHOLD, 'healthy threshold').default(5),
  unhealthyThreshold: ranged(HEALTH_CHECK_THRESHOLD, 'unhealthy threshold').default(2),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

/**
 * A target group (`CreateTargetGroup`): where a listener sends requests. Its
 * target type is fixed at creation: instances (by id), IP addresses of the
 * VPC, or one Lambda function. Auto Scaling groups register their instances
 * by naming the group (`autoScalingGroup.targetGroupIds`); `targetIds` holds
 * what is registered by hand. Source: ELB User Guide, "Target groups for your
 * Application Load Balancers"; deregistration delay default 300 s.
 */
export const TargetGroupSchema = z.object({
  kind: z.literal('targetGroup'),
  id: TargetGroupIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema,
  targetType: z.enum(['instance', 'ip', 'lambda']).default('instance'),
  protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'UDP', 'TLS', 'TCP_UDP']).default('HTTP'),
  port: z.number().int().min(1).max(65535).default(80),
  healthCheck: HealthCheckSchema.default(HealthCheckSchema.parse({})),
  /** Instance or Lambda function ids registered by hand (not through an Auto Scaling group). */
  targetIds: z
    .array(z.string())
    .max(ELB_MAX_TARGETS_PER_GROUP, atMost(ELB_MAX_TARGETS_PER_GROUP, 'ELB quota "Targets per target group"'))
    .default([]),
  /** Targets registered by address (`ip` target type). */
  targetIps: z
    .array(Ipv4TextSchema)
    .max(ELB_MAX_TARGETS_PER_GROUP, atMost(ELB_MAX_TARGETS_PER_GROUP, 'ELB quota "Targets per target group"'))
    .default([]),
  deregistrationDelaySeconds: z.number().int().min(0).max(3600).default(300),
  /**
   * The `preserve_client_ip.enabled` attribute of an NLB's group: whether
   * targets see the client's address or the node's. Absent or null: AWS's
   * default for the group (`preservesClientIp`).
   */
  preserveClientIp: z.boolean().nullable().optional(),
});
export type TargetGroup = z.infer<typeof TargetGroupSchema>;
