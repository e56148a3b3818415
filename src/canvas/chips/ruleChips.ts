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

type RuleResource = Extract<Resource, { kind: RuleChip['kind'] }>;

/** One rule set as a chip; `count` may say more than its rules (a subnet on the main table). */
function chipOf(design: Design, rules: RuleResource, count?: string): RuleChip {
  switch (rules.kind) {
    case 'routeTable':
      return {
        id: rules.id,
        kind: 'routeTable',
        name: rules.name,
        count: count ?? plural(rules.routes.length, 'route'),
        rules: rules.routes.map((r) => `${r.destination} → ${design.resources[r.target]?.name ?? r.target}`),
      };
    case 'networkAcl':
      return {
        id: rules.id,
        kind: 'networkAcl',
        name: rules.name,
        count: count ?? `${rules.inbound.length} in · ${rules.outbound.length} out`,
        rules: [
          ...rules.inbound.map((r) => `in: ${describeNaclRule(r)}`),
          'in: rule * (deny all)',
          ...rules.outbound.map((r) => `out: ${describeNaclRule(r)}`),
          'out: rule * (deny all)',
        ],
      };
    case 'securityGroup':
      return {
        id: rules.id,
        kind: 'securityGroup',
        name: rules.name,
        count: count ?? `${rules.inbound.length} in · ${rules.outbound.length} out`,
        rules: [
          ...rules.inbound.map((r) => `in: ${describeSgRule(design, r, 'inbound')}`),
          ...rules.outbound.map((r) => `out: ${describeSgRule(design, r, 'outbound')}`),
        ],
      };
  }
}

/**
 * The chips of a resource. A rule set itself (drawn as a shelf pill) has its
 * own chip, which is not drawn: it is what the pill's hover card lists.
 */
export function ruleChipsOf(design: Design, resource: Resource): RuleChip[] {
  if (resource.kind === 'routeTable' || resource.kind === 'networkAcl' || resource.kind === 'securityGroup')
    return [chipOf(design, resource)];
  if (resource.kind === 'subnet') {
    const chips: RuleChip[] = [];
    const table = routeTableForSubnet(design, resource);
    if (table)
      chips.push(
        chipOf(
          design,
          table,
          `${plural(table.routes.length, 'route')}${table.subnetIds.includes(resource.id) ? '' : ' · main'}`,
        ),
      );
    const acl = networkAclForSubnet(design, resource);
    if (acl) chips.push(chipOf(design, acl));
    return chips;
  }
  const ids =
    'securityGroupIds' in resource && Array.isArray(resource.securityGroupIds) ? resource.securityGroupIds : [];
  return ids.flatMap((id: string) => {
    const group = design.resources[id];
    return group?.kind === 'securityGroup' ? [chipOf(design, group)] : [];
  });
}
