import { z } from 'zod';
import { LaunchTemplateIdSchema, RegionIdSchema, SecurityGroupIdSchema } from '../ids';
import { NameSchema } from '../common';
import { resourceById } from '../lookup';
import { listRef, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';

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

export const launchTemplateKind: KindSpec<'launchTemplate'> = {
  kind: 'launchTemplate',
  idPrefix: 'lt',
  label: 'a launch template',
  containers: ['region'],
  isContainer: false,
  containerOf: (design, template) => resourceById(design, template.regionId),
  references: [requiredRef('regionId', ['region'], 'deleteSelf'), listRef('securityGroupIds', ['securityGroup'])],
  create({ region, ids }) {
    if (!region) return refusedDrop('Drop the launch template inside a Region.');
    return created({
      kind: 'launchTemplate',
      id: ids.next('launchTemplate'),
      name: 'web-template',
      regionId: region.id,
      amiId: 'ami-0a1b2c3d4e5f60001',
      instanceType: 't3.micro',
      securityGroupIds: [],
      associatePublicIp: false,
      instanceName: 'web',
    });
  },
  duplicate: { reset: (copy) => copy },
};
