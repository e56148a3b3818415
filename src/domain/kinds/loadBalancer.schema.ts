import { z } from 'zod';
import {
  ElasticIpIdSchema,
  LoadBalancerIdSchema,
  SecurityGroupIdSchema,
  SubnetIdSchema,
  TargetGroupIdSchema,
  VpcIdSchema,
} from '../ids.schema';
import { atMost } from '../common';
import { Ipv4TextSchema, NameSchema } from '../common.schema';
import { ELB_MAX_LISTENERS } from '../catalogs/limits';

/**
 * A listener: the protocol and port the load balancer takes connections on,
 * and the target group its default action forwards to (null: no forward
 * action yet, so requests get a 503). ALB listeners are HTTP or HTTPS; NLB
 * listeners TCP, UDP, TLS or TCP_UDP. Source: ELB User Guide, "Listeners".
 */
export const ListenerSchema = z.object({
  protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'UDP', 'TLS', 'TCP_UDP']),
  port: z.number().int().min(1).max(65535),
  targetGroupId: TargetGroupIdSchema.nullable(),
});
export type Listener = z.infer<typeof ListenerSchema>;

/**
 * One enabled subnet (one per Availability Zone): the load balancer has a node
 * there. An NLB's node keeps a fixed private address, and an internet-facing
 * NLB's an Elastic IP (AWS's own when none is given); an ALB's nodes change
 * address, so Nimbus draws one per subnet for the analysis. Source:
 * `SubnetMapping` in the ELBv2 API (SubnetId, AllocationId, PrivateIPv4Address).
 */
export const SubnetMappingSchema = z.object({
  subnetId: SubnetIdSchema,
  privateIp: Ipv4TextSchema.nullable().default(null),
  elasticIpId: ElasticIpIdSchema.nullable().default(null),
});
export type SubnetMapping = z.infer<typeof SubnetMappingSchema>;

/**
 * An Elastic Load Balancing load balancer, application (layer 7) or network
 * (layer 4). AWS refuses an ALB with fewer than two subnets in two zones, or
 * two subnets in one zone (validation reports it); an NLB may use one zone.
 * An ALB always balances across zones; an NLB does not unless cross-zone is
 * turned on (`crossZone`, default off). An NLB created without a security
 * group never gets one and lets all traffic through. Sources: ELB User Guide,
 * "Application Load Balancers" (subnets), NLB guide ("Cross-zone load
 * balancing", "Security groups").
 */
export const LoadBalancerSchema = z.object({
  kind: z.literal('loadBalancer'),
  id: LoadBalancerIdSchema,
  name: NameSchema,
  type: z.enum(['application', 'network']),
  scheme: z.enum(['internet-facing', 'internal']),
  vpcId: VpcIdSchema,
  subnetMappings: z.array(SubnetMappingSchema).default([]),
  securityGroupIds: z.array(SecurityGroupIdSchema).default([]),
  listeners: z
    .array(ListenerSchema)
    .max(ELB_MAX_LISTENERS, atMost(ELB_MAX_LISTENERS, 'ELB quota "Listeners per load balancer"'))
    .default([]),
  /** Whether each node also sends to targets in other zones (always on for an ALB). */
  crossZone: z.boolean().default(false),
});
export type LoadBalancer = z.infer<typeof LoadBalancerSchema>;
