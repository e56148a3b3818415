import { z } from 'zod';
import { ClientVpnEndpointIdSchema, SubnetIdSchema, VpcIdSchema } from '../ids';
import { CidrTextSchema, NameSchema } from '../common';
import { resourceById } from '../lookup';
import { listRef, requiredRef } from './references';
import type { KindSpec } from './spec';

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
  duplicate: { reset: (copy) => copy },
};
