import { produce } from 'immer';
import type { Design } from '../../../domain';
import { draftNamed } from './edit';

/** The one missing rule: replies to clients' ephemeral ports may leave the subnet. */
export const solveNaclVsSg = (start: Design): Design =>
  produce(start, (d) => {
    draftNamed(d, 'networkAcl', 'web-acl').outbound.push({
      ruleNumber: 110,
      protocol: 'tcp',
      ports: { from: 1024, to: 65535 },
      cidr: '0.0.0.0/0',
      action: 'allow',
    });
  });
