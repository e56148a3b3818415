import { produce } from 'immer';
import type { Design } from '../../../domain';
import { addS3GatewayEndpoint } from './vpc-endpoints';

/** S3 traffic leaves through a gateway endpoint (more specific than 0.0.0.0/0); the NAT gateway keeps the rest. */
export const solveDataTransferCost = (start: Design): Design =>
  produce(start, (d) => void addS3GatewayEndpoint(d, 'vpc-1', 'rtb-private'));
