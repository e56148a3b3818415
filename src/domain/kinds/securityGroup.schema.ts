import { z } from 'zod';
import { PrefixListIdSchema, SecurityGroupIdSchema, VpcIdSchema } from '../ids.schema';
import { atMost } from '../common';
import { CidrTextSchema, NameSchema, PortRangeSchema, ProtocolSchema } from '../common.schema';
import { MAX_SG_RULES_READABLE } from '../catalogs/limits';

export const SgPeerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cidr'), cidr: CidrTextSchema }),
  z.object({ type: z.literal('securityGroup'), groupId: SecurityGroupIdSchema }),
  /** A managed prefix list's CIDRs (Amazon VPC User Guide, "Managed prefix lists": usable as group sources and destinations). */
  z.object({ type: z.literal('prefixList'), prefixListId: PrefixListIdSchema }),
]);

export const SgRuleSchema = z.object({
  protocol: ProtocolSchema,
  ports: PortRangeSchema,
  /** Source for inbound rules, destination for outbound rules. */
  peer: SgPeerSchema,
  description: z.string().default(''),
});

/**
 * Rules in one direction: the validator reports AWS's quotas (60 by default, 1,000 at most); beyond Nimbus's
 * own bound, ten times that, the group can't be read.
 */
const SgRulesSchema = z
  .array(SgRuleSchema)
  .max(
    MAX_SG_RULES_READABLE,
    atMost(MAX_SG_RULES_READABLE, "rules: Nimbus's bound, ten times AWS's maximum of 1,000 per direction"),
  );

export const SecurityGroupSchema = z.object({
  kind: z.literal('securityGroup'),
  id: SecurityGroupIdSchema,
  name: NameSchema,
  vpcId: VpcIdSchema,
  isDefault: z.boolean(),
  description: z.string().default(''),
  inbound: SgRulesSchema,
  outbound: SgRulesSchema,
});
export type SgPeer = z.infer<typeof SgPeerSchema>;
export type SgRule = z.infer<typeof SgRuleSchema>;
export type SecurityGroup = z.infer<typeof SecurityGroupSchema>;
