import { produce } from 'immer';
import { asResourceId, type Design } from '../../../domain';
import { draftNamed } from './edit';

/** Route the data centre's range to the VGW, and let SSH in from that range only. */
export const solveHybridConnectivity = (start: Design): Design =>
  produce(start, (d) => {
    const vgw = draftNamed(d, 'virtualPrivateGateway', 'VGW');
    draftNamed(d, 'routeTable', 'Cloud VPC main route table').routes.push({
      destination: '192.168.0.0/16',
      target: asResourceId(vgw.id),
    });
    draftNamed(d, 'securityGroup', 'app').inbound.push({
      protocol: 'tcp',
      ports: { from: 22, to: 22 },
      peer: { type: 'cidr', cidr: '192.168.0.0/16' },
      description: 'SSH from the data center',
    });
  });
