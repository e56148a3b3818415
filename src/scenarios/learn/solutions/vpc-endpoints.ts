import { produce } from 'immer';
import { type Design, type VpcEndpoint, type VpcEndpointId } from '../../../domain';
import { addResource, draftOf } from './edit';

/** A gateway endpoint for S3 in the VPC, listing one route table: the table's route to S3's prefix list comes with it. */
export function addS3GatewayEndpoint(design: Design, vpcId: string, routeTableId: string): VpcEndpoint {
  const list = draftOf(design, 'pl-63a5400a', 'managedPrefixList');
  return addResource<VpcEndpoint>(design, {
    kind: 'vpcEndpoint',
    id: 'vpce-s3' as VpcEndpointId,
    name: 'S3 gateway endpoint',
    vpcId: draftOf(design, vpcId, 'vpc').id,
    type: 'gateway',
    serviceName: list.prefixListName,
    prefixListId: list.id,
    routeTableIds: [draftOf(design, routeTableId, 'routeTable').id],
    subnetIds: [],
    privateIps: [],
    securityGroupIds: [],
  });
}

/** The private subnet's table gets S3 through a gateway endpoint; nothing gets a way to the internet. */
export const solveVpcEndpoints = (start: Design): Design =>
  produce(start, (d) => void addS3GatewayEndpoint(d, 'vpc-1', 'rtb-private'));
