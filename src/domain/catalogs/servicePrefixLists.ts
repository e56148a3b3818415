/**
 * The AWS-managed prefix lists of the two services a gateway endpoint serves,
 * as `aws ec2 describe-prefix-lists` printed them in us-east-1 (Batfish's
 * recording, test-vpc-endpoint-gateway, Apache-2.0). AWS updates these ranges;
 * Nimbus uses this copy for every Region, which is a simplification the
 * palette says. Source: Amazon VPC User Guide, "AWS-managed prefix lists";
 * AWS PrivateLink, "Gateway endpoints" (S3 and DynamoDB only).
 */
export const SERVICE_PREFIX_LISTS = {
  s3: {
    label: 'S3',
    prefixListId: 'pl-63a5400a',
    serviceName: (region: string) => `com.amazonaws.${region}.s3`,
    cidrs: ['54.231.0.0/17', '52.216.0.0/15', '3.5.16.0/21', '3.5.0.0/20'],
  },
  dynamodb: {
    label: 'DynamoDB',
    prefixListId: 'pl-02cd2c6b',
    serviceName: (region: string) => `com.amazonaws.${region}.dynamodb`,
    cidrs: ['52.94.0.0/22', '52.119.224.0/20'],
  },
} as const;
export type GatewayService = keyof typeof SERVICE_PREFIX_LISTS;
