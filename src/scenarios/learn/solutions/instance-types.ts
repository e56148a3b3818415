import { produce } from 'immer';
import type { Design } from '../../../domain';
import { draftOf } from './edit';

/** Memory optimised: 16 GiB on 2 vCPU is the cheapest way to 16 GiB. */
export const solveInstanceTypes = (start: Design): Design =>
  produce(start, (d) => {
    draftOf(d, 'cache-1', 'ec2Instance').instanceType = 'r6i.large';
  });
