import { z } from 'zod';
import { DirectConnectIdSchema, OnPremisesNetworkIdSchema, VpnGatewayIdSchema } from '../ids';
import { NameSchema } from '../common';
import { optionalRef } from './references';
import type { KindSpec } from './spec';

export const DirectConnectConnectionSchema = z.object({
  kind: z.literal('directConnectConnection'),
  id: DirectConnectIdSchema,
  name: NameSchema,
  location: z.string(),
  bandwidth: z.enum(['1Gbps', '10Gbps']),
  /** The private virtual interface ends on this virtual private gateway. */
  vpnGatewayId: VpnGatewayIdSchema.nullable(),
  onPremisesNetworkId: OnPremisesNetworkIdSchema.nullable(),
});
export type DirectConnectConnection = z.infer<typeof DirectConnectConnectionSchema>;

export const directConnectConnectionKind: KindSpec<'directConnectConnection'> = {
  kind: 'directConnectConnection',
  idPrefix: 'dxcon',
  label: 'a Direct Connect link',
  containers: [null],
  isContainer: false,
  containerOf: () => undefined,
  references: [
    optionalRef('vpnGatewayId', ['virtualPrivateGateway']),
    optionalRef('onPremisesNetworkId', ['onPremisesNetwork']),
  ],
  duplicate: { reset: (copy) => copy },
};
