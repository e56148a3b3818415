import { z } from 'zod';
import { InternetGatewayIdSchema, VpcIdSchema } from '../ids';
import { NameSchema } from '../common';
import { layoutParent, resourceById } from '../lookup';
import { optionalRef, reportedAs } from './references';
import type { BlackholeCheck, KindSpec } from './spec';
import { createInternetGateway } from '../factories';
import { resourcesOfKind } from '../lookup';
import { created, refusedDrop } from './drop';

export const InternetGatewaySchema = z.object({
  kind: z.literal('internetGateway'),
  id: InternetGatewayIdSchema,
  name: NameSchema,
  /** The VPC it is attached to; `null` when detached. */
  vpcId: VpcIdSchema.nullable(),
});
export type InternetGateway = z.infer<typeof InternetGatewaySchema>;

/** A gateway forwards only for the VPC it is attached to (internet and virtual private gateways alike). */
export const attachedGatewayBlackhole: BlackholeCheck<{ name: string; vpcId: string | null }> = (_, table, gateway) => {
  if (gateway.vpcId === null) return `its target ${gateway.name} is not attached to any VPC`;
  if (gateway.vpcId !== table.vpcId) return `its target ${gateway.name} is attached to another VPC`;
  return null;
};

export const internetGatewayKind: KindSpec<'internetGateway'> = {
  kind: 'internetGateway',
  idPrefix: 'igw',
  label: 'an internet gateway',
  containers: ['vpc'],
  isContainer: false,
  containerOf: (design, gateway) => resourceById(design, gateway.vpcId) ?? layoutParent(design, gateway.id),
  references: [reportedAs('GATEWAY_VPC_MISSING', optionalRef('vpcId', ['vpc']))],
  routeTarget: { vpcOf: (_, gateway) => gateway.vpcId, blackholeReason: attachedGatewayBlackhole },
  // A VPC takes one internet gateway.
  create({ design, vpc, ids }) {
    if (!vpc) return refusedDrop('Drop the gateway inside a VPC.');
    if (resourcesOfKind(design, 'internetGateway').some((g) => g.vpcId === vpc.id))
      return refusedDrop(`${vpc.name} already has an internet gateway; a VPC takes one.`);
    return created(createInternetGateway(ids, vpc.id));
  },
  duplicate: false,
};
