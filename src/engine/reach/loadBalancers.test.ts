import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Design, Ec2Instance, LoadBalancer, NetworkAcl, Subnet, TargetGroup } from '../../domain';
import { haDesign, named, tcpFrom, tcpFromGroup } from '../testing/haDesign';
import type { PathOptions } from './context';
import { analyzeReachability, type ReachQuery, type ReachResult } from './reachability';

const internet = { kind: 'internet' as const };
const toLb = { kind: 'resource' as const, id: 'elb-web' };

function reach(design: Design, query: Partial<ReachQuery> = {}, options: PathOptions = {}): ReachResult {
  const outcome = analyzeReachability(
    design,
    { from: internet, to: toLb, protocol: 'tcp', port: 80, ...query },
    options,
  );
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

const zoneOf = (design: Design, subnet: string) => named<Subnet>(design, subnet).azId;
const appA = (design: Design) => named<Ec2Instance>(design, 'App A').id;
const appB = (design: Design) => named<Ec2Instance>(design, 'App B').id;

describe('reachability through an Application Load Balancer: two connections', () => {
  it("a target whose group allows only the client's CIDR is unreachable: it must allow the ALB's group", () => {
    const design = haDesign({ appInbound: () => [tcpFrom(8080, '198.51.100.0/24')] });
    const r = reach(design);
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', direction: 'forward' });
    expect(r.blockedBy!.component).toBe('security groups of App A (inbound)');
    // The second connection starts at the node's private address: that is what the target's group sees.
    const denied = r.forward.at(-1)!;
    expect(denied.packet.srcIp).toBe('10.0.0.50');
    expect(r.loadBalancer!.targets.map((t) => [t.name, t.reachable, t.failure])).toEqual([
      ['App A', false, '504'],
      ['App B', false, '504'],
    ]);
  });

  it("allowing the ALB's group makes every target reachable, and the hops name the listener, the group and the target", () => {
    const design = haDesign({ appInbound: (lbGroup) => [tcpFromGroup(8080, lbGroup)] });
    const r = reach(design);
    expect(r.reachable).toBe(true);
    const components = r.forward.map((h) => h.component);
    expect(components).toContain('listener HTTP:80 of web-lb');
    expect(components).toContain('target group app-targets');
    expect(components.indexOf('security groups of web-lb node in Public A (inbound)')).toBeLessThan(
      components.indexOf('listener HTTP:80 of web-lb'),
    );
    expect(components.at(-1)).toBe('security groups of App A (inbound)');
    expect(r.forward.find((h) => h.component === 'security groups of App A (inbound)')!.rule).toBe(
      'app: TCP 8080 from lb-sg',
    );
    expect(r.loadBalancer).toMatchObject({ listener: 'HTTP:80', targetGroupId: 'tg-app' });
    expect(r.loadBalancer!.targets.map((t) => [t.target.id, t.reachable, t.nodeSubnetId])).toEqual([
      [appA(design), true, named(design, 'Public A').id],
      // An ALB balances across zones: the node the client reached sends to both.
      [appB(design), true, named(design, 'Public A').id],
    ]);
    // The response retraces both connections: the target's leg first, then the client's.
    expect(r.return.at(-1)!.component).toBe('Internet gateway');
  });

  it("allowing the node subnets' CIDRs works as well as the group", () => {
    const design = haDesign({ appInbound: () => [tcpFrom(8080, '10.0.0.0/24'), tcpFrom(8080, '10.0.2.0/24')] });
    expect(reach(design).loadBalancer!.targets.every((t) => t.reachable)).toBe(true);
  });

  it('an internal load balancer is blocked from the internet, and reached from inside the VPC', () => {
    const design = haDesign({ scheme: 'internal' });
    const r = reach(design);
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({ code: 'ELB_SCHEME_INTERNAL', id: 'elb-web' });
    const inside = reach(design, { from: { kind: 'resource', id: named(design, 'Web A').id } });
    expect(inside.reachable).toBe(true);
  });

  it('from inside the VPC an internet-facing ALB is reached at its public address, out and back in by the internet gateway', () => {
    const design = haDesign();
    const r = reach(design, { from: { kind: 'resource', id: appA(design) } });
    expect(r.reachable).toBe(true);
    const components = r.forward.map((h) => h.component);
    expect(components.slice(0, components.indexOf('listener HTTP:80 of web-lb'))).toEqual(
      expect.arrayContaining(['NAT A', 'Internet gateway']),
    );
    const internal = reach(haDesign({ scheme: 'internal' }), { from: { kind: 'resource', id: appA(design) } });
    expect(internal.reachable).toBe(true);
    expect(internal.forward.some((h) => h.component === 'Internet gateway')).toBe(false);
  });

  it("an internet-facing ALB in private subnets can't answer: the node subnet's route back is the NAT gateway", () => {
    const design = produce(haDesign(), (d) => {
      const lb = d.resources['elb-web'] as LoadBalancer;
      lb.subnetMappings = (['Private A', 'Private B'] as const).map((name, i) => ({
        subnetId: (Object.values(d.resources).find((r) => r.name === name) as Subnet).id,
        privateIp: `10.0.${i * 2 + 1}.50`,
        elasticIpId: null,
      }));
    });
    const r = reach(design);
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({ direction: 'return', code: 'NO_ROUTE_TO_DESTINATION' });
    expect(r.blockedBy!.component).toBe('route table of Private A');
  });

  it('no listener on the port is blocked, named, and goes no further', () => {
    const design = produce(haDesign(), (d) => {
      const lbGroup = d.resources['sg-lb'];
      if (lbGroup?.kind === 'securityGroup') lbGroup.inbound.push(tcpFrom(443, '0.0.0.0/0'));
    });
    const r = reach(design, { port: 443 });
    expect(r.reachable).toBe(false);
    expect(r.blockedBy?.code).toBe('ELB_LISTENERS_MISMATCH');
    expect(r.forward.at(-1)!.explanation).toContain('listens on HTTP:80');
    expect(r.loadBalancer!.targets).toEqual([]);
  });

  it('a listener without a target group, and a group without targets, answer no target', () => {
    const noGroup = produce(haDesign(), (d) => {
      (d.resources['elb-web'] as LoadBalancer).listeners[0]!.targetGroupId = null;
    });
    expect(reach(noGroup).blockedBy?.code).toBe('ELBV2_LISTENER_HAS_NO_TG');
    const empty = produce(haDesign(), (d) => {
      const group = d.resources['tg-app'];
      if (group?.kind === 'targetGroup') group.targetIds = [];
    });
    expect(reach(empty).blockedBy?.code).toBe('ELB_NO_REGISTERED_TARGETS');
  });

  it("a node in a zone that is down is not used: the client goes to the other zone's node", () => {
    const design = haDesign();
    const r = reach(design, {}, { zonesDown: [zoneOf(design, 'Public A')] });
    expect(r.reachable).toBe(true);
    expect(r.destination.kind === 'interface' && r.destination.subnet.name).toBe('Public B');
    const [a, b] = r.loadBalancer!.targets;
    // Nothing in a zone that is down answers: no connection within 10 s is a 504 (ELB guide, "Troubleshoot").
    expect(a).toMatchObject({ reachable: false, failure: '504' });
    expect(a!.blockedBy?.code).toBe('ZONE_OUTAGE');
    expect(b).toMatchObject({ reachable: true, nodeSubnetId: named(design, 'Public B').id });
    expect(r.forward.some((h) => h.component.includes('node in Public A'))).toBe(false);
  });

  it('every node down: nothing answers', () => {
    const design = haDesign();
    const r = reach(design, {}, { zonesDown: [zoneOf(design, 'Public A'), zoneOf(design, 'Public B')] });
    expect(r.reachable).toBe(false);
  });

  it('a blocked ACL on the way back from the target (ephemeral ports) is a 504', () => {
    const design = produce(haDesign(), (d) => {
      const privateA = Object.values(d.resources).find((r) => r.name === 'Private A') as Subnet;
      const all = { protocol: 'all' as const, ports: null, cidr: '0.0.0.0/0', action: 'allow' as const };
      d.resources['acl-private-a'] = {
        kind: 'networkAcl',
        id: 'acl-private-a' as NetworkAcl['id'],
        name: 'private-a-acl',
        vpcId: privateA.vpcId,
        isDefault: false,
        inbound: [{ ruleNumber: 100, ...all }],
        // The client's ephemeral range only: the ALB node's connection comes from 1024 and up.
        outbound: [
          { ruleNumber: 100, protocol: 'tcp', ports: { from: 32768, to: 65535 }, cidr: '0.0.0.0/0', action: 'allow' },
        ],
        subnetIds: [privateA.id],
      };
    });
    const a = reach(design).loadBalancer!.targets[0]!;
    expect(a).toMatchObject({ reachable: false, failure: '504' });
    expect(a.blockedBy).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', direction: 'return' });
  });
});

describe('reachability through a Network Load Balancer: one connection, the client address kept', () => {
  it("a target whose group allows only the client's CIDR is reachable through an NLB", () => {
    const design = haDesign({ type: 'network', appInbound: () => [tcpFrom(8080, '198.51.100.0/24')] });
    const r = reach(design);
    expect(r.reachable).toBe(true);
    expect(r.forward.at(-1)!.packet.srcIp).toBe('198.51.100.200');
    // Cross-zone off: each target is reached through its own zone's node.
    expect(r.loadBalancer!.targets.map((t) => t.nodeSubnetId)).toEqual([
      named(design, 'Public A').id,
      named(design, 'Public B').id,
    ]);
    expect(r.forward.some((h) => h.component === 'listener TCP:80 of web-lb')).toBe(true);
  });

  it("a target that allows only the NLB's node subnets refuses the client (reset)", () => {
    const design = haDesign({ type: 'network', appInbound: () => [tcpFrom(8080, '10.0.0.0/16')] });
    const r = reach(design);
    expect(r.reachable).toBe(false);
    expect(r.loadBalancer!.targets.map((t) => t.failure)).toEqual(['reset', 'reset']);
  });

  it('with cross-zone off a target in a zone without a node is not sent to; cross-zone on, it is', () => {
    const open = () => [tcpFrom(8080, '0.0.0.0/0')];
    const off = haDesign({ type: 'network', nodeSubnets: ['Public B'], appInbound: open });
    const [a, b] = reach(off).loadBalancer!.targets;
    expect(a!.blockedBy?.code).toBe('ELB_INSTALLED_AZ_RESTRICTION');
    expect(b!.reachable).toBe(true);
    const on = haDesign({ type: 'network', nodeSubnets: ['Public B'], crossZone: true, appInbound: open });
    expect(reach(on).loadBalancer!.targets.every((t) => t.reachable)).toBe(true);
  });

  it("a node whose zone is down leaves its zone's targets unserved with cross-zone off", () => {
    const design = haDesign({ type: 'network', appInbound: () => [tcpFrom(8080, '0.0.0.0/0')] });
    const zoneA = zoneOf(design, 'Public A');
    const outcome = reach(design, {}, { zonesDown: [zoneA] });
    expect(outcome.loadBalancer!.targets[0]!.reachable).toBe(false);
    expect(outcome.loadBalancer!.targets[1]!.reachable).toBe(true);
  });
});

describe('outages in reach', () => {
  it('an impaired target answers no connection: a 504; a stopped one nothing runs at: a 502', () => {
    const design = haDesign();
    const impaired = reach(design, {}, { outOfService: [appA(design)] }).loadBalancer!.targets[0]!;
    expect(impaired).toMatchObject({ reachable: false, failure: '504' });
    expect(impaired.blockedBy?.code).toBe('BAD_STATE');
    const stopped = produce(design, (d) => {
      (d.resources[appA(design)] as Ec2Instance).state = 'stopped';
    });
    expect(reach(stopped).loadBalancer!.targets[0]).toMatchObject({ reachable: false, failure: '502' });
  });

  it('an impaired instance drops at its state step', () => {
    const design = haDesign();
    const web = named<Ec2Instance>(design, 'Web A');
    const r = analyzeReachability(
      design,
      { from: internet, to: { kind: 'resource', id: web.id }, protocol: 'tcp', port: 443 },
      { outOfService: [web.id] },
    );
    expect(r.ok && r.result.blockedBy).toMatchObject({ code: 'BAD_STATE', id: web.id });
  });

  it('a failed NAT gateway forwards nothing, and a down zone stops its NAT gateway too', () => {
    const design = haDesign();
    const nat = named(design, 'NAT A');
    const query: ReachQuery = {
      from: { kind: 'resource', id: appA(design) },
      to: internet,
      protocol: 'tcp',
      port: 443,
    };
    const ok = analyzeReachability(design, query);
    expect(ok.ok && ok.result.reachable).toBe(true);
    const failed = analyzeReachability(design, query, { outOfService: [nat.id] });
    expect(failed.ok && failed.result.blockedBy).toMatchObject({ code: 'BAD_STATE', id: nat.id });
  });
});

/** A network ACL on one subnet that denies everything (only the `*` rules). */
function denyAllOn(subnetName: string) {
  return (d: Design) => {
    const subnet = Object.values(d.resources).find((r) => r.name === subnetName) as Subnet;
    d.resources['acl-deny'] = {
      kind: 'networkAcl',
      id: 'acl-deny' as NetworkAcl['id'],
      name: 'deny-all',
      vpcId: subnet.vpcId,
      isDefault: false,
      inbound: [],
      outbound: [],
      subnetIds: [subnet.id],
    };
  };
}

describe('an ALB: DNS gives clients every in-service node', () => {
  it("a node whose subnet's ACL refuses the client fails its share: each target says so per node", () => {
    const design = produce(haDesign(), denyAllOn('Public B'));
    const r = reach(design);
    const publicA = named(design, 'Public A').id;
    const publicB = named(design, 'Public B').id;
    for (const t of r.loadBalancer!.targets) {
      expect(t.reachable).toBe(false);
      expect(t.nodeSubnetId).toBe(publicB);
      expect(t.blockedBy).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', id: 'acl-deny' });
      expect(t.legs!.map((l) => [l.nodeSubnetId, l.reachable, l.failure])).toEqual([
        [publicA, true, null],
        [publicB, false, '504'],
      ]);
    }
    expect(r.reachable).toBe(false);
    expect(r.summary).toContain('1 of 2 nodes (web-lb node in Public A), not through web-lb node in Public B');
  });

  it('every node open: each target is reachable through each node', () => {
    const r = reach(haDesign());
    expect(r.reachable).toBe(true);
    for (const t of r.loadBalancer!.targets) {
      expect(t.reachable).toBe(true);
      expect(t.legs!.map((l) => l.reachable)).toEqual([true, true]);
    }
  });

  it('a node in a zone that is down is no leg', () => {
    const design = haDesign();
    const r = reach(design, {}, { zonesDown: [zoneOf(design, 'Public A')] });
    expect(r.loadBalancer!.targets[1]!.legs).toBeUndefined();
  });
});

describe('an NLB and client IP preservation (NLB guide, "Client IP preservation")', () => {
  /** The NLB's group registers App A and App B by address. */
  const byAddress = (preserveClientIp?: boolean | null) =>
    produce(haDesign({ type: 'network', appInbound: () => [tcpFrom(8080, '198.51.100.0/24')] }), (d) => {
      const group = d.resources['tg-app'] as TargetGroup;
      const addresses = group.targetIds.map((id) => (d.resources[id] as Ec2Instance).privateIp);
      group.targetType = 'ip';
      group.targetIds = [];
      group.targetIps = addresses;
      if (preserveClientIp !== undefined) group.preserveClientIp = preserveClientIp;
    });

  it('ip targets over TCP: off by default, so the target sees the node and refuses a client-only rule', () => {
    const r = reach(byAddress());
    expect(r.reachable).toBe(false);
    expect(r.loadBalancer!.targets.map((t) => t.failure)).toEqual(['reset', 'reset']);
    expect(r.forward.at(-1)!.packet.srcIp).toBe('10.0.0.50');
    expect(reach(byAddress(null)).reachable).toBe(false);
  });

  it('turned on, the ip targets see the client', () => {
    const r = reach(byAddress(true));
    expect(r.reachable).toBe(true);
    expect(r.forward.at(-1)!.packet.srcIp).toBe('198.51.100.200');
  });

  it('instance targets preserve it unless turned off', () => {
    const off = produce(haDesign({ type: 'network', appInbound: () => [tcpFrom(8080, '10.0.0.0/16')] }), (d) => {
      (d.resources['tg-app'] as TargetGroup).preserveClientIp = false;
    });
    expect(reach(off).reachable).toBe(true);
    expect(reach(haDesign({ type: 'network', appInbound: () => [tcpFrom(8080, '10.0.0.0/16')] })).reachable).toBe(
      false,
    );
  });
});
