import { describe, expect, it } from 'vitest';
import type { Design } from '../../domain';
import { NetworkBuilder } from '../testing/networks';
import { validateDesign } from '../validate';
import { analyzeReachability, type ReachResult } from './reachability';

function reach(design: Design, from: string, to: string, port = 22): ReachResult {
  const outcome = analyzeReachability(design, {
    from: { kind: 'resource', id: from },
    to: { kind: 'resource', id: to },
    protocol: 'tcp',
    port,
  });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

describe('VPC peering', () => {
  it('carries SSH between two peered VPCs, with the peering hop both ways', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    const pcx = n.peer(a, b);
    const design = n.build();
    const r = reach(design, a.instance.id, b.instance.id);
    expect(r.blockedBy).toBeNull();
    expect(r.forward.map((h) => h.id)).toContain(pcx.id);
    expect(r.return.map((h) => h.id)).toContain(pcx.id);
    expect(reach(design, b.instance.id, a.instance.id).reachable).toBe(true);
    expect(validateDesign(design).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('is not transitive: A-B and B-C peered, A cannot reach C even with a route through B', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    const c = n.vpc('C', 3);
    const ab = n.peer(a, b);
    n.peer(b, c);
    // A sends C's range to its peering with B, hoping B passes it on.
    n.b.route(a.table, c.vpc.vpc.cidr, ab.id);
    const design = n.build();
    expect(reach(design, a.instance.id, b.instance.id).reachable).toBe(true);
    expect(reach(design, b.instance.id, c.instance.id).reachable).toBe(true);
    const r = reach(design, a.instance.id, c.instance.id);
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({ id: ab.id, code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', direction: 'forward' });
  });

  it('allows no edge-to-edge routing: B cannot use A’s NAT gateway', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    n.natGateway(a, '10.1.200.0/24');
    const pcx = n.peer(a, b);
    n.b.route(b.table, '0.0.0.0/0', pcx.id);
    const design = n.build();
    const ok = analyzeReachability(design, {
      from: { kind: 'resource', id: a.instance.id },
      to: { kind: 'internet' },
      protocol: 'tcp',
      port: 443,
    });
    expect(ok.ok && ok.result.reachable).toBe(true);
    const out = analyzeReachability(design, {
      from: { kind: 'resource', id: b.instance.id },
      to: { kind: 'internet' },
      protocol: 'tcp',
      port: 443,
    });
    if (!out.ok) throw new Error(out.error);
    expect(out.result.reachable).toBe(false);
    expect(out.result.blockedBy).toMatchObject({ id: pcx.id, code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR' });
    expect(out.result.forward.at(-1)!.explanation).toContain('no edge-to-edge');
  });

  it('needs the return route over the same peering', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    const pcx = n.peer(a, b, { routes: false });
    n.b.route(a.table, b.vpc.vpc.cidr, pcx.id);
    const r = reach(n.build(), a.instance.id, b.instance.id);
    expect(r.blockedBy).toMatchObject({ direction: 'return', code: 'NO_ROUTE_TO_DESTINATION' });
  });

  it('without a peering, two VPCs are not joined (the old different-VPC refusal is gone)', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    const r = reach(n.build(), a.instance.id, b.instance.id);
    expect(r.blockedBy).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', direction: 'forward' });
  });

  it('a peering pending acceptance carries nothing: its routes are blackholes', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    n.peer(a, b, { status: 'pending-acceptance' });
    const r = reach(n.build(), a.instance.id, b.instance.id);
    expect(r.blockedBy).toMatchObject({ code: 'BAD_STATE_ROUTE' });
  });

  it('refuses overlapping CIDRs with a validation error', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2, { cidr: '10.1.0.0/16' });
    const pcx = n.peer(a, b, { routes: false });
    const findings = validateDesign(n.build()).filter((f) => f.code === 'PEERING_CIDR_OVERLAP');
    expect(findings).toMatchObject([{ severity: 'error', resourceId: pcx.id }]);
  });
});

describe('transit gateway', () => {
  function hub() {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1, { zoneCount: 2 });
    const b = n.vpc('B', 2, { zoneCount: 2 });
    const tgw = n.transitGateway();
    n.b.route(a.table, '10.0.0.0/8', tgw.id);
    n.b.route(b.table, '10.0.0.0/8', tgw.id);
    return { n, a, b, tgw };
  }

  it('carries traffic between attached VPCs through its route table, both ways', () => {
    const { n, a, b, tgw } = hub();
    n.attach(tgw, a);
    n.attach(tgw, b);
    const design = n.build();
    const r = reach(design, a.instance.id, b.instance.id);
    expect(r.blockedBy).toBeNull();
    expect(r.forward.find((h) => h.id === tgw.id)!.rule).toContain('(propagated)');
    expect(r.return.map((h) => h.id)).toContain(tgw.id);
    expect(validateDesign(design).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it("delivers from an attachment subnet in a zone that is up: a down zone's attachment interface carries nothing", () => {
    const n = new NetworkBuilder(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    const a = n.vpc('A', 1, { zoneCount: 1 });
    const b = n.vpc('B', 2, { zoneCount: 3 });
    const tgw = n.transitGateway();
    n.b.route(a.table, '10.0.0.0/8', tgw.id);
    n.b.route(b.table, '10.0.0.0/8', tgw.id);
    n.attach(tgw, a);
    n.attach(tgw, b, [b.subnets[1]!, b.subnets[2]!]);
    const server = n.b.instance(b.subnets[2]!, '10.2.3.10', [b.group.id], 'B server');
    const design = n.build();
    const query = {
      from: { kind: 'resource' as const, id: a.instance.id },
      to: { kind: 'resource' as const, id: server.id },
      protocol: 'tcp' as const,
      port: 22,
    };
    const exitOf = (r: ReachResult) =>
      r.forward.slice(r.forward.findIndex((h) => h.id === tgw.id)).find((h) => h.subnetId)?.subnetId;
    const up = analyzeReachability(design, query);
    expect(up.ok && exitOf(up.result)).toBe(b.subnets[1]!.id);
    const down = analyzeReachability(design, query, { zonesDown: [n.zones[1]!.id] });
    expect(down.ok && down.result.reachable).toBe(true);
    expect(down.ok && exitOf(down.result)).toBe(b.subnets[2]!.id);
    const allDown = analyzeReachability(design, query, { zonesDown: [n.zones[1]!.id, n.zones[2]!.id] });
    expect(allDown.ok && allDown.result.blockedBy).toMatchObject({ id: tgw.id, code: 'ZONE_OUTAGE' });
  });

  it('a subnet in a zone without an attachment subnet cannot use it', () => {
    const { n, a, b, tgw } = hub();
    // A's attachment has a subnet only in the second zone; A's host is in the first.
    n.attach(tgw, a, [a.subnets[1]!]);
    n.attach(tgw, b);
    const r = reach(n.build(), a.instance.id, b.instance.id);
    expect(r.blockedBy).toMatchObject({ id: tgw.id, code: 'TGW_ROUTE_AZ_RESTRICTION', direction: 'forward' });
  });

  it('a static blackhole route beats the propagated route it covers more specifically', () => {
    const { n, a, b, tgw } = hub();
    n.attach(tgw, a);
    n.attach(tgw, b);
    tgw.routeTables[0]!.routes.push({ destination: '10.2.1.0/24', attachmentId: null });
    const r = reach(n.build(), a.instance.id, b.instance.id);
    expect(r.blockedBy).toMatchObject({ id: tgw.id, code: 'BAD_STATE_ROUTE' });
  });

  it('looks up the associated table: an attachment whose table lacks the route cannot reach', () => {
    const { n, a, b, tgw } = hub();
    const fromA = n.attach(tgw, a);
    const toB = n.attach(tgw, b);
    // Two tables: A associates with one B does not propagate into.
    tgw.routeTables.push({ id: 'tgw-rtb-isolated', name: 'Isolated', routes: [] });
    fromA.associatedRouteTableId = 'tgw-rtb-isolated';
    expect(reach(n.build(), a.instance.id, b.instance.id).blockedBy).toMatchObject({
      code: 'NO_ROUTE_TO_DESTINATION',
      direction: 'forward',
    });
    // B propagates into it: forward works, and B's table still holds A's route, so the response returns.
    toB.propagatedRouteTableIds.push('tgw-rtb-isolated');
    expect(reach(n.build(), a.instance.id, b.instance.id).reachable).toBe(true);
  });
});

describe('appliances', () => {
  function inspected(sourceDestCheck: boolean | undefined, applianceZone = 0) {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const appSubnet = n.b.subnet(a.vpc, n.zones[applianceZone]!, '10.1.50.0/24', 'A inspection');
    const dstSubnet = n.b.subnet(a.vpc, n.zones[0]!, '10.1.60.0/24', 'A servers');
    const firewall = n.b.instance(appSubnet, '10.1.50.10', [a.group.id], 'Firewall');
    firewall.sourceDestCheck = sourceDestCheck;
    a.group.inbound.push({
      protocol: 'all',
      ports: null,
      peer: { type: 'cidr', cidr: '10.1.0.0/16' },
      description: '',
    });
    const server = n.b.instance(dstSubnet, '10.1.60.10', [a.group.id], 'Server');
    // More specific than local (allowed since 2021): each side's subnet goes through the firewall.
    n.b.route(a.table, '10.1.60.0/24', firewall.id);
    n.b.route(a.table, '10.1.1.0/24', firewall.id);
    // The firewall's own subnet routes locally.
    const own = n.b.add(
      (() => {
        const t = { ...a.table, id: 'rtb-inspection' as typeof a.table.id, name: 'inspection', main: false };
        t.routes = [{ destination: '10.1.0.0/16', target: 'local' }];
        t.subnetIds = [appSubnet.id];
        return t;
      })(),
    );
    void own;
    return { design: n.build(), a, firewall, server, zone: n.zones[applianceZone]! };
  }

  it('an appliance in a zone that is down, or impaired, forwards nothing', () => {
    const { design, a, firewall, server, zone } = inspected(false, 1);
    const query = {
      from: { kind: 'resource' as const, id: a.instance.id },
      to: { kind: 'resource' as const, id: server.id },
      protocol: 'tcp' as const,
      port: 22,
    };
    const down = analyzeReachability(design, query, { zonesDown: [zone.id] });
    expect(down.ok && down.result.blockedBy).toMatchObject({ id: firewall.id, code: 'ZONE_OUTAGE' });
    const impaired = analyzeReachability(design, query, { outOfService: [firewall.id] });
    expect(impaired.ok && impaired.result.blockedBy).toMatchObject({ id: firewall.id, code: 'BAD_STATE' });
    const fine = analyzeReachability(design, query);
    expect(fine.ok && fine.result.reachable).toBe(true);
  });

  it('with the source/destination check on (the default), the appliance drops forwarded traffic', () => {
    const { design, a, firewall, server } = inspected(undefined);
    const r = reach(design, a.instance.id, server.id);
    expect(r.blockedBy).toMatchObject({ id: firewall.id, code: 'ENI_SOURCE_DEST_CHECK_RESTRICTION' });
  });

  it('with the check off, traffic goes through the appliance and back', () => {
    const { design, a, firewall, server } = inspected(false);
    const r = reach(design, a.instance.id, server.id);
    expect(r.blockedBy).toBeNull();
    expect(r.forward.map((h) => h.id)).toContain(firewall.id);
    expect(r.return.map((h) => h.id)).toContain(firewall.id);
    // Routes more specific than local to an appliance are allowed (since August 2021): no error, no warning left.
    expect(validateDesign(design).filter((f) => f.severity === 'error')).toEqual([]);
    expect(validateDesign(design).map((f) => f.code)).not.toContain('APPLIANCE_SOURCE_DEST_CHECK');
  });

  it('with the check on, validation warns about the appliance', () => {
    const { design, firewall } = inspected(undefined);
    expect(validateDesign(design).filter((f) => f.code === 'APPLIANCE_SOURCE_DEST_CHECK')).toMatchObject([
      { severity: 'warning', resourceId: firewall.id },
    ]);
  });

  it('group references do not survive the appliance', () => {
    const { design, a, server } = inspected(false);
    const only = design.resources[a.group.id]!;
    if (only.kind !== 'securityGroup') throw new Error('not a group');
    // Replace the CIDR rules with one that names the group itself.
    const group = {
      ...only,
      inbound: [
        {
          protocol: 'all' as const,
          ports: null,
          peer: { type: 'securityGroup' as const, groupId: only.id },
          description: '',
        },
      ],
    };
    const edited = { ...design, resources: { ...design.resources, [only.id]: group } };
    const r = reach(edited, a.instance.id, server.id);
    expect(r.blockedBy).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', direction: 'forward' });
    expect(r.blockedBy!.component).toContain('Server');
  });
});

describe('security-group references across VPCs', () => {
  /** B's group admits SSH only from A's group, by reference. */
  function byReference(join: 'peering' | 'peering-other-region' | 'tgw') {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    b.group.inbound = [
      {
        protocol: 'tcp',
        ports: { from: 22, to: 22 },
        peer: { type: 'securityGroup', groupId: a.group.id },
        description: '',
      },
    ];
    if (join === 'tgw') {
      const tgw = n.transitGateway();
      n.attach(tgw, a);
      n.attach(tgw, b);
      n.b.route(a.table, b.vpc.vpc.cidr, tgw.id);
      n.b.route(b.table, a.vpc.vpc.cidr, tgw.id);
    } else n.peer(a, b);
    if (join === 'peering-other-region') b.vpc.vpc.regionId = n.b.region('us-west-2').id;
    return reach(n.build(), a.instance.id, b.instance.id);
  }

  it('match over a peering in one Region', () => {
    expect(byReference('peering').reachable).toBe(true);
  });

  it('do not match over an inter-Region peering or a transit gateway', () => {
    expect(byReference('peering-other-region').blockedBy?.code).toBe('ENI_SG_RULES_MISMATCH');
    expect(byReference('tgw').blockedBy?.code).toBe('ENI_SG_RULES_MISMATCH');
  });
});

describe('transit gateway VPN attachments', () => {
  function withVpn() {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const tgw = n.transitGateway();
    const fromA = n.attach(tgw, a);
    const network = n.b.add({
      kind: 'onPremisesNetwork',
      id: 'onprem-1' as never,
      name: 'Office',
      cidrs: ['192.168.0.0/16'],
    });
    const cgw = n.b.add({
      kind: 'customerGateway',
      id: 'cgw-1' as never,
      name: 'Office router',
      ipAddress: '198.51.100.20',
      bgpAsn: 65000,
      onPremisesNetworkId: network.id,
    });
    const vpn = n.b.add({
      ...fromA,
      id: 'tgw-attach-vpn' as never,
      name: 'Office VPN',
      type: 'vpn' as const,
      vpcId: null,
      subnetIds: [],
      customerGatewayId: cgw.id,
    });
    n.b.route(a.table, '192.168.0.0/16', tgw.id);
    a.group.inbound.push({
      protocol: 'tcp',
      ports: { from: 22, to: 22 },
      peer: { type: 'cidr', cidr: '192.168.0.0/16' },
      description: '',
    });
    return { n, a, tgw, vpn, network };
  }

  it('carries traffic to the on-premises network over the VPN attachment (propagated route) and back', () => {
    const { n, a, vpn, network } = withVpn();
    const out = analyzeReachability(n.build(), {
      from: { kind: 'resource', id: a.instance.id },
      to: { kind: 'onPremises', id: network.id },
      protocol: 'tcp',
      port: 443,
    });
    if (!out.ok) throw new Error(out.error);
    expect(out.result.blockedBy).toBeNull();
    expect(out.result.forward.find((h) => h.step === 'handOver')!.rule).toContain(`→ ${vpn.name} (propagated)`);
  });

  it('lets the office in over the VPN attachment, and the reply back', () => {
    const { n, a, tgw } = withVpn();
    const inbound = analyzeReachability(n.build(), {
      from: { kind: 'onPremises', id: 'onprem-1' },
      to: { kind: 'resource', id: a.instance.id },
      protocol: 'tcp',
      port: 22,
    });
    if (!inbound.ok) throw new Error(inbound.error);
    expect(inbound.result.blockedBy).toBeNull();
    expect(inbound.result.forward[0]!.id).toBe(tgw.id);
    expect(inbound.result.return.at(-1)!.id).toBe(tgw.id);
  });
});

describe('transit gateway peering', () => {
  it('carries traffic across two peered gateways with static routes on each side, and back', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    const east = n.transitGateway('East');
    const west = n.transitGateway('West');
    n.attach(east, a);
    n.attach(west, b);
    const peering = n.b.add({
      kind: 'transitGatewayAttachment',
      id: 'tgw-attach-peer' as never,
      name: 'East-West',
      transitGatewayId: east.id,
      type: 'peering',
      vpcId: null,
      subnetIds: [],
      customerGatewayId: null,
      associatedRouteTableId: east.routeTables[0]!.id,
      propagatedRouteTableIds: [],
      state: 'available',
      peerTransitGatewayId: west.id,
      peerAssociatedRouteTableId: west.routeTables[0]!.id,
    });
    east.routeTables[0]!.routes.push({ destination: b.vpc.vpc.cidr, attachmentId: peering.id });
    west.routeTables[0]!.routes.push({ destination: a.vpc.vpc.cidr, attachmentId: peering.id });
    n.b.route(a.table, b.vpc.vpc.cidr, east.id);
    n.b.route(b.table, a.vpc.vpc.cidr, west.id);
    const design = n.build();
    const r = reach(design, a.instance.id, b.instance.id);
    expect(r.blockedBy).toBeNull();
    expect(r.forward.filter((h) => h.step === 'handOver').map((h) => h.id)).toEqual([east.id, west.id]);
    expect(r.return.filter((h) => h.step === 'handOver').map((h) => h.id)).toEqual([west.id, east.id]);
    // Without the static route on the far side, the reply has no way back.
    west.routeTables[0]!.routes = [];
    expect(reach(n.build(), a.instance.id, b.instance.id).blockedBy).toMatchObject({
      id: west.id,
      direction: 'return',
    });
  });
});

describe('network quotas', () => {
  it('reports more route tables than a transit gateway may have', () => {
    const n = new NetworkBuilder();
    n.vpc('A', 1);
    const tgw = n.transitGateway();
    for (let i = 0; i < 20; i++) tgw.routeTables.push({ id: `tgw-rtb-extra-${i}`, name: `extra ${i}`, routes: [] });
    expect(validateDesign(n.build()).filter((f) => f.code === 'TGW_ROUTE_TABLE_QUOTA')).toMatchObject([
      { severity: 'error', resourceId: tgw.id },
    ]);
  });
});
