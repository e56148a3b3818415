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
  /** One line a rule, for the hover card: the first `LISTED_RULES` only (a group may have thousands). */
  rules: string[];
  /** How many rules there are in all, listed or not. */
  ruleCount: number;
}

/** The most rules a hover card lists; the inspector lists them all. */
export const LISTED_RULES = 12;

/** The first rules' lines, described only as far as the hover card lists them. */
function listed<T>(groups: ReadonlyArray<readonly [readonly T[], (rule: T) => string]>): {
  rules: string[];
  ruleCount: number;
} {
  const rules: string[] = [];
  let ruleCount = 0;
  for (const [items, describe] of groups) {
    for (const item of items.slice(0, Math.max(0, LISTED_RULES - rules.length))) rules.push(describe(item));
    ruleCount += items.length;
  }
  return { rules, ruleCount };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

type RuleResource = Extract<Resource, { kind: RuleChip['kind'] }>;
type NaclRule = Extract<Resource, { kind: 'networkAcl' }>['inbound'][number];
type SgRule = Extract<Resource, { kind: 'securityGroup' }>['inbound'][number];

/** One rule set as a chip; `count` may say more than its rules (a subnet on the main table). */
function chipOf(design: Design, rules: RuleResource, count?: string): RuleChip {
  switch (rules.kind) {
    case 'routeTable':
      return {
        id: rules.id,
        kind: 'routeTable',
        name: rules.name,
        count: count ?? plural(rules.routes.length, 'route'),
        ...listed([[rules.routes, (r) => `${r.destination} → ${design.resources[r.target]?.name ?? r.target}`]]),
      };
    case 'networkAcl':
      return {
        id: rules.id,
        kind: 'networkAcl',
        name: rules.name,
        count: count ?? `${rules.inbound.length} in · ${rules.outbound.length} out`,
        ...listed<NaclRule | null>([
          [rules.inbound, (r) => `in: ${describeNaclRule(r!)}`],
          [[null], () => 'in: rule * (deny all)'],
          [rules.outbound, (r) => `out: ${describeNaclRule(r!)}`],
          [[null], () => 'out: rule * (deny all)'],
        ]),
      };
    case 'securityGroup':
      return {
        id: rules.id,
        kind: 'securityGroup',
        name: rules.name,
        count: count ?? `${rules.inbound.length} in · ${rules.outbound.length} out`,
        ...listed<SgRule>([
          [rules.inbound, (r) => `in: ${describeSgRule(design, r, 'inbound')}`],
          [rules.outbound, (r) => `out: ${describeSgRule(design, r, 'outbound')}`],
        ]),
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
