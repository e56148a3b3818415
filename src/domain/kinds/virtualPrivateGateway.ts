import { created, refusedDrop } from './drop';
import type { KindSpec } from './spec';
import { secondGatewayRefusal, vpcGatewaySpec } from './vpcGateway';

export const virtualPrivateGatewayKind: KindSpec<'virtualPrivateGateway'> = {
  kind: 'virtualPrivateGateway',
  idPrefix: 'vgw',
  label: 'a virtual private gateway',
  ...vpcGatewaySpec<'virtualPrivateGateway'>(),
  // Amazon's side uses the default private ASN, 64512.
  create({ design, vpc, ids }) {
    if (!vpc) return refusedDrop('Drop the gateway inside a VPC.');
    const refusal = secondGatewayRefusal(design, 'virtualPrivateGateway', vpc, 'a virtual private gateway');
    if (refusal) return refusedDrop(refusal);
    return created({
      kind: 'virtualPrivateGateway',
      id: ids.next('virtualPrivateGateway'),
      name: 'Virtual private gateway',
      vpcId: vpc.id,
      amazonSideAsn: 64512,
    });
  },
};

export type { VirtualPrivateGateway } from './virtualPrivateGateway.schema';
