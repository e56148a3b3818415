import { produce } from 'immer';
import {
  asResourceId,
  type Design,
  type ElasticIpId,
  type NatGatewayId,
  type RouteTableId,
  type SubnetId,
} from '../../../domain';
import { addResource, draftOf } from './edit';

/**
 * The cluster and its node group in both private subnets, each of which leaves through the NAT gateway of its own
 * zone, on t3.medium nodes (two pods of web each) instead of the start's r5.large.
 */
export const solveContainersOnEks = (start: Design): Design =>
  produce(start, (d) => {
    const both = ['subnet-nodes-a', 'subnet-nodes-b'] as SubnetId[];
    draftOf(d, 'eks-shop', 'eksCluster').subnetIds = [...both];
    const nodes = draftOf(d, 'ng-web', 'eksNodeGroup');
    nodes.subnetIds = [...both];
    nodes.instanceType = 't3.medium';
    for (const [zone, publicIp, privateIp] of [
      ['a', '203.0.113.61', '10.0.0.5'],
      ['b', '203.0.113.62', '10.0.1.5'],
    ] as const) {
      const eip = addResource(d, {
        kind: 'elasticIp',
        id: `eipalloc-nat-${zone}` as ElasticIpId,
        name: `NAT ${zone.toUpperCase()} address`,
        publicIp,
      });
      const nat = addResource(d, {
        kind: 'natGateway',
        id: `nat-${zone}` as NatGatewayId,
        name: `NAT ${zone.toUpperCase()}`,
        subnetId: `subnet-public-${zone}` as SubnetId,
        elasticIpId: eip.id,
        privateIp,
      });
      addResource(d, {
        kind: 'routeTable',
        id: `rtb-nodes-${zone}` as RouteTableId,
        name: `Nodes ${zone.toUpperCase()} routes`,
        vpcId: draftOf(d, 'vpc-1', 'vpc').id,
        main: false,
        routes: [
          { destination: '10.0.0.0/16', target: 'local' },
          { destination: '0.0.0.0/0', target: asResourceId(nat.id) },
        ],
        subnetIds: [`subnet-nodes-${zone}` as SubnetId],
        propagatingGatewayIds: [],
      });
    }
  });
