import { describe, expect, it } from 'vitest';
import { NetworkBuilder } from '../testing/networks';
import { parseEndpoint, formatEndpoint } from './endpointText';
import { analyzeExposure } from './exposure';
import { analyzeReachability } from './reachability';

describe('exposure across VPCs', () => {
  it('counts hosts in a peered VPC (routes both ways) and not in one whose peering routes are missing', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    const c = n.vpc('C', 3);
    n.peer(a, b);
    n.peer(a, c, { routes: false });
    const report = analyzeExposure(n.b.build());
    const sources = (instanceId: string) =>
      report.entries.filter((e) => e.instanceId === instanceId).map((e) => `${e.source} ${e.ports.join(',')}`);
    // SSH from 10.0.0.0/8: a host in B reaches A's instance over the peering; C has the peering but no route.
    expect(sources(a.instance.id)).toEqual(['B us-east-1a (B) 22']);
    expect(sources(c.instance.id)).toEqual([]);
  });

  it('counts hosts in VPCs attached to the same transit gateway', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    const hub = n.transitGateway();
    n.attach(hub, a);
    n.attach(hub, b);
    n.b.route(a.table, '10.2.0.0/16', hub.id);
    n.b.route(b.table, '10.1.0.0/16', hub.id);
    const report = analyzeExposure(n.b.build());
    expect(report.entries.filter((e) => e.instanceId === b.instance.id).map((e) => e.source)).toEqual([
      'A us-east-1a (A)',
    ]);
  });
});

describe('a host in a subnet as an endpoint', () => {
  it('reads and writes host-in:<subnet id>, and reaches what the subnet’s ACL and routes allow', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1, { zoneCount: 2 });
    const design = n.b.build();
    const spec = parseEndpoint(design, `host-in:${a.subnets[1]!.id}`);
    expect(spec).toEqual({ ok: true, spec: { kind: 'subnetHost', subnetId: a.subnets[1]!.id } });
    if (!spec.ok) return;
    expect(formatEndpoint(spec.spec)).toBe(`host-in:${a.subnets[1]!.id}`);
    expect(parseEndpoint(design, 'host-in:subnet-nope')).toMatchObject({ ok: false });
    const outcome = analyzeReachability(design, {
      from: spec.spec,
      to: { kind: 'resource', id: a.instance.id },
      protocol: 'tcp',
      port: 22,
    });
    expect(outcome.ok && outcome.result.reachable).toBe(true);
    const blocked = analyzeReachability(design, {
      from: spec.spec,
      to: { kind: 'resource', id: a.instance.id },
      protocol: 'tcp',
      port: 3306,
    });
    expect(blocked.ok && blocked.result.blockedBy?.code).toBe('ENI_SG_RULES_MISMATCH');
  });
});
