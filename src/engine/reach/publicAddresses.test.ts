import { describe, expect, it } from 'vitest';
import {
  createElasticIp,
  createNatGateway,
  createRouteTable,
  createSecurityGroup,
  DesignBuilder,
  LambdaFunctionSchema,
  type Design,
  type SecurityGroup,
} from '../../domain';
import { resolveEndpoint, type EndpointSpec } from './endpoints';
import { analyzeReachability, type ReachQuery, type ReachResult } from './reachability';

/**
 * Public addresses as addresses, and routing by the address sent to, on a
 * small hand-built VPC (10.0.0.0/16, internet gateway):
 * - public subnet 10.0.0.0/24 (0.0.0.0/0 → IGW): `web` 10.0.0.10 / 18.216.80.133
 *   (auto-assigned), `web2` 10.0.0.11 / 18.216.80.134, `bare` 10.0.0.12 without
 *   a public address, and the NAT gateway 10.0.0.5 / Elastic IP 203.0.113.5;
 * - private subnet 10.0.1.0/24 (0.0.0.0/0 → NAT, or → VGW): `app` 10.0.1.10.
 * `web` allows tcp/22 from anywhere, tcp/443 only from the app's group (a
 * reference) and tcp/80 from the NAT's Elastic IP.
 */
function build(privateDefault: 'nat' | 'vgw' = 'nat'): Design {
  const b = new DesignBuilder('public addresses');
  const region = b.region();
  const vpc = b.vpc(region, '10.0.0.0/16');
  const zone = b.zone(region, 'us-east-1a', vpc);
  const igw = b.internetGateway(vpc);
  const pub = b.subnet(vpc, zone, '10.0.0.0/24', 'Public', { public: true });
  const priv = b.subnet(vpc, zone, '10.0.1.0/24', 'Private');
  const publicTable = b.add(createRouteTable(b.ids, vpc.vpc, 'public routes'));
  publicTable.subnetIds.push(pub.id);
  b.route(publicTable, '0.0.0.0/0', igw.id);
  const eip = b.add(createElasticIp(b.ids, '203.0.113.5', 'NAT address'));
  const nat = b.add(createNatGateway(b.ids, pub.id, eip.id, '10.0.0.5', 'NAT'));
  const privateTable = b.add(createRouteTable(b.ids, vpc.vpc, 'private routes'));
  privateTable.subnetIds.push(priv.id);
  if (privateDefault === 'nat') b.route(privateTable, '0.0.0.0/0', nat.id);
  else {
    const vgw = b.add({
      kind: 'virtualPrivateGateway',
      id: 'vgw-1' as never,
      name: 'VGW',
      vpcId: vpc.vpc.id,
      amazonSideAsn: 64512,
    });
    b.route(privateTable, '0.0.0.0/0', vgw.id);
  }
  const appGroup: SecurityGroup = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'app-sg'));
  const webGroup: SecurityGroup = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'web-sg'));
  webGroup.inbound.push(
    { protocol: 'tcp', ports: { from: 22, to: 22 }, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: '' },
    {
      protocol: 'tcp',
      ports: { from: 443, to: 443 },
      peer: { type: 'securityGroup', groupId: appGroup.id },
      description: '',
    },
    { protocol: 'tcp', ports: { from: 80, to: 80 }, peer: { type: 'cidr', cidr: '203.0.113.5/32' }, description: '' },
    {
      protocol: 'tcp',
      ports: { from: 8080, to: 8080 },
      peer: { type: 'cidr', cidr: '18.216.80.133/32' },
      description: '',
    },
  );
  const web = b.instance(pub, '10.0.0.10', [webGroup.id], 'web');
  web.publicIpAddress = '18.216.80.133';
  const web2 = b.instance(pub, '10.0.0.11', [webGroup.id], 'web2');
  web2.publicIpAddress = '18.216.80.134';
  const bare = b.instance(pub, '10.0.0.12', [webGroup.id], 'bare');
  bare.publicIp = false;
  bare.publicIpAddress = null;
  b.instance(priv, '10.0.1.10', [appGroup.id], 'app');
  // Through the schema, so fields other work adds get their defaults.
  b.add(
    LambdaFunctionSchema.parse({
      kind: 'lambdaFunction',
      id: 'fn-1',
      name: 'fn',
      regionId: region.id,
      runtime: 'nodejs22.x',
      memoryMb: 128,
      timeoutSeconds: 3,
      averageDurationMs: 100,
      vpcConfig: { subnetIds: [priv.id], securityGroupIds: [appGroup.id] },
    }),
  );
  return b.build();
}

const design = build();
const id = (d: Design, name: string) => Object.values(d.resources).find((r) => r.name === name)!.id;
const res = (d: Design, name: string): EndpointSpec => ({ kind: 'resource', id: id(d, name) });
const at = (address: string): EndpointSpec => ({ kind: 'address', address });
const internet: EndpointSpec = { kind: 'internet' };

function reach(d: Design, query: Partial<ReachQuery> & Pick<ReachQuery, 'from' | 'to'>): ReachResult {
  const outcome = analyzeReachability(d, { protocol: 'tcp', port: 80, ...query });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

describe('every address names its holder', () => {
  it.each([
    ['10.0.0.10', 'web', 'private'],
    ['18.216.80.133', 'web', 'public'],
    ['10.0.0.5', 'NAT', 'private'],
    ['203.0.113.5', 'NAT', 'public'],
    ['10.0.1.254', 'fn', 'private'],
  ])('%s is %s’s %s address', (address, holder, which) => {
    const resolved = resolveEndpoint(design, at(address));
    expect(resolved).toMatchObject({
      ok: true,
      endpoint: { kind: 'interface', ownerId: id(design, holder), addressed: which },
    });
  });

  it('an address nothing holds is a host on the internet', () => {
    expect(resolveEndpoint(design, at('18.216.80.200'))).toMatchObject({ ok: true, endpoint: { kind: 'internet' } });
  });
});

describe('the internet reaches public addresses only', () => {
  it('reaches the web server at its public address on tcp/22', () => {
    const r = reach(design, { from: internet, to: at('18.216.80.133'), port: 22 });
    expect(r.reachable).toBe(true);
    expect(r.sent.dstIp).toBe('18.216.80.133');
    expect(r.forward[0]!.translation).toEqual({ rewrites: 'destination', from: '18.216.80.133', to: '10.0.0.10' });
  });

  it('never reaches a private address, even of an instance that has a public one', () => {
    const r = reach(design, { from: internet, to: at('10.0.0.10'), port: 22 });
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({
      component: 'internet',
      code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
      direction: 'forward',
    });
    expect(r.forward.at(-1)!.explanation).toContain('RFC 1918');
    expect(r.forward.at(-1)!.explanation).toContain('18.216.80.133');
  });

  it('a NAT gateway’s Elastic IP as a destination: unreachable, it accepts no inbound connection', () => {
    const r = reach(design, { from: internet, to: at('203.0.113.5'), port: 22 });
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({ id: id(design, 'NAT'), code: 'CANNOT_ROUTE' });
    expect(r.forward.at(-1)!.explanation).toMatch(/accepts no connection started from outside.*203\.0\.113\.5/);
    // Its private address from inside: nothing listens there either.
    const inside = reach(design, { from: res(design, 'app'), to: at('10.0.0.5') });
    expect(inside.reachable).toBe(false);
    expect(inside.forward.at(-1)!.explanation).toContain('accepts no connections');
  });
});

describe('private and shared addresses are not on the internet', () => {
  it.each([
    ['10.99.0.1', 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS'],
    ['172.16.5.5', 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS'],
    ['100.64.1.1', 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS'],
  ])('web → %s, held by nothing here: the internet gateway does not send it out (%s)', (address, code) => {
    const r = reach(design, { from: res(design, 'web'), to: at(address), port: 443 });
    expect(r.destination.kind).toBe('internet');
    expect(r.blockedBy).toMatchObject({ code, component: 'Internet gateway' });
  });

  it.each([
    ['192.168.9.9', 'IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS'],
    ['100.100.0.1', 'IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS'],
  ])('from %s “on the internet” to web’s public address: rejected (%s)', (address, code) => {
    const r = reach(design, { from: { kind: 'internet', address }, to: at('18.216.80.133'), port: 22 });
    expect(r.blockedBy).toMatchObject({ code, component: 'internet' });
  });

  it('a public host still reaches web, and web still reaches it', () => {
    expect(
      reach(design, { from: { kind: 'internet', address: '203.0.113.40' }, to: at('18.216.80.133'), port: 22 })
        .reachable,
    ).toBe(true);
    expect(reach(design, { from: res(design, 'web'), to: at('203.0.113.40'), port: 443 }).reachable).toBe(true);
  });
});

describe('a packet to a public address follows the route table for that address', () => {
  it('from the private subnet by NAT and IGW: reachable, arriving from the NAT’s Elastic IP', () => {
    const r = reach(design, { from: res(design, 'app'), to: at('18.216.80.133'), port: 80 });
    expect(r.reachable).toBe(true);
    const steps = r.forward.map((h) => `${h.step} ${h.component}`);
    expect(steps).toContain('route route table of Private');
    expect(r.forward.find((h) => h.step === 'route')!.rule).toContain('0.0.0.0/0 → NAT');
    const natHop = r.forward.find((h) => h.translation?.rewrites === 'source')!;
    expect(natHop).toMatchObject({ component: 'NAT', translation: { from: '10.0.1.10', to: '203.0.113.5' } });
    // Out through the internet gateway and back in through it, translated to web's private address.
    expect(r.forward.filter((h) => h.id === id(design, 'Internet gateway'))).toHaveLength(2);
    expect(r.forward.at(-1)!.packet).toMatchObject({ srcIp: '203.0.113.5', dstIp: '10.0.0.10' });
    // The response goes back the same way, to the app's private address.
    expect(r.return.at(-1)!.packet).toMatchObject({ srcIp: '18.216.80.133', dstIp: '10.0.1.10' });
  });

  it('a rule naming the sender’s security group does not admit it: it arrives from a public source', () => {
    const byPrivate = reach(design, { from: res(design, 'app'), to: res(design, 'web'), port: 443 });
    expect(byPrivate.reachable).toBe(true);
    const byPublic = reach(design, { from: res(design, 'app'), to: at('18.216.80.133'), port: 443 });
    expect(byPublic.reachable).toBe(false);
    expect(byPublic.blockedBy).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', direction: 'forward' });
    expect(byPublic.forward.at(-1)!.explanation).toContain('203.0.113.5');
    expect(byPublic.forward.at(-1)!.explanation).toContain('match only private addresses');
  });

  it('to a VGW when 0.0.0.0/0 goes there: it does not reach the public address', () => {
    const d = build('vgw');
    const r = reach(d, { from: res(d, 'app'), to: at('18.216.80.133'), port: 80 });
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', component: 'route table of Private' });
    expect(r.forward.at(-1)!.explanation).toContain('does not lead to the internet');
  });

  it('between two public instances of one subnet: out and back in, from the sender’s own public address', () => {
    const r = reach(design, { from: res(design, 'web'), to: at('18.216.80.134'), port: 8080 });
    expect(r.reachable).toBe(true);
    expect(r.forward.some((h) => h.step === 'route' && h.component === 'subnet Public')).toBe(false);
    expect(r.forward.find((h) => h.translation?.rewrites === 'source')!.translation).toEqual({
      rewrites: 'source',
      from: '10.0.0.10',
      to: '18.216.80.133',
    });
    // By its private address the same packet stays in the subnet, from 10.0.0.10, which the rule doesn't allow.
    const local = reach(design, { from: res(design, 'web'), to: res(design, 'web2'), port: 8080 });
    expect(local.blockedBy).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH' });
  });

  it('leaving by the internet gateway without a public address: IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', () => {
    const r = reach(design, { from: res(design, 'bare'), to: at('18.216.80.134'), port: 22 });
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({ code: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', component: 'Internet gateway' });
    const out = reach(design, { from: res(design, 'bare'), to: internet, port: 443 });
    expect(out.blockedBy?.code).toBe('IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS');
  });

  it('to a public address in another VPC: out through one internet gateway and in through the other', () => {
    const b = new DesignBuilder('two VPCs');
    const region = b.region();
    const made = ['10.0.0.0/16', '10.1.0.0/16'].map((cidr, n) => {
      const vpc = b.vpc(region, cidr, `VPC ${n}`);
      const zone = b.zone(region, 'us-east-1a', vpc);
      const igw = b.add({ ...b.internetGateway(vpc), name: `IGW ${n}` });
      const subnet = b.subnet(vpc, zone, cidr.replace('/16', '/24'), `Public ${n}`, { public: true });
      const table = b.add(createRouteTable(b.ids, vpc.vpc, `routes ${n}`));
      table.subnetIds.push(subnet.id);
      b.route(table, '0.0.0.0/0', igw.id);
      vpc.defaultSecurityGroup.inbound.push({
        protocol: 'tcp',
        ports: { from: 443, to: 443 },
        peer: { type: 'cidr', cidr: '0.0.0.0/0' },
        description: '',
      });
      return { vpc, subnet, igw };
    });
    const one = b.instance(made[0]!.subnet, '10.0.0.10', [made[0]!.vpc.defaultSecurityGroup.id], 'one');
    one.publicIpAddress = '18.216.1.10';
    const two = b.instance(made[1]!.subnet, '10.1.0.10', [made[1]!.vpc.defaultSecurityGroup.id], 'two');
    two.publicIpAddress = '18.216.2.10';
    const d = b.build();
    const r = reach(d, { from: res(d, 'one'), to: at('18.216.2.10'), port: 443 });
    expect(r.reachable).toBe(true);
    expect(r.forward.filter((h) => h.step === 'translate').map((h) => h.component)).toEqual(['IGW 0', 'IGW 1']);
    expect(r.forward.at(-1)!.packet).toMatchObject({ srcIp: '18.216.1.10', dstIp: '10.1.0.10' });
    // By its private address the other VPC is not connected (no peering here): no route leads there.
    expect(reach(d, { from: res(d, 'one'), to: res(d, 'two'), port: 443 }).blockedBy?.code).toBe(
      'NO_ROUTE_TO_DESTINATION',
    );
  });
});
