import { produce } from 'immer';
import { type Design, type VpcEndpoint, type VpcEndpointId } from '../../../domain';
import { addResource, draftOf } from './edit';

/** A gateway endpoint for S3 in the Reports VPC, listing the private subnet's route table (its route to S3 comes with it). */
export const solveVpcEndpoints = (start: Design): Design =>
  produce(start, (d) => {
    const list = draftOf(d, 'pl-63a5400a', 'managedPrefixList');
    const table = draftOf(d, 'rtb-private', 'routeTable');
    addResource<VpcEndpoint>(d, {
      kind: 'vpcEndpoint',
      id: 'vpce-s3' as VpcEndpointId,
      name: 'S3 gateway endpoint',
      vpcId: draftOf(d, 'vpc-1', 'vpc').id,
      type: 'gateway',
      serviceName: list.prefixListName,
      prefixListId: list.id,
      routeTableIds: [table.id],
      subnetIds: [],
      privateIps: [],
      securityGroupIds: [],
    });
  });
