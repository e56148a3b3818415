import { produce } from 'immer';
import type { Design } from '../../../domain';
import { draftOf } from './edit';

/** Run the tasks on Fargate, with a memory size Fargate offers for 0.5 vCPU. */
export const solveContainers = (start: Design): Design =>
  produce(start, (d) => {
    const service = draftOf(d, 'web', 'ecsService');
    service.launchType = 'FARGATE';
    service.taskMemory = 1024;
  });
