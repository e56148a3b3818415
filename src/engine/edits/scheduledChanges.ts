import { produce } from 'immer';
import { getResource, type Design, type ScheduledChange, type SgRule } from '../../domain';
import { describeSgRule } from '../reach/ruleEvaluate';

/** Whether two group rules are the same rule to AWS: protocol, ports and peer; a description is only a label. */
export function sameSgRule(a: SgRule, b: SgRule): boolean {
  const peerKey = ({ peer }: SgRule) =>
    peer.type === 'cidr'
      ? `cidr ${peer.cidr}`
      : peer.type === 'securityGroup'
        ? `sg ${peer.groupId}`
        : `pl ${peer.prefixListId}`;
  const ports = (r: SgRule) => (r.ports === null ? 'all' : `${r.ports.from}-${r.ports.to}`);
  return String(a.protocol) === String(b.protocol) && ports(a) === ports(b) && peerKey(a) === peerKey(b);
}

/**
 * Applies one scheduled rule or route change to a design (pure). Returns the
 * changed design and a sentence for the log, or the reason it could not be
 * made (the group, ACL, table, rule or route is not there), leaving the design as it was.
 */
export function applyScheduledChange(
  design: Design,
  change: ScheduledChange,
): { ok: true; design: Design; summary: string } | { ok: false; reason: string } {
  switch (change.change) {
    case 'removeSecurityGroupRule':
    case 'addSecurityGroupRule': {
      const group = getResource(design, change.groupId, 'securityGroup');
      if (!group) return { ok: false, reason: `there is no security group ${change.groupId}` };
      const rules = group[change.direction];
      if (change.change === 'removeSecurityGroupRule') {
        const index = change.rule ? rules.findIndex((r) => sameSgRule(r, change.rule!)) : (change.index ?? -1);
        const named = change.rule
          ? `${change.direction} rule ${describeSgRule(design, change.rule, change.direction)}`
          : `${change.direction} rule ${(change.index ?? -1) + 1}`;
        if (index < 0 || index >= rules.length) return { ok: false, reason: `${group.name} has no ${named}` };
        return {
          ok: true,
          summary: `removed ${named} of ${group.name}`,
          design: produce(design, (d) => {
            (d.resources[group.id] as typeof group)[change.direction].splice(index, 1);
          }),
        };
      }
      return {
        ok: true,
        summary: `added an ${change.direction} rule to ${group.name}`,
        design: produce(design, (d) => {
          (d.resources[group.id] as typeof group)[change.direction].push(change.rule);
        }),
      };
    }
    case 'removeNetworkAclRule':
    case 'addNetworkAclRule': {
      const acl = getResource(design, change.aclId, 'networkAcl');
      if (!acl) return { ok: false, reason: `there is no network ACL ${change.aclId}` };
      const rules = acl[change.direction];
      if (change.change === 'removeNetworkAclRule') {
        if (!rules.some((r) => r.ruleNumber === change.ruleNumber))
          return { ok: false, reason: `${acl.name} has no ${change.direction} rule ${change.ruleNumber}` };
        return {
          ok: true,
          summary: `removed ${change.direction} rule ${change.ruleNumber} of ${acl.name}`,
          design: produce(design, (d) => {
            const list = (d.resources[acl.id] as typeof acl)[change.direction];
            list.splice(
              list.findIndex((r) => r.ruleNumber === change.ruleNumber),
              1,
            );
          }),
        };
      }
      if (rules.some((r) => r.ruleNumber === change.rule.ruleNumber))
        return { ok: false, reason: `${acl.name} already has ${change.direction} rule ${change.rule.ruleNumber}` };
      return {
        ok: true,
        summary: `added ${change.direction} rule ${change.rule.ruleNumber} to ${acl.name}`,
        design: produce(design, (d) => {
          const list = (d.resources[acl.id] as typeof acl)[change.direction];
          list.push(change.rule);
          list.sort((a, b) => a.ruleNumber - b.ruleNumber);
        }),
      };
    }
    case 'removeRoute':
    case 'addRoute': {
      const table = getResource(design, change.tableId, 'routeTable');
      if (!table) return { ok: false, reason: `there is no route table ${change.tableId}` };
      if (change.change === 'removeRoute') {
        const route = table.routes.find((r) => r.destination === change.destination);
        if (!route) return { ok: false, reason: `${table.name} has no route for ${change.destination}` };
        // Amazon VPC User Guide, "Route tables": the local route can't be deleted; DeleteRoute answers
        // InvalidParameterValue "cannot remove local route".
        if (route.target === 'local')
          return {
            ok: false,
            reason: `${table.name}'s route for ${change.destination} is the local route, which AWS never removes (DeleteRoute: "cannot remove local route")`,
          };
        return {
          ok: true,
          summary: `removed the route for ${change.destination} from ${table.name}`,
          design: produce(design, (d) => {
            const t = d.resources[table.id] as typeof table;
            t.routes = t.routes.filter((r) => r.destination !== change.destination);
          }),
        };
      }
      // AWS replaces a route for the same destination (ReplaceRoute); adding one keeps a table's routes unique.
      return {
        ok: true,
        summary: `routed ${change.route.destination} to ${change.route.target} in ${table.name}`,
        design: produce(design, (d) => {
          const t = d.resources[table.id] as typeof table;
          t.routes = [...t.routes.filter((r) => r.destination !== change.route.destination), change.route];
        }),
      };
    }
  }
}
