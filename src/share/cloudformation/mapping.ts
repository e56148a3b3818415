import type { MappingTable } from './context';
import { NETWORK_MAPPINGS } from './mappings/network';
import { RULES_MAPPINGS } from './mappings/rules';
import { COMPUTE_MAPPINGS } from './mappings/compute';
import { NETWORKS_MAPPINGS } from './mappings/networks';
import { HIGH_AVAILABILITY_MAPPINGS } from './mappings/highAvailability';

/**
 * Every kind, and how CloudFormation says it. Typed against every kind, so a
 * new kind does not compile until it has an entry here (its types, or why it
 * stays in the metadata). Property names and types: AWS CloudFormation User
 * Guide, "AWS resource and property types reference", checked by the tests
 * against the CloudFormation resource specification (`@aws-cdk/cfnspec`).
 */
export const CFN_MAPPINGS: MappingTable = {
  ...NETWORK_MAPPINGS,
  ...RULES_MAPPINGS,
  ...COMPUTE_MAPPINGS,
  ...NETWORKS_MAPPINGS,
  ...HIGH_AVAILABILITY_MAPPINGS,
};
