import { produce } from 'immer';
import type { Design, InstanceId } from '../../../domain';
import { addResource, draftOf } from './edit';

/** Launch web-2 from web-1's AMI, in the same subnet and group, at its own address. */
export const solveEc2AndAmis = (start: Design): Design =>
  produce(start, (d) => {
    const web1 = draftOf(d, 'web-1', 'ec2Instance');
    addResource(d, { ...web1, id: 'web-2' as InstanceId, name: 'web-2', privateIp: '10.0.1.11' });
  });
