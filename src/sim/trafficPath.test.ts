import { produce, type Draft } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  autoPublicIpv4Of,
  createNetworkAcl,
  type Ec2Instance,
  parseDesign,
  type Design,
  type Flow,
  type NetworkAcl,
  type Resource,
  type SecurityGroup,
} from '../domain';
import { analyzeReachability } from '../engine';
import { TEMPLATES } from '../scenarios/templates';
import { planFlowPath, STEP_LATENCY_MS, withLiveStates } from './trafficPath';

const template = (id: string): Design => TEMPLATES.find((t) => t.id === id)!.build();
const named = <T extends Resource>(d: Design | Draft<Design>, name: string): T =>
  Object.values(d.resources).find((r) => r.name === name) as T;
const flowOf = (design: Design): Flow => design.flows![0]!;
const web = template('single-web-server');
const webFlow = flowOf(web);
const serverId = named(web, 'Web server').id;

describe('planFlowPath: internet → public web server :443', () => {
  const path = planFlowPath(web, webFlow);

  it('is delivered, from the internet node to the server and back', () => {
    expect(path).toMatchObject({ flowId: webFlow.id, reachable: true, error: null, blockedBy: null });
    expect(path.steps.map((s) => s.index)).toEqual(path.steps.map((_, i) => i));
    expect(path.steps[0]).toMatchObject({ kind: 'endpoint', direction: 'forward', resourceId: 'internet-1' });
    const forward = path.steps.filter((s) => s.direction === 'forward');
    expect(forward.at(-1)).toMatchObject({ kind: 'endpoint', resourceId: serverId });
    expect(path.steps.at(-1)).toMatchObject({ kind: 'endpoint', direction: 'return', resourceId: 'internet-1' });
  });

  it('shows the internet gateway translating the public address to the private one, and back', () => {
    const igw = named(web, 'Internet gateway').id;
    // The address the design holds for the server (design and simulation agree on it).
    const pub = autoPublicIpv4Of(named<Ec2Instance>(web, 'Web server'))!;
    const [inbound, outbound] = path.steps.filter((s) => s.deciderId === igw);
    expect(path.steps[0]!.packet).toEqual({
      protocol: 'tcp',
      srcIp: '198.51.100.200',
      srcPort: 32768,
      dstIp: pub,
      dstPort: 443,
    });
    expect(inbound).toMatchObject({
      direction: 'forward',
      translation: `Internet gateway: ${pub} → 10.0.1.10`,
      packet: { srcIp: '198.51.100.200', dstIp: '10.0.1.10' },
    });
    const atServer = path.steps.find((s) => s.direction === 'return')!;
    expect(atServer.packet).toMatchObject({
      srcIp: '10.0.1.10',
      srcPort: 443,
      dstIp: '198.51.100.200',
      dstPort: 32768,
    });
    expect(outbound).toMatchObject({
      direction: 'return',
      translation: `Internet gateway: 10.0.1.10 → ${pub}`,
      packet: { srcIp: pub, dstIp: '198.51.100.200' },
    });
  });

  it('uses the simulation’s public address when it knows it', () => {
    const live = planFlowPath(web, webFlow, { publicIps: { [serverId]: '198.51.100.77' } });
    expect(live.steps[0]!.packet.dstIp).toBe('198.51.100.77');
  });

  it('reuses the reachability panel’s words hop by hop', () => {
    const outcome = analyzeReachability(web, {
      from: { kind: 'internet' },
      to: { kind: 'resource', id: serverId },
      protocol: 'tcp',
      port: 443,
    });
    if (!outcome.ok) throw new Error(outcome.error);
    const hops = path.steps.filter((s) => s.kind === 'hop');
    expect(hops.map((s) => s.explanation)).toEqual(
      [...outcome.result.forward, ...outcome.result.return].map((h) => h.explanation),
    );
    expect(path.summary).toBe(outcome.result.summary);
  });

  it('adds up the latency model: two internet crossings plus the steps inside the VPC', () => {
    const crossings = path.steps.filter((s) => s.latencyMs === STEP_LATENCY_MS.internet);
    expect(crossings).toHaveLength(2);
    const inside = path.steps.length - 1 - crossings.length;
    expect(path.rttMs).toBeCloseTo(2 * STEP_LATENCY_MS.internet + inside * STEP_LATENCY_MS.inVpc, 9);
  });
});

describe('planFlowPath: where a request is dropped', () => {
  it('at the security group on the way in, with its explanation, once the HTTPS rule is removed', () => {
    const d = produce(web, (draft) => {
      const group = named<SecurityGroup>(draft, 'web');
      group.inbound = group.inbound.filter((r) => r.ports?.from !== 443);
    });
    const path = planFlowPath(d, webFlow);
    expect(path.reachable).toBe(false);
    expect(path.blockedBy).toMatchObject({ direction: 'forward', code: 'ENI_SG_RULES_MISMATCH' });
    const last = path.steps.at(-1)!;
    expect(last).toMatchObject({
      direction: 'forward',
      decision: 'deny',
      resourceId: named(d, 'web').id,
      deciderId: named(d, 'web').id,
    });
    expect(last.explanation).toContain('No inbound rule in web allows TCP port 443');
    expect(path.steps.some((s) => s.direction === 'return')).toBe(false);
    expect(path.rttMs).toBeNull();
  });

  it('on the way back at a custom ACL without an ephemeral-port rule, placed on the subnet', () => {
    const subnetId = named(web, 'Public subnet').id;
    const acl: NetworkAcl = {
      ...createNetworkAcl(
        { next: <T extends string>() => 'acl-strict' as T },
        named(web, 'Web VPC').id as never,
        'Strict',
      ),
      inbound: [
        { ruleNumber: 100, protocol: 'tcp', ports: { from: 443, to: 443 }, cidr: '0.0.0.0/0', action: 'allow' },
      ],
      outbound: [
        { ruleNumber: 100, protocol: 'tcp', ports: { from: 443, to: 443 }, cidr: '0.0.0.0/0', action: 'allow' },
      ],
      subnetIds: [subnetId as never],
    };
    const d: Design = { ...web, resources: { ...web.resources, [acl.id]: acl } };
    const path = planFlowPath(d, webFlow);
    expect(path.blockedBy).toMatchObject({ direction: 'return', code: 'SUBNET_ACL_RESTRICTION', id: 'acl-strict' });
    expect(path.steps.at(-1)).toMatchObject({
      direction: 'return',
      decision: 'deny',
      resourceId: subnetId,
      aclId: 'acl-strict',
      deciderId: 'acl-strict',
      ruleRef: { kind: 'nacl', direction: 'outbound', ruleNumber: null },
    });
    expect(path.steps.at(-1)!.explanation).toContain('stateless');
  });

  it('at a stopped instance when the simulation says so (BAD_STATE), leaving the design alone', () => {
    const path = planFlowPath(web, webFlow, { liveStates: { [serverId]: 'stopped' } });
    expect(path.blockedBy).toMatchObject({ direction: 'forward', code: 'BAD_STATE', id: serverId });
    expect(path.steps.at(-1)).toMatchObject({ resourceId: serverId, decision: 'drop' });
    expect(web.resources[serverId]).toMatchObject({ state: 'running' });
  });

  it('a stopped source sends nothing: the first step is its state', () => {
    const flow: Flow = { ...webFlow, from: serverId, to: 'internet' };
    const path = planFlowPath(web, flow, { liveStates: { [serverId]: 'stopped' } });
    expect(path.steps).toHaveLength(1);
    expect(path.steps[0]).toMatchObject({ kind: 'hop', decision: 'drop', resourceId: serverId, latencyMs: 0 });
  });

  it('reports an endpoint that does not resolve as an error, not a crash', () => {
    for (const flow of [
      { ...webFlow, to: 'i-404' },
      { ...webFlow, from: 'nowhere' },
      { ...webFlow, from: 'internet', to: '8.8.8.8' },
    ]) {
      const path = planFlowPath(web, flow);
      expect(path).toMatchObject({ reachable: false, steps: [], blockedBy: null, rttMs: null });
      expect(path.error).toEqual(expect.any(String));
    }
    expect(planFlowPath(web, { ...webFlow, to: 'i-404' }).error).toContain(
      'no resource, address or "internet" matches',
    );
  });
});

describe('planFlowPath: through a NAT gateway', () => {
  const two = template('two-tier');
  const path = planFlowPath(two, flowOf(two));

  it('shows the NAT gateway replacing the private source with its Elastic IP, and the reverse for the response', () => {
    expect(path.reachable).toBe(true);
    const nat = named(two, 'NAT A').id;
    const [out, back] = path.steps.filter((s) => s.deciderId === nat);
    expect(out).toMatchObject({ translation: 'NAT A: 10.0.1.10 → 203.0.113.10', packet: { srcIp: '203.0.113.10' } });
    expect(back).toMatchObject({ translation: 'NAT A: 203.0.113.10 → 10.0.1.10', packet: { dstIp: '10.0.1.10' } });
    const igw = path.steps.find((s) => s.deciderId === named(two, 'Internet gateway').id)!;
    expect(igw).toMatchObject({ translation: null, packet: { srcIp: '203.0.113.10' } });
  });

  it('steps every ACL on its subnet, including the NAT gateway’s', () => {
    const aclSteps = path.steps.filter((s) => s.aclId !== null);
    expect(new Set(aclSteps.map((s) => s.resourceId))).toEqual(
      new Set([named(two, 'Private A').id, named(two, 'Public A').id]),
    );
  });
});

describe('planFlowPath: on premises', () => {
  it('crosses Direct Connect at its latency when the gateway has both links, the VPN when it is the only one', () => {
    const hybrid = template('hybrid');
    const flow: Flow = { ...webFlow, from: 'Corporate data center', to: 'Internal app', port: 22 };
    const overDx = planFlowPath(hybrid, flow);
    expect(overDx.reachable).toBe(true);
    expect(overDx.rttMs).toBeCloseTo(
      2 * STEP_LATENCY_MS.directConnect + (overDx.steps.length - 3) * STEP_LATENCY_MS.inVpc,
      9,
    );
    const vpnOnly = produce(hybrid, (draft) => {
      delete draft.resources[named(draft, 'Direct Connect').id];
    });
    const overVpn = planFlowPath(vpnOnly, flow);
    expect(overVpn.steps.filter((s) => s.latencyMs === STEP_LATENCY_MS.vpn)).toHaveLength(2);
  });
});

describe('withLiveStates', () => {
  it('returns the same design when nothing differs, and copies only the changed instance', () => {
    expect(withLiveStates(web, { [serverId]: 'running', 'i-gone': 'stopped' })).toBe(web);
    const stopped = withLiveStates(web, { [serverId]: 'stopped' });
    expect(stopped.resources[serverId]).toMatchObject({ state: 'stopped' });
    expect(stopped.resources['igw-1']).toBe(web.resources['igw-1']);
  });
});

describe('flows saved before the one encoding', () => {
  it('still load and run: endpoints written by name, id, "internet" or address', () => {
    const saved = JSON.parse(JSON.stringify(web)) as Record<string, unknown>;
    saved.flows = [
      { id: 'by-name', name: 'old', from: 'internet', to: 'Web server', protocol: 'tcp', port: 443, ratePerSecond: 5 },
      { id: 'by-id', name: 'old', from: 'internet', to: serverId, protocol: 'tcp', port: 443, ratePerSecond: 5 },
      {
        id: 'by-address',
        name: 'old',
        from: serverId,
        to: '198.51.100.7',
        protocol: 'tcp',
        port: 443,
        ratePerSecond: 5,
      },
    ];
    const parsed = parseDesign(saved);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed));
    const [byName, byId, byAddress] = parsed.design.flows!.map((f) => planFlowPath(parsed.design, f));
    expect(byName!.error).toBeNull();
    expect(byName!.steps).toEqual(byId!.steps);
    expect(byAddress!.error).toBeNull();
  });
});

describe('planFlowPath: a flow to a public address', () => {
  it('from a private instance goes by its NAT gateway and back in through the internet gateway', () => {
    const design = template('two-tier');
    const web = named<Ec2Instance>(design, 'Web A');
    const app = named<Ec2Instance>(design, 'App A');
    const address = autoPublicIpv4Of(web)!;
    const path = planFlowPath(design, {
      id: 'flow-public',
      name: 'app to web by its public address',
      from: app.id,
      to: address,
      protocol: 'tcp',
      port: 443,
      ratePerSecond: 1,
    });
    expect(path).toMatchObject({ reachable: true, error: null });
    expect(path.steps[0]!.packet).toMatchObject({ srcIp: app.privateIp, dstIp: address });
    expect(path.steps.some((s) => s.translation?.includes('NAT'))).toBe(true);
    const arrived = path.steps.filter((s) => s.direction === 'forward').at(-1)!;
    expect(arrived).toMatchObject({ kind: 'endpoint', resourceId: web.id });
  });

  it('names whoever holds the address now: after a stop and start the old address is no one’s', () => {
    const design = template('two-tier');
    const web = named<Ec2Instance>(design, 'Web A');
    const app = named<Ec2Instance>(design, 'App A');
    const old = autoPublicIpv4Of(web)!;
    const flow = (to: string): Flow => ({
      id: 'f',
      name: 'f',
      from: app.id,
      to,
      protocol: 'tcp',
      port: 443,
      ratePerSecond: 1,
    });
    const restarted = { publicIps: { [web.id]: '18.216.9.9' } };
    const toNew = planFlowPath(design, flow('18.216.9.9'), restarted);
    expect(toNew.steps.filter((s) => s.direction === 'forward').at(-1)).toMatchObject({ resourceId: web.id });
    const toOld = planFlowPath(design, flow(old), restarted);
    expect(toOld.steps.some((s) => s.resourceId === web.id && s.kind === 'endpoint')).toBe(false);
    expect(toOld.steps[0]!.packet.dstIp).toBe(old);
  });
});
