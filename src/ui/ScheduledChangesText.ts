import {
  getResource,
  resourcesOfKind,
  type Design,
  type NaclRule,
  type RouteTable,
  type ScheduledChange,
  type SgRule,
  SgRuleSchema,
} from '../domain';
import { describeNaclRule, describeSgRule } from '../engine';
import { scheduleClock } from './faultWords';

/**
 * The words and choices of the scheduled-changes list (`design.simulation.changes`):
 * what each change says, what it can name in this design, and the change a
 * filled-in form stands for. Pure, so it is tested without a browser.
 */

export type ChangeKind = ScheduledChange['change'];
export type Direction = 'inbound' | 'outbound';

export const CHANGE_WORDS: Record<ChangeKind, string> = {
  addSecurityGroupRule: 'Add a security-group rule',
  removeSecurityGroupRule: 'Remove a security-group rule',
  addNetworkAclRule: 'Add a network ACL rule',
  removeNetworkAclRule: 'Remove a network ACL rule',
  addRoute: 'Add a route',
  removeRoute: 'Remove a route',
};

/** Which resource kind a change names. */
export const changeResourceKind = (kind: ChangeKind): 'securityGroup' | 'networkAcl' | 'routeTable' =>
  kind.endsWith('SecurityGroupRule') ? 'securityGroup' : kind.endsWith('NetworkAclRule') ? 'networkAcl' : 'routeTable';

export const isRemoval = (kind: ChangeKind): boolean => kind.startsWith('remove');

/** The resources a change of this kind can name, by name. */
export function changeTargets(design: Design, kind: ChangeKind): Array<{ id: string; label: string }> {
  return resourcesOfKind(design, changeResourceKind(kind)).map((r) => ({ id: r.id, label: r.name }));
}

/** The rules (or routes) a removal can pick, as select values: a group rule's index, an ACL rule's number, a route's destination. */
export function removableRules(
  design: Design,
  kind: ChangeKind,
  resourceId: string,
  direction: Direction,
): Array<{ value: string; label: string }> {
  switch (changeResourceKind(kind)) {
    case 'securityGroup': {
      const group = getResource(design, resourceId, 'securityGroup');
      // The value is the rule itself: a removal names its rule by content, as AWS revokes one.
      return (group?.[direction] ?? []).map((rule, index) => ({
        value: JSON.stringify(rule),
        label: `${index + 1}. ${describeSgRule(design, rule, direction)}`,
      }));
    }
    case 'networkAcl': {
      const acl = getResource(design, resourceId, 'networkAcl');
      return (acl?.[direction] ?? []).map((rule) => ({
        value: String(rule.ruleNumber),
        label: describeNaclRule(rule),
      }));
    }
    case 'routeTable': {
      const table = getResource(design, resourceId, 'routeTable');
      return (table?.routes ?? [])
        .filter((r) => r.target !== 'local')
        .map((r) => ({ value: r.destination, label: `${r.destination} → ${targetName(design, r.target)}` }));
    }
  }
}

const targetName = (design: Design, target: string) =>
  target === 'local' ? 'local' : (design.resources[target]?.name ?? target);

/** What the form holds; only the fields of the chosen kind are read. */
export interface ChangeForm {
  kind: ChangeKind;
  resourceId: string;
  direction: Direction;
  atSeconds: number;
  /** The rule or route a removal picks (`removableRules` value). */
  pick: string;
  /** An added rule's protocol, port (null: every port of it) and address range. */
  protocol: 'tcp' | 'udp' | 'icmp' | 'all';
  port: number | null;
  cidr: string;
  /** An added ACL rule's number and action. */
  ruleNumber: number;
  action: 'allow' | 'deny';
  /** An added route's target (a gateway id or `local`). */
  target: string;
}

/** The change a filled-in form stands for, or why it can't be made yet. */
export function changeOf(form: ChangeForm): { ok: true; change: ScheduledChange } | { ok: false; reason: string } {
  const at = Math.max(0, Math.round(form.atSeconds));
  if (!form.resourceId) return { ok: false, reason: 'Choose what the change applies to.' };
  const ports = form.protocol === 'tcp' || form.protocol === 'udp' ? portRange(form.port) : null;
  switch (form.kind) {
    case 'removeSecurityGroupRule': {
      const rule = pickedSgRule(form.pick);
      return rule === null
        ? { ok: false, reason: 'Choose the rule to remove.' }
        : { ok: true, change: { at, change: form.kind, groupId: form.resourceId, direction: form.direction, rule } };
    }
    case 'removeNetworkAclRule':
      return form.pick === ''
        ? { ok: false, reason: 'Choose the rule to remove.' }
        : {
            ok: true,
            change: {
              at,
              change: form.kind,
              aclId: form.resourceId,
              direction: form.direction,
              ruleNumber: Number(form.pick),
            },
          };
    case 'removeRoute':
      return form.pick === ''
        ? { ok: false, reason: 'Choose the route to remove.' }
        : { ok: true, change: { at, change: form.kind, tableId: form.resourceId, destination: form.pick } };
    case 'addSecurityGroupRule': {
      const rule: SgRule = { protocol: form.protocol, ports, peer: { type: 'cidr', cidr: form.cidr }, description: '' };
      return {
        ok: true,
        change: { at, change: form.kind, groupId: form.resourceId, direction: form.direction, rule },
      };
    }
    case 'addNetworkAclRule': {
      const rule: NaclRule = {
        ruleNumber: form.ruleNumber,
        protocol: form.protocol,
        ports,
        cidr: form.cidr,
        action: form.action,
      };
      return { ok: true, change: { at, change: form.kind, aclId: form.resourceId, direction: form.direction, rule } };
    }
    case 'addRoute':
      return form.target === ''
        ? { ok: false, reason: 'Choose where the route sends traffic.' }
        : {
            ok: true,
            change: {
              at,
              change: form.kind,
              tableId: form.resourceId,
              route: { destination: form.cidr, target: form.target as RouteTable['routes'][number]['target'] },
            },
          };
  }
}

/** The group rule a removal's select value stands for (`removableRules`), or null when it names none. */
function pickedSgRule(pick: string): SgRule | null {
  if (pick === '') return null;
  try {
    const parsed = SgRuleSchema.safeParse(JSON.parse(pick));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const portRange = (port: number | null) => (port === null ? { from: 0, to: 65535 } : { from: port, to: port });

/** One scheduled change in words: "At 10:00, remove web's inbound rule 1 (TCP 443 from 0.0.0.0/0)". */
export function describeChange(design: Design, change: ScheduledChange): string {
  const when = `At ${scheduleClock(change.at)}`;
  const name = (id: string) => design.resources[id]?.name ?? `${id} (not in the design)`;
  switch (change.change) {
    case 'removeSecurityGroupRule': {
      if (change.rule)
        return `${when}, remove ${name(change.groupId)}'s ${change.direction} rule ${describeSgRule(design, change.rule, change.direction)}`;
      const index = change.index ?? 0;
      const rule = getResource(design, change.groupId, 'securityGroup')?.[change.direction][index];
      return `${when}, remove ${name(change.groupId)}'s ${change.direction} rule ${index + 1}${rule ? ` (${describeSgRule(design, rule, change.direction)})` : ''}`;
    }
    case 'addSecurityGroupRule':
      return `${when}, add to ${name(change.groupId)} ${change.direction}: ${describeSgRule(design, change.rule, change.direction)}`;
    case 'removeNetworkAclRule':
      return `${when}, remove ${name(change.aclId)}'s ${change.direction} rule ${change.ruleNumber}`;
    case 'addNetworkAclRule':
      return `${when}, add to ${name(change.aclId)} ${change.direction}: ${describeNaclRule(change.rule)}`;
    case 'removeRoute':
      return `${when}, remove the route ${change.destination} from ${name(change.tableId)}`;
    case 'addRoute':
      return `${when}, add the route ${change.route.destination} → ${targetName(design, change.route.target)} to ${name(change.tableId)}`;
  }
}
