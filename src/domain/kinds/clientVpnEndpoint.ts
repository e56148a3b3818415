import { z } from 'zod';
import { ClientVpnEndpointIdSchema, SubnetIdSchema, VpcIdSchema } from '../ids';
import { CidrTextSchema, NameSchema } from '../common';
import { resourceById } from '../lookup';
import { listRef, requiredRef } from './references';
import type { KindSpec } from './spec';
import { created, refusedDrop } from './drop';

export const ClientVpnEndpointSchema = z.object({
  kind: z.literal('clientVpnEndpoint'),
  id: ClientVpnEndpointIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema,
  /** Addresses given to connected users' devices; must not overlap the VPC. */
  clientCidr: CidrTextSchema,
  targetSubnetIds: z.array(SubnetIdSchema).default([]),
  authorizedCidrs: z.array(CidrTextSchema).default([]),
});
export type ClientVpnEndpoint = z.infer<typeof ClientVpnEndpointSchema>;

export const clientVpnEndpointKind: KindSpec<'clientVpnEndpoint'> = {
  kind: 'clientVpnEndpoint',
  idPrefix: 'cvpn-endpoint',
  label: 'a Client VPN endpoint',
  containers: ['vpc'],
  isContainer: false,
  containerOf: (design, endpoint) => resourceById(design, endpoint.vpcId),
  references: [requiredRef('vpcId', ['vpc'], 'deleteSelf'), listRef('targetSubnetIds', ['subnet'])],
  // 100.64.0.0/22 (shared address space) rarely overlaps a VPC or a home network.
  create({ vpc, ids }) {
    if (!vpc) return refusedDrop('Drop the Client VPN endpoint inside a VPC.');
    return created({
      kind: 'clientVpnEndpoint',
      id: ids.next('clientVpnEndpoint'),
      name: 'Client VPN',
      vpcId: vpc.id,
      clientCidr: '100.64.0.0/22',
      targetSubnetIds: [],
      authorizedCidrs: [],
    });
  },
  duplicate: { reset: (copy) => copy },
};
