import { produce } from 'immer';
import { asResourceId, type Design, type ElasticIpId, type NatGatewayId } from '../../../domain';
import { addResource, draftNamed, draftOf } from './edit';

/** A NAT gateway with an Elastic IP in the public subnet; the private subnet's table (main) sends 0.0.0.0/0 to it. */
export const solveNatGateways = (start: Design): Design =>
  produce(start, (d) => {
    const publicSubnet = draftOf(d, 'subnet-public', 'subnet');
    const eip = addResource(d, {
      kind: 'elasticIp',
      id: 'eipalloc-nat' as ElasticIpId,
      name: 'NAT address',
      publicIp: '203.0.113.60',
    });
    const nat = addResource(d, {
      kind: 'natGateway',
      id: 'nat-public' as NatGatewayId,
      name: 'NAT',
      subnetId: publicSubnet.id,
      elasticIpId: eip.id,
      privateIp: '10.0.0.5',
    });
    draftNamed(d, 'routeTable', 'Shop VPC main route table').routes.push({
      destination: '0.0.0.0/0',
      target: asResourceId(nat.id),
    });
  });
