import { describe, expect, it } from 'vitest';
import type { Design } from '../domain';
import { connect } from './connections';
import { NetworkBuilder } from './testing/networks';
import { analyzeReachability } from './reach';

const ok = (result: ReturnType<typeof connect>): Design => {
  if (!result.ok) throw new Error(result.reason);
  return result.design;
};

describe('connecting VPCs on the canvas', () => {
  it('two VPCs make a peering; a route table joined to it routes the peer CIDR; then SSH crosses', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    const ids = n.b.ids;
    let design = ok(connect(n.build(), a.vpc.vpc.id, b.vpc.vpc.id, ids));
    const pcx = Object.values(design.resources).find((r) => r.kind === 'vpcPeeringConnection')!;
    expect(pcx).toMatchObject({ requesterVpcId: a.vpc.vpc.id, accepterVpcId: b.vpc.vpc.id, status: 'active' });
    expect(connect(design, b.vpc.vpc.id, a.vpc.vpc.id, ids)).toMatchObject({ ok: false });
    design = ok(connect(design, a.table.id, pcx.id, ids));
    design = ok(connect(design, pcx.id, b.table.id, ids));
    const r = analyzeReachability(design, {
      from: { kind: 'resource', id: a.instance.id },
      to: { kind: 'resource', id: b.instance.id },
      protocol: 'tcp',
      port: 22,
    });
    expect(r.ok && r.result.reachable).toBe(true);
  });

  it('refuses to peer VPCs whose CIDRs overlap', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2, { cidr: '10.1.0.0/16' });
    const result = connect(n.build(), a.vpc.vpc.id, b.vpc.vpc.id, n.b.ids);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toContain('overlapping');
  });

  it('a VPC and a transit gateway make an attachment with one subnet per zone', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1, { zoneCount: 2 });
    const tgw = n.transitGateway();
    const design = ok(connect(n.build(), a.vpc.vpc.id, tgw.id, n.b.ids));
    const attachment = Object.values(design.resources).find((r) => r.kind === 'transitGatewayAttachment');
    expect(attachment).toMatchObject({
      vpcId: a.vpc.vpc.id,
      subnetIds: a.subnets.map((s) => s.id),
      associatedRouteTableId: tgw.routeTables[0]!.id,
    });
  });
});
