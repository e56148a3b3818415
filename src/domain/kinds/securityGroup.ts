import { z } from 'zod';
import { PrefixListIdSchema, SecurityGroupIdSchema, VpcIdSchema } from '../ids';
import { atMost, CidrTextSchema, NameSchema, PortRangeSchema, ProtocolSchema } from '../common';
import { MAX_SG_RULES_READABLE } from '../catalogs/limits';
import { resourceById } from '../lookup';
import { listIn, requiredRef } from './references';
import type { KindSpec } from './spec';
import { createSecurityGroup } from '../factories';
import { resourcesOfKind } from '../lookup';
import { created, refusedDrop } from './drop';

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

const peerGroups = (rules: readonly SgRule[]) =>
  rules.flatMap((rule) => (rule.peer.type === 'securityGroup' ? [rule.peer.groupId] : []));
const peerLists = (rules: readonly SgRule[]) =>
  rules.flatMap((rule) => (rule.peer.type === 'prefixList' ? [rule.peer.prefixListId] : []));

export const securityGroupKind: KindSpec<'securityGroup'> = {
  kind: 'securityGroup',
  idPrefix: 'sg',
  label: 'a security group',
  containers: ['vpc'],
  isContainer: false,
  containerOf: (design, group) => resourceById(design, group.vpcId),
  references: [
    requiredRef('vpcId', ['vpc'], 'deleteSelf'),
    // AWS refuses to delete a group that another group's rules name; Nimbus deletes it, keeps the rule and validation reports it.
    {
      ...listIn<SecurityGroup>(
        'rules.peer.groupId',
        ['securityGroup'],
        (g) => [...peerGroups(g.inbound), ...peerGroups(g.outbound)],
        (g) => g,
      ),
      onDelete: 'keep',
      missingCode: 'SG_RULE_GROUP_MISSING',
    },
    {
      ...listIn<SecurityGroup>(
        'rules.peer.prefixListId',
        ['managedPrefixList'],
        (g) => [...peerLists(g.inbound), ...peerLists(g.outbound)],
        (g) => g,
      ),
      onDelete: 'keep',
      missingCode: 'SG_RULE_PREFIX_LIST_MISSING',
    },
  ],
  create: ({ design, vpc, ids }) =>
    vpc
      ? created(createSecurityGroup(ids, vpc.id, `sg-${resourcesOfKind(design, 'securityGroup').length + 1}`))
      : refusedDrop('Drop the security group inside a VPC.'),
  duplicate: { reset: (copy) => ({ ...copy, isDefault: false }) },
};
