import { z } from 'zod';
import { NetworkAclIdSchema, SubnetIdSchema, VpcIdSchema } from '../ids.schema';
import { atMost } from '../common';
import { CidrTextSchema, NameSchema, PortRangeSchema, ProtocolSchema } from '../common.schema';
import { MAX_NACL_RULES_PER_DIRECTION_RAISED } from '../catalogs/limits';

export const NaclRuleSchema = z.object({
  ruleNumber: z.number().int(),
  protocol: ProtocolSchema,
  ports: PortRangeSchema,
  cidr: CidrTextSchema,
  action: z.enum(['allow', 'deny']),
});

/** Numbered rules in one direction; the implicit `*` rule takes the quota's last place. */
const NUMBERED_RULES_RAISED = MAX_NACL_RULES_PER_DIRECTION_RAISED - 1;
const NaclRulesSchema = z
  .array(NaclRuleSchema)
  .max(
    NUMBERED_RULES_RAISED,
    atMost(
      NUMBERED_RULES_RAISED,
      'numbered rules: Amazon VPC quota "Rules per network ACL" raised to 40, the final * rule included',
    ),
  );

export const NetworkAclSchema = z.object({
  kind: z.literal('networkAcl'),
  id: NetworkAclIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema,
  isDefault: z.boolean(),
  /** User rules only; the final `*` deny rule is implicit. */
  inbound: NaclRulesSchema,
  outbound: NaclRulesSchema,
  /** Explicit associations; other subnets of the VPC use the default ACL. */
  subnetIds: z.array(SubnetIdSchema).default([]),
});
export type NaclRule = z.infer<typeof NaclRuleSchema>;
export type NetworkAcl = z.infer<typeof NetworkAclSchema>;
