import { produce } from 'immer';
import type { Design } from '../../../domain';
import { draftNamed, draftOf } from './edit';

/** Three faults: the gateway was detached, web-1 has no public address, and the group allows 80 but not 443. */
export const solveWebServerUnreachable = (start: Design): Design =>
  produce(start, (d) => {
    const web1 = draftOf(d, 'web-1', 'ec2Instance');
    const subnet = draftOf(d, web1.subnetId, 'subnet');
    draftNamed(d, 'internetGateway', 'Internet gateway').vpcId = subnet.vpcId;
    web1.publicIp = true;
    draftNamed(d, 'securityGroup', 'web').inbound.push({
      protocol: 'tcp',
      ports: { from: 443, to: 443 },
      peer: { type: 'cidr', cidr: '0.0.0.0/0' },
      description: 'HTTPS',
    });
  });
