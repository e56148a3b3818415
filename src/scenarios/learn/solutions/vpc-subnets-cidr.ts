import { produce } from 'immer';
import type { Design } from '../../../domain';
import { draftOf } from './edit';

/** A /24 in free space: 251 usable addresses, and app-1 (10.0.1.5) stays inside. */
export const solveVpcSubnets = (start: Design): Design =>
  produce(start, (d) => {
    draftOf(d, 'subnet-app', 'subnet').cidr = '10.0.1.0/24';
  });
