import { z } from 'zod';
import { ElasticIpIdSchema, NatGatewayIdSchema, SubnetIdSchema } from '../ids';
import { Ipv4TextSchema, NameSchema } from '../common';
import { getResource, resourceById } from '../lookup';
import { optionalRef, reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';

export const NatGatewaySchema = z.object({
  kind: z.literal('natGateway'),
  id: NatGatewayIdSchema,
  name: NameSchema,
  subnetId: SubnetIdSchema,
  elasticIpId: ElasticIpIdSchema.nullable(),
  privateIp: Ipv4TextSchema,
});
export type NatGateway = z.infer<typeof NatGatewaySchema>;

export const natGatewayKind: KindSpec<'natGateway'> = {
  kind: 'natGateway',
  idPrefix: 'nat',
  label: 'a NAT gateway',
  containers: ['subnet'],
  isContainer: false,
  containerOf: (design, nat) => resourceById(design, nat.subnetId),
  references: [
    requiredRef('subnetId', ['subnet'], 'deleteSelf'),
    reportedAs('ELASTIC_IP_MISSING', optionalRef('elasticIpId', ['elasticIp'])),
  ],
  routeTarget: {
    vpcOf: (design, nat) => getResource(design, nat.subnetId, 'subnet')?.vpcId ?? null,
    blackholeReason(design, table, nat) {
      const subnet = getResource(design, nat.subnetId, 'subnet');
      if (!subnet) return `its target ${nat.name} has no subnet`;
      if (subnet.vpcId !== table.vpcId) return `its target ${nat.name} is in another VPC`;
      return null;
    },
  },
  duplicate: { reset: (copy) => ({ ...copy, elasticIpId: null }), needsAddress: true },
};
