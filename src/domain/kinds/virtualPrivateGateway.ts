import { z } from 'zod';
import { VpcIdSchema, VpnGatewayIdSchema } from '../ids';
import { NameSchema } from '../common';
import { layoutParent, resourceById } from '../lookup';
import { optionalRef, reportedAs } from './references';
import { attachedGatewayBlackhole } from './internetGateway';
import type { KindSpec } from './spec';
import { resourcesOfKind } from '../lookup';
import { created, refusedDrop } from './drop';

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
  // A VPC takes one virtual private gateway; Amazon's side uses the default private ASN.
  create({ design, vpc, ids }) {
    if (!vpc) return refusedDrop('Drop the gateway inside a VPC.');
    if (resourcesOfKind(design, 'virtualPrivateGateway').some((g) => g.vpcId === vpc.id))
      return refusedDrop(`${vpc.name} already has a virtual private gateway; a VPC takes one.`);
    return created({
      kind: 'virtualPrivateGateway',
      id: ids.next('virtualPrivateGateway'),
      name: 'Virtual private gateway',
      vpcId: vpc.id,
      amazonSideAsn: 64512,
    });
  },
  duplicate: false,
};
