import { produce } from 'immer';
import type { Design } from '../../../domain';
import { draftNamed } from './edit';

/** A /22 client CIDR, the private subnet associated, the VPC authorized for the admins, SSH from the VPN's group. */
export const solveClientVpn = (start: Design): Design =>
  produce(start, (d) => {
    const subnet = draftNamed(d, 'subnet', 'Private subnet');
    const endpoint = draftNamed(d, 'clientVpnEndpoint', 'Admin VPN');
    endpoint.clientCidr = '172.16.0.0/22';
    endpoint.targetSubnetIds.push(subnet.id);
    endpoint.authorizationRules.push({ destinationCidr: '10.0.0.0/16', accessGroup: 'admins' });
    const vpnGroup = draftNamed(d, 'securityGroup', 'admin-vpn');
    draftNamed(d, 'securityGroup', 'app').inbound = [
      {
        protocol: 'tcp',
        ports: { from: 22, to: 22 },
        peer: { type: 'securityGroup', groupId: vpnGroup.id },
        description: 'SSH from Admin VPN',
      },
    ];
  });
