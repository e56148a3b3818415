import { z } from 'zod';
import { CustomerGatewayIdSchema, OnPremisesNetworkIdSchema } from '../ids';
import { Ipv4TextSchema, NameSchema } from '../common';
import { optionalRef } from './references';
import type { KindSpec } from './spec';

export const CustomerGatewaySchema = z.object({
  kind: z.literal('customerGateway'),
  id: CustomerGatewayIdSchema,
  name: NameSchema,
  /** The public address of the on-premises VPN device. */
  ipAddress: Ipv4TextSchema,
  bgpAsn: z.number().int().positive().default(65000),
  onPremisesNetworkId: OnPremisesNetworkIdSchema.nullable(),
});
export type CustomerGateway = z.infer<typeof CustomerGatewaySchema>;

export const customerGatewayKind: KindSpec<'customerGateway'> = {
  kind: 'customerGateway',
  idPrefix: 'cgw',
  label: 'a customer gateway',
  containers: [null],
  isContainer: false,
  containerOf: () => undefined,
  references: [optionalRef('onPremisesNetworkId', ['onPremisesNetwork'])],
  duplicate: { reset: (copy) => copy },
};
