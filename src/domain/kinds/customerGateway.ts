import { z } from 'zod';
import { CustomerGatewayIdSchema, OnPremisesNetworkIdSchema } from '../ids';
import { Ipv4TextSchema, NameSchema } from '../common';
import { optionalRef } from './references';
import type { KindSpec } from './spec';
import { resourcesOfKind } from '../lookup';
import { created } from './drop';

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
  // Joined to the on-premises network when the design has exactly one.
  create({ design, ids, nextPublicIp }) {
    const networks = resourcesOfKind(design, 'onPremisesNetwork');
    return created({
      kind: 'customerGateway',
      id: ids.next('customerGateway'),
      name: 'Customer gateway',
      ipAddress: nextPublicIp(),
      bgpAsn: 65000,
      onPremisesNetworkId: networks.length === 1 ? networks[0]!.id : null,
    });
  },
  duplicate: { reset: (copy) => copy },
};
