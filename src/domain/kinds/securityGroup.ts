import { resourceById } from '../lookup';
import { listIn, requiredRef } from './references';
import type { KindSpec } from './spec';
import { createSecurityGroup } from '../factories';
import { resourcesOfKind } from '../lookup';
import { created, refusedDrop } from './drop';
import type { SgRule, SecurityGroup } from './securityGroup.schema';

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

export type { SgPeer, SgRule, SecurityGroup } from './securityGroup.schema';
