import { z } from 'zod';
import { ElasticIpIdSchema, InstanceIdSchema, SecurityGroupIdSchema, SubnetIdSchema } from '../ids';
import { Ipv4TextSchema, NameSchema } from '../common';
import { getResource, resourceById } from '../lookup';
import { listRef, optionalRef, reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { createInstance } from '../factories';
import { resourcesOfKind } from '../lookup';
import { created, refusedDrop } from './drop';

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
  /**
   * The source/destination check of its interface: on (absent) by default, so it drops packets not
   * addressed to it or not sent by it; an appliance that forwards traffic must have it off.
   * Source: Amazon VPC User Guide, "Routing for a middlebox appliance".
   */
  sourceDestCheck: z.boolean().optional(),
});
export type Ec2Instance = z.infer<typeof Ec2InstanceSchema>;

export const ec2InstanceKind: KindSpec<'ec2Instance'> = {
  kind: 'ec2Instance',
  idPrefix: 'i',
  label: 'an instance',
  containers: ['subnet'],
  isContainer: false,
  containerOf: (design, instance) => resourceById(design, instance.subnetId),
  references: [
    reportedAs('RESOURCE_SUBNET_MISSING', requiredRef('subnetId', ['subnet'], 'deleteSelf')),
    reportedAs('ELASTIC_IP_MISSING', optionalRef('elasticIpId', ['elasticIp'])),
    reportedAs('SECURITY_GROUP_MISSING', listRef('securityGroupIds', ['securityGroup'])),
  ],
  // A route may name an instance (a NAT instance or appliance); it forwards while it exists in the table's VPC.
  routeTarget: {
    vpcOf: (design, instance) => getResource(design, instance.subnetId, 'subnet')?.vpcId ?? null,
    blackholeReason(design, table, instance) {
      if (instance.state === 'terminated') return `its target ${instance.name} is terminated`;
      const subnet = getResource(design, instance.subnetId, 'subnet');
      if (!subnet || subnet.vpcId !== table.vpcId) return `its target ${instance.name} is not in this VPC`;
      return null;
    },
  },
  // The subnet's first free address, in the VPC's default security group.
  create({ design, container, ids, proposePrivateIp }) {
    if (container?.kind !== 'subnet') return refusedDrop('Drop it inside a subnet.');
    const address = proposePrivateIp(container);
    if (!address) return refusedDrop(`${container.name} has no free address (or its CIDR is not valid).`);
    const group = resourcesOfKind(design, 'securityGroup').find((g) => g.vpcId === container.vpcId && g.isDefault);
    const count = resourcesOfKind(design, 'ec2Instance').length;
    return created(
      createInstance(ids, {
        subnet: container,
        privateIp: address,
        securityGroupIds: group ? [group.id] : [],
        name: `Instance ${count + 1}`,
      }),
    );
  },
  duplicate: { reset: (copy) => ({ ...copy, elasticIpId: null }), needsAddress: true },
};
