import { z } from 'zod';
import { LaunchTemplateIdSchema, RegionIdSchema, SecurityGroupIdSchema } from '../ids.schema';
import { NameSchema } from '../common.schema';

/**
 * A launch template (`lt-`): what an Auto Scaling group launches. Nimbus keeps
 * the fields that decide where and how an instance runs: AMI, instance type,
 * security groups, whether it gets a public IPv4, and the name its instances
 * carry. Source: EC2 User Guide, "Launch templates" (`CreateLaunchTemplate`).
 */
export const LaunchTemplateSchema = z.object({
  kind: z.literal('launchTemplate'),
  id: LaunchTemplateIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
  amiId: z.string(),
  instanceType: z.string(),
  securityGroupIds: z.array(SecurityGroupIdSchema).default([]),
  associatePublicIp: z.boolean().default(false),
  /** The Name tag of the instances it launches. */
  instanceName: NameSchema.default('web'),
});
export type LaunchTemplate = z.infer<typeof LaunchTemplateSchema>;
