import { z } from 'zod';
import { InternetGatewayIdSchema, VpcIdSchema } from '../ids';
import { NameSchema } from '../common';
import { createInternetGateway } from '../factories';
import { created, refusedDrop } from './drop';
import type { KindSpec } from './spec';
import { secondGatewayRefusal, vpcGatewaySpec } from './vpcGateway';

export const InternetGatewaySchema = z.object({
  kind: z.literal('internetGateway'),
  id: InternetGatewayIdSchema,
  name: NameSchema,
  /** The VPC it is attached to; `null` when detached. */
  vpcId: VpcIdSchema.nullable(),
});
export type InternetGateway = z.infer<typeof InternetGatewaySchema>;

export const internetGatewayKind: KindSpec<'internetGateway'> = {
  kind: 'internetGateway',
  idPrefix: 'igw',
  label: 'an internet gateway',
  ...vpcGatewaySpec<'internetGateway'>(),
  create({ design, vpc, ids }) {
    if (!vpc) return refusedDrop('Drop the gateway inside a VPC.');
    const refusal = secondGatewayRefusal(design, 'internetGateway', vpc, 'an internet gateway');
    return refusal ? refusedDrop(refusal) : created(createInternetGateway(ids, vpc.id));
  },
};
