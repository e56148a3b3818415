import { describe, expect, it } from 'vitest';
import { parseDesign, type RouteTable, type SecurityGroup } from '../../domain';
import { TEMPLATES } from '../../scenarios/templates';
import { applyScheduledChange } from './scheduledChanges';

const design = TEMPLATES.find((t) => t.id === 'single-web-server')!.build();
const web = Object.values(design.resources).find(
  (r): r is SecurityGroup => r.kind === 'securityGroup' && r.name === 'web',
)!;
const table = Object.values(design.resources).find(
  (r): r is RouteTable => r.kind === 'routeTable' && r.name === 'Public routes',
)!;

describe('scheduled changes applied to a design', () => {
  it('a removal names its rule by protocol, ports and source; the description does not matter', () => {
    const applied = applyScheduledChange(design, {
      at: 5,
      change: 'removeSecurityGroupRule',
      groupId: web.id,
      direction: 'inbound',
      rule: {
        protocol: 'tcp',
        ports: { from: 443, to: 443 },
        peer: { type: 'cidr', cidr: '0.0.0.0/0' },
        description: '',
      },
    });
    expect(applied.ok && (applied.design.resources[web.id] as SecurityGroup).inbound.map((r) => r.ports)).toEqual([
      { from: 80, to: 80 },
    ]);
    const missing = applyScheduledChange(design, {
      at: 5,
      change: 'removeSecurityGroupRule',
      groupId: web.id,
      direction: 'inbound',
      rule: {
        protocol: 'tcp',
        ports: { from: 22, to: 22 },
        peer: { type: 'cidr', cidr: '0.0.0.0/0' },
        description: '',
      },
    });
    expect(missing).toEqual({ ok: false, reason: 'web has no inbound rule TCP 22 from 0.0.0.0/0' });
  });

  it('a file saved with the older position form still opens and removes the rule at that position', () => {
    const saved = {
      ...design,
      simulation: {
        ...design.simulation,
        changes: [{ at: 5, change: 'removeSecurityGroupRule', groupId: web.id, direction: 'inbound', index: 1 }],
      },
    };
    const parsed = parseDesign(JSON.parse(JSON.stringify(saved)));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const change = parsed.design.simulation!.changes[0]!;
    const applied = applyScheduledChange(parsed.design, change);
    expect(applied.ok && (applied.design.resources[web.id] as SecurityGroup).inbound.map((r) => r.ports)).toEqual([
      { from: 80, to: 80 },
    ]);
  });

  // Amazon VPC User Guide, "Route tables": the local route can't be deleted; EC2's DeleteRoute refuses it
  // ("InvalidParameterValue: cannot remove local route").
  it('refuses to remove the local route and says why', () => {
    const local = table.routes.find((r) => r.target === 'local');
    expect(local).toBeDefined();
    const applied = applyScheduledChange(design, {
      at: 5,
      change: 'removeRoute',
      tableId: table.id,
      destination: local!.destination,
    });
    expect(applied).toEqual({
      ok: false,
      reason: `${table.name}'s route for ${local!.destination} is the local route, which AWS never removes (DeleteRoute: "cannot remove local route")`,
    });
  });
});
