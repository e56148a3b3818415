import { z } from 'zod';
import { EksClusterIdSchema, RegionIdSchema, SubnetIdSchema } from '../ids.schema';
import { atMost } from '../common';
import { NameSchema } from '../common.schema';
import { NodeCountSchema } from './eksNodeGroup.schema';
import { EKS_MAX_FARGATE_SELECTORS, EKS_MAX_REPLICAS } from './eksCluster';

/**
 * What files saved before node groups were resources said of a cluster's
 * compute: one summary line. It is still read (and shown in the inspector) so
 * such files open unchanged, but it runs nothing: the cluster's node groups
 * (`eksNodeGroup`) and Fargate profiles do.
 */
export const EksComputeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('nodeGroup'),
    instanceType: z.string(),
    minSize: NodeCountSchema,
    desiredSize: NodeCountSchema,
    maxSize: NodeCountSchema.min(1),
  }),
  z.object({ type: z.literal('fargateProfile'), namespaces: z.array(z.string()) }),
]);

/**
 * A Fargate profile: pods created in one of its namespaces run on Fargate, one
 * pod per Fargate node, in the profile's subnets (private ones only). Nimbus
 * matches selectors by namespace; AWS also matches labels. Source: Amazon EKS
 * User Guide, "Define which Pods use AWS Fargate when launched".
 */
export const FargateProfileSchema = z.object({
  name: NameSchema,
  namespaces: z
    .array(z.string().min(1).max(63))
    .max(EKS_MAX_FARGATE_SELECTORS, atMost(EKS_MAX_FARGATE_SELECTORS, 'Amazon EKS: selectors per Fargate profile')),
  subnetIds: z.array(SubnetIdSchema).default([]),
});
export type FargateProfile = z.infer<typeof FargateProfileSchema>;

/**
 * A Kubernetes Deployment: `replicas` pods, each requesting CPU (millicores)
 * and memory (MiB). The scheduler places a pod only on a node whose
 * allocatable resources still hold its requests; limits don't affect placement.
 *
 * Deployments are a list on the cluster rather than a kind: they are
 * Kubernetes objects in the cluster's API, not AWS resources (no ARN, no
 * subnet, nothing another resource names), and they go when the cluster goes.
 * Fargate profiles are listed beside them for the same reason: a profile only
 * selects which of the cluster's pods run on Fargate.
 */
export const KubernetesDeploymentSchema = z.object({
  name: NameSchema,
  namespace: z.string().min(1).max(63).default('default'),
  replicas: z.number().int().min(0).max(EKS_MAX_REPLICAS, atMost(EKS_MAX_REPLICAS, "Nimbus's largest deployment")),
  cpuMillicores: z.number().int().min(0).max(64_000, atMost(64_000, "Nimbus's largest pod request (64 vCPU)")),
  memoryMiB: z.number().int().min(0).max(524_288, atMost(524_288, "Nimbus's largest pod request (512 GiB)")),
});
export type KubernetesDeployment = z.infer<typeof KubernetesDeploymentSchema>;

export const EksClusterSchema = z.object({
  kind: z.literal('eksCluster'),
  id: EksClusterIdSchema,
  name: NameSchema,
  regionId: RegionIdSchema,
  kubernetesVersion: z.string().default('1.34'),
  /**
   * EKS API `UpgradePolicyRequest.supportType`: `EXTENDED` lets a version past
   * its 14 months of standard support run 12 months more at the extended
   * support price; `STANDARD` has EKS upgrade it at the end of standard support.
   * AWS's default for a new cluster is `EXTENDED`; a file without the field
   * (saved before Nimbus had it) reads as `STANDARD`, the price it was billed at.
   */
  upgradePolicy: z.enum(['STANDARD', 'EXTENDED']).default('STANDARD'),
  subnetIds: z.array(SubnetIdSchema).default([]),
  fargateProfiles: z
    .array(FargateProfileSchema)
    .max(10, atMost(10, 'Amazon EKS quota "Fargate profiles per cluster"'))
    .default([]),
  deployments: z
    .array(KubernetesDeploymentSchema)
    .max(100, atMost(100, "Nimbus's deployments per cluster"))
    .default([]),
  compute: EksComputeSchema.optional(),
});
export type EksCluster = z.infer<typeof EksClusterSchema>;
