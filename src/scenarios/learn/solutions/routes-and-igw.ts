import { produce } from 'immer';
import { asResourceId, type Design, type RouteTableId } from '../../../domain';
import { addResource, draftNamed, draftOf } from './edit';

/** A custom table with 0.0.0.0/0 to the internet gateway, associated with the public subnet only. */
export const solveRoutesAndIgw = (start: Design): Design =>
  produce(start, (d) => {
    const subnet = draftOf(d, 'subnet-public', 'subnet');
    const igw = draftNamed(d, 'internetGateway', 'Internet gateway');
    addResource(d, {
      kind: 'routeTable',
      id: 'rtb-public' as RouteTableId,
      name: 'Public routes',
      vpcId: subnet.vpcId,
      main: false,
      routes: [
        { destination: '10.0.0.0/16', target: 'local' },
        { destination: '0.0.0.0/0', target: asResourceId(igw.id) },
      ],
      subnetIds: [subnet.id],
      propagatingGatewayIds: [],
    });
  });
