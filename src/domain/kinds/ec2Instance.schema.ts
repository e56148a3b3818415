import { z } from 'zod';
import {
  AutoScalingGroupIdSchema,
  ElasticIpIdSchema,
  InstanceIdSchema,
  SecurityGroupIdSchema,
  SubnetIdSchema,
} from '../ids.schema';
import { Ipv4TextSchema, NameSchema } from '../common.schema';

/** EC2 API instance states (reboot is a phase inside `running`, not a state). */
export const InstanceStateSchema = z.enum(['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated']);
export type InstanceState = z.infer<typeof InstanceStateSchema>;

/** Up to an hour: longer than any EC2 transition, short enough for a lesson to wait for. */
const TransitionSchema = z.number().min(0).max(3600);

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
  /**
   * The auto-assigned public IPv4 itself, while the instance holds one (AWS's
   * `PublicIpAddress`): kept from an import, drawn with `autoAssignedPublicIpv4`
   * otherwise. Null when `publicIp` is off, when an Elastic IP takes its place,
   * or while the instance is stopped (AWS releases it on stop and gives a new
   * one on start). Source: Amazon EC2 User Guide, "Public IPv4 addresses".
   */
  publicIpAddress: Ipv4TextSchema.nullable().default(null),
  elasticIpId: ElasticIpIdSchema.nullable().default(null),
  securityGroupIds: z.array(SecurityGroupIdSchema),
  hibernationEnabled: z.boolean().default(false),
  terminationProtection: z.boolean().default(false),
  state: InstanceStateSchema.default('running'),
  /**
   * The source/destination check of its interface: on (absent) by default, so it drops packets not
   * addressed to it or not sent by it; an appliance that forwards traffic must have it off.
   * Source: Amazon VPC User Guide, "Routing for a middlebox appliance".
   */
  sourceDestCheck: z.boolean().optional(),
  /**
   * The Auto Scaling group that launched it (AWS's `aws:autoscaling:groupName`
   * tag). Set by an import, and on the instances the simulation launches for a
   * group; the group then counts it, checks it and may replace it.
   */
  autoScalingGroupId: AutoScalingGroupIdSchema.optional(),
  /**
   * Fixed durations for this instance's transitions, in seconds, instead of the
   * ranges Nimbus draws from (a lesson may want a stop that takes 120 s).
   */
  transitionSeconds: z
    .object({ boot: TransitionSchema, stop: TransitionSchema, shutDown: TransitionSchema })
    .partial()
    .optional(),
});
export type Ec2Instance = z.infer<typeof Ec2InstanceSchema>;
