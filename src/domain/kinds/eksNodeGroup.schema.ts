import { z } from 'zod';
import { EksClusterIdSchema, EksNodeGroupIdSchema, SecurityGroupIdSchema, SubnetIdSchema } from '../ids.schema';
import { atMost } from '../common';
import { NameSchema } from '../common.schema';
import { EKS_MAX_NODES_PER_NODE_GROUP } from '../catalogs/limits';
import { EKS_AMI_TYPES } from '../catalogs/eks';

/** A node count within the EKS quota, for a node group and for the cluster field older files carry. */
export const NodeCountSchema = z
  .number()
  .int()
  .min(0)
  .max(
    EKS_MAX_NODES_PER_NODE_GROUP,
    atMost(
      EKS_MAX_NODES_PER_NODE_GROUP,
      'Nimbus\'s bound for the Amazon EKS quota "Nodes per managed node group", 450 by default and raised on request',
    ),
  );

export const EksAmiTypeSchema = z.enum(EKS_AMI_TYPES.map((a) => a.amiType) as [string, ...string[]]);

/**
 * An Amazon EKS managed node group: EC2 nodes of one instance type and AMI
 * type, launched into its subnets across their zones and kept between min and
 * max around desired (EKS API `NodegroupScalingConfig`: minSize ≥ 0, maxSize
 * ≥ 1, desiredSize ≥ 0). Source: Amazon EKS User Guide, "Simplify node
 * lifecycle with managed node groups": "Every managed node is provisioned as
 * part of an Amazon EC2 Auto Scaling group that's managed for you by Amazon
 * EKS", which is how Nimbus runs it (`nodeGroupAutoScaling`).
 */
export const EksNodeGroupSchema = z.object({
  kind: z.literal('eksNodeGroup'),
  id: EksNodeGroupIdSchema,
  name: NameSchema,
  clusterId: EksClusterIdSchema,
  subnetIds: z.array(SubnetIdSchema).default([]),
  instanceType: z.string().default('t3.medium'),
  amiType: EksAmiTypeSchema.default('AL2023_x86_64_STANDARD'),
  minSize: NodeCountSchema,
  desiredSize: NodeCountSchema,
  maxSize: NodeCountSchema,
  /** EKS API `CreateNodegroup.diskSize`: the root volume in GiB, 20 by default (Linux). */
  diskSizeGiB: z.number().int().min(1).max(16_384).default(20),
  /**
   * The groups on the nodes' interfaces. Nimbus models here the cluster
   * security group EKS puts on every managed node (and any a launch template adds).
   */
  securityGroupIds: z.array(SecurityGroupIdSchema).default([]),
});
export type EksNodeGroup = z.infer<typeof EksNodeGroupSchema>;
