import { produce } from 'immer';
import type { Design } from '../../../domain';
import { draftOf, removeResource } from './edit';

/** Terminate the idle batch instance, detach and release the stopped instance's Elastic IP. */
export const solveInstanceLifecycle = (start: Design): Design =>
  produce(start, (d) => {
    removeResource(d, 'batch-1');
    const demo = draftOf(d, 'demo-1', 'ec2Instance');
    const eipId = demo.elasticIpId;
    demo.elasticIpId = null;
    if (eipId) removeResource(d, eipId);
  });
