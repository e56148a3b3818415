import { z } from 'zod';
import { VpcIdSchema, VpnGatewayIdSchema } from '../ids';
import { NameSchema } from '../common';
import { layoutParent, resourceById } from '../lookup';
import { optionalRef, reportedAs } from './references';
import { attachedGatewayBlackhole } from './internetGateway';
import type { KindSpec } from './spec';

export const VirtualPrivateGatewaySchema = z.object({
  kind: z.literal('virtualPrivateGateway'),
  id: VpnGatewayIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema.nullable(),
  amazonSideAsn: z.number().int().positive().default(64512),
});
export type VirtualPrivateGateway = z.infer<typeof VirtualPrivateGatewaySchema>;

export const virtualPrivateGatewayKind: KindSpec<'virtualPrivateGateway'> = {
  kind: 'virtualPrivateGateway',
  idPrefix: 'vgw',
  label: 'a virtual private gateway',
  containers: ['vpc'],
  isContainer: false,
  containerOf: (design, gateway) => resourceById(design, gateway.vpcId) ?? layoutParent(design, gateway.id),
  references: [reportedAs('GATEWAY_VPC_MISSING', optionalRef('vpcId', ['vpc']))],
  routeTarget: { vpcOf: (_, gateway) => gateway.vpcId, blackholeReason: attachedGatewayBlackhole },
  duplicate: false,
};
