import { produce } from 'immer';
import type { Design } from '../../../domain';
import { draftNamed, removeResource } from './edit';

/** Let replies to the NAT gateway's ports back into the public subnet; delete the unused NAT gateway and its address. */
export const solveNatReturnTraffic = (start: Design): Design =>
  produce(start, (d) => {
    draftNamed(d, 'networkAcl', 'public-acl').inbound.push({
      ruleNumber: 120,
      protocol: 'tcp',
      ports: { from: 1024, to: 65535 },
      cidr: '0.0.0.0/0',
      action: 'allow',
    });
    const oldNat = draftNamed(d, 'natGateway', 'Old NAT (unused)');
    removeResource(d, oldNat.id);
    if (oldNat.elasticIpId) removeResource(d, oldNat.elasticIpId);
  });
