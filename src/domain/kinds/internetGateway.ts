import { createInternetGateway } from '../factories';
import { created, refusedDrop } from './drop';
import type { KindSpec } from './spec';
import { secondGatewayRefusal, vpcGatewaySpec } from './vpcGateway';

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

export type { InternetGateway } from './internetGateway.schema';
