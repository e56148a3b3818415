import { describe, expect, it } from 'vitest';
import { autoPublicIpv4Of, type Design, type Ec2Instance, type Resource } from '../../domain';
import { TEMPLATES } from '../../scenarios/templates';
import type { PathOptions } from './context';
import { analyzeReachability, type ReachQuery, type ReachResult } from './reachability';

const template = (id: string): Design => TEMPLATES.find((t) => t.id === id)!.build();
const named = (d: Design, name: string): Resource => Object.values(d.resources).find((r) => r.name === name)!;
const res = (d: Design, name: string) => ({ kind: 'resource' as const, id: named(d, name).id });
const internet = { kind: 'internet' as const };

function reach(
  design: Design,
  query: Partial<ReachQuery> & Pick<ReachQuery, 'from' | 'to'>,
  options?: PathOptions,
): ReachResult {
  const outcome = analyzeReachability(design, { protocol: 'tcp', port: 443, ...query }, options);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

describe('hops as generic forwarding steps', () => {
  const twoTier = template('two-tier');

  it('names the step each hop is: filter, route, translate, hand over, arrive', () => {
    const r = reach(twoTier, { from: res(twoTier, 'App A'), to: internet });
    expect(r.reachable).toBe(true);
    expect(r.forward.map((h) => h.step)).toEqual([
      'filter', // security groups of App A
      'filter', // ACL of its subnet
      'route', // its route table: 0.0.0.0/0 → NAT gateway
      'filter', // the NAT's subnet ACL inbound
      'translate', // the NAT gateway
      'filter',
      'route',
      'handOver', // the internet gateway passes the translated packet on
      'arrive',
    ]);
    expect(r.return.map((h) => h.step)).toEqual(['handOver', 'filter', 'translate', 'filter', 'filter', 'filter']);
  });

  it('records the NAT gateway translation and the packet before and after it, forward and back', () => {
    const r = reach(twoTier, { from: res(twoTier, 'App A'), to: internet });
    const natHop = r.forward.find((h) => h.step === 'translate')!;
    expect(r.sent).toMatchObject({ srcIp: natHop.translation!.from, dstIp: '198.51.100.200', dstPort: 443 });
    expect(natHop.translation).toMatchObject({ rewrites: 'source' });
    expect(natHop.packet.srcIp).toBe(natHop.translation!.to);
    expect(r.forward.at(-1)!.packet.srcIp).toBe(natHop.translation!.to);
    const natBack = r.return.find((h) => h.step === 'translate')!;
    expect(natBack.translation).toEqual({
      rewrites: 'destination',
      from: natHop.translation!.to,
      to: natHop.translation!.from,
    });
    expect(r.return[0]!.packet).toMatchObject({ srcIp: '198.51.100.200', srcPort: 443, dstPort: r.sourcePort });
  });

  it("translates an auto-assigned public address: the design's, or the running simulation's when it knows it", () => {
    const web = template('single-web-server');
    const server = named(web, 'Web server');
    const known = reach(
      web,
      { from: internet, to: res(web, 'Web server') },
      {
        autoAssignedAddressOf: (id) => (id === server.id ? '203.0.113.77' : null),
      },
    );
    const designs = reach(web, { from: internet, to: res(web, 'Web server') });
    expect(known.sent.dstIp).toBe('203.0.113.77');
    expect(known.forward[0]).toMatchObject({ step: 'translate', translation: { rewrites: 'destination' } });
    expect(known.return.at(-1)!.translation).toMatchObject({ rewrites: 'source', to: '203.0.113.77' });
    // Without the simulation, the address the design holds (drawn from the instance's id).
    const address = autoPublicIpv4Of(server as Ec2Instance);
    expect(address).toMatch(/^18\.21[6-9]\./);
    expect(designs.sent.dstIp).toBe(address);
    expect(designs.forward[0]!.translation).toEqual({ rewrites: 'destination', from: address, to: '10.0.1.10' });
  });

  it('records the link a virtual private gateway hands the packet over, and resolves both ends', () => {
    const hybrid = template('hybrid');
    const office = { kind: 'onPremises' as const, id: named(hybrid, 'Corporate data center').id };
    const r = reach(hybrid, { from: office, to: res(hybrid, 'Internal app'), port: 22 });
    expect(r.forward[0]).toMatchObject({ step: 'handOver', link: { kind: 'directConnect' } });
    expect(r.return.at(-1)).toMatchObject({ step: 'handOver', link: { kind: 'directConnect' } });
    expect(r.source).toMatchObject({ kind: 'onPremises', network: { id: office.id } });
    expect(r.destination).toMatchObject({ kind: 'interface', ownerId: named(hybrid, 'Internal app').id });
  });

  it('keeps the packet on every hop, ports and all, and ICMP without ports', () => {
    const r = reach(twoTier, { from: res(twoTier, 'Web A'), to: res(twoTier, 'App B'), port: 8080 });
    for (const hop of r.forward) expect(hop.packet).toMatchObject({ dstPort: 8080, srcPort: r.sourcePort });
    for (const hop of r.return) expect(hop.packet).toMatchObject({ srcPort: 8080, dstPort: r.sourcePort });
    const ping = reach(twoTier, { from: res(twoTier, 'Web A'), to: res(twoTier, 'App B'), protocol: 'icmp', port: 0 });
    for (const hop of [...ping.forward, ...ping.return]) expect(hop.packet).toMatchObject({ srcPort: 0, dstPort: 0 });
  });
});

describe('route targets and forwarding', () => {
  it('every kind the registry marks as a route target says what it does with a packet', async () => {
    const { ROUTE_TARGET_KINDS } = await import('../../domain');
    const { HAND_OVER_TARGETS } = await import('./targets');
    for (const kind of ROUTE_TARGET_KINDS) expect(Object.hasOwn(HAND_OVER_TARGETS, kind), kind).toBe(true);
  });
});

describe('inherited names as route targets', () => {
  it('a route to "constructor" is named as written, never as the Object function', async () => {
    const { sampleDesign } = await import('../testing/sampleDesign');
    const design = sampleDesign();
    const table = Object.values(design.resources).find((r) => r.kind === 'routeTable' && !r.main)!;
    if (table.kind !== 'routeTable') throw new Error('no table');
    const broken: Design = {
      ...design,
      resources: {
        ...design.resources,
        [table.id]: {
          ...table,
          routes: [
            ...table.routes.filter((r) => r.destination !== '0.0.0.0/0'),
            { destination: '0.0.0.0/0', target: 'constructor' as never },
          ],
        },
      },
    };
    const web = Object.values(broken.resources).find((r) => r.kind === 'ec2Instance' && r.name === 'Web server')!;
    const result = analyzeReachability(broken, {
      from: { kind: 'resource', id: web.id },
      to: { kind: 'internet' },
      protocol: 'tcp',
      port: 443,
    });
    expect(result.ok).toBe(true);
    const text = JSON.stringify(result);
    expect(text).not.toContain('Object');
    expect(text).toContain('constructor');
  });
});
