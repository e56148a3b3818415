import type { Design, Resource } from '../../domain';
import { describeNaclRule, describeSgRule, networkAclForSubnet, routeTableForSubnet } from '../../engine';

/**
 * The rules that act on a resource, drawn on it as chips: a subnet's route
 * table and network ACL (on its frame, where a packet enters or leaves it),
 * the security groups of a card that has them (an instance, load balancer,
 * database, function, endpoint). Each chip names the rule set, counts its
 * rules and lists them for the hover card.
 */
export interface RuleChip {
  id: string;
  kind: 'routeTable' | 'networkAcl' | 'securityGroup';
  name: string;
  /** "3 routes", "2 in · 1 out". */
  count: string;
  /** One line a rule, for the hover card. */
  rules: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function ruleChipsOf(design: Design, resource: Resource): RuleChip[] {
  if (resource.kind === 'subnet') {
    const chips: RuleChip[] = [];
    const table = routeTableForSubnet(design, resource);
    if (table)
      chips.push({
        id: table.id,
        kind: 'routeTable',
        name: table.name,
        count: `${plural(table.routes.length, 'route')}${table.subnetIds.includes(resource.id) ? '' : ' · main'}`,
        rules: table.routes.map((r) => `${r.destination} → ${design.resources[r.target]?.name ?? r.target}`),
      });
    const acl = networkAclForSubnet(design, resource);
    if (acl)
      chips.push({
        id: acl.id,
        kind: 'networkAcl',
        name: acl.name,
        count: `${acl.inbound.length} in · ${acl.outbound.length} out`,
        rules: [
          ...acl.inbound.map((r) => `in: ${describeNaclRule(r)}`),
          'in: rule * (deny all)',
          ...acl.outbound.map((r) => `out: ${describeNaclRule(r)}`),
          'out: rule * (deny all)',
        ],
      });
    return chips;
  }
  const ids =
    'securityGroupIds' in resource && Array.isArray(resource.securityGroupIds) ? resource.securityGroupIds : [];
  return ids.flatMap((id: string) => {
    const group = design.resources[id];
    if (!group || group.kind !== 'securityGroup') return [];
    return [
      {
        id: group.id,
        kind: 'securityGroup' as const,
        name: group.name,
        count: `${group.inbound.length} in · ${group.outbound.length} out`,
        rules: [
          ...group.inbound.map((r) => `in: ${describeSgRule(design, r, 'inbound')}`),
          ...group.outbound.map((r) => `out: ${describeSgRule(design, r, 'outbound')}`),
        ],
      },
    ];
  });
}
