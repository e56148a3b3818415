import { describe, expect, it } from 'vitest';
import {
  createElasticIp,
  createNatGateway,
  createNetworkAcl,
  createRouteTable,
  createSecurityGroup,
  DesignBuilder,
  protocolLabel,
  readProtocol,
  type Design,
  type PacketProtocol,
} from '../../domain';
import type { EndpointSpec } from './endpoints';
import { analyzeReachability, type ReachResult } from './reachability';

/**
 * All traffic (-1) and IP protocols by number in rules and queries, and the
 * NAT gateway's TCP/UDP/ICMP restriction, on a small hand-built VPC: a public
 * subnet (0.0.0.0/0 → IGW, a custom ACL) with `web` 10.0.0.10 / 18.216.80.133
 * and a NAT gateway (Elastic IP 203.0.113.5); a private subnet (→ NAT) with `app`.
 */
function build(): Design {
  const b = new DesignBuilder('protocols');
  const region = b.region();
  const vpc = b.vpc(region, '10.0.0.0/16');
  const zone = b.zone(region, 'us-east-1a', vpc);
  const igw = b.internetGateway(vpc);
  const pub = b.subnet(vpc, zone, '10.0.0.0/24', 'Public', { public: true });
  const priv = b.subnet(vpc, zone, '10.0.1.0/24', 'Private');
  const publicTable = b.add(createRouteTable(b.ids, vpc.vpc, 'public routes'));
  publicTable.subnetIds.push(pub.id);
  b.route(publicTable, '0.0.0.0/0', igw.id);
  const eip = b.add(createElasticIp(b.ids, '203.0.113.5'));
  const nat = b.add(createNatGateway(b.ids, pub.id, eip.id, '10.0.0.5', 'NAT'));
  const privateTable = b.add(createRouteTable(b.ids, vpc.vpc, 'private routes'));
  privateTable.subnetIds.push(priv.id);
  b.route(privateTable, '0.0.0.0/0', nat.id);
  // The public subnet's ACL denies ESP from 192.0.2.0/24, allows everything else (-1).
  const acl = b.add(createNetworkAcl(b.ids, vpc.vpc.id, 'public acl'));
  acl.subnetIds.push(pub.id);
  acl.inbound.push(
    { ruleNumber: 100, protocol: 50, ports: null, cidr: '192.0.2.0/24', action: 'deny' },
    { ruleNumber: 200, protocol: 'all', ports: null, cidr: '0.0.0.0/0', action: 'allow' },
  );
  acl.outbound.push({ ruleNumber: 100, protocol: 'all', ports: null, cidr: '0.0.0.0/0', action: 'allow' });
  const web = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'web-sg'));
  web.inbound.push(
    { protocol: 50, ports: null, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: 'ESP' },
    { protocol: 'all', ports: null, peer: { type: 'cidr', cidr: '203.0.113.0/24' }, description: 'partner' },
    {
      protocol: 6,
      ports: { from: 8080, to: 8080 },
      peer: { type: 'cidr', cidr: '0.0.0.0/0' },
      description: 'tcp as 6',
    },
  );
  const app = b.add(createSecurityGroup(b.ids, vpc.vpc.id, 'app-sg'));
  b.instance(pub, '10.0.0.10', [web.id], 'web').publicIpAddress = '18.216.80.133';
  b.instance(priv, '10.0.1.10', [app.id], 'app');
  return b.build();
}

const design = build();
const res = (name: string): EndpointSpec => ({
  kind: 'resource',
  id: Object.values(design.resources).find((r) => r.name === name)!.id,
});
const internetAt = (address?: string): EndpointSpec => ({ kind: 'internet', ...(address ? { address } : {}) });

function reach(from: EndpointSpec, to: EndpointSpec, protocol: PacketProtocol, port = 0): ReachResult {
  const outcome = analyzeReachability(design, { from, to, protocol, port });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

describe('IP protocols by number in rules and queries', () => {
  it('a security-group rule for protocol 50 admits ESP from the internet, and ports do not matter', () => {
    const r = reach(internetAt(), res('web'), 50, 0);
    expect(r.reachable).toBe(true);
    expect(r.forward.find((h) => h.step === 'filter' && h.rule?.startsWith('web-sg'))!.rule).toContain(
      'protocol 50 (ESP)',
    );
    expect(r.sent).toMatchObject({ protocol: 50, srcPort: 0, dstPort: 0 });
  });

  it('another protocol (47, GRE) matches no rule but `all`: denied from the internet, allowed from the partner range', () => {
    const denied = reach(internetAt(), res('web'), 47);
    expect(denied.blockedBy).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', direction: 'forward' });
    expect(denied.forward.at(-1)!.explanation).toContain('protocol 47 (GRE)');
    expect(reach(internetAt('203.0.113.9'), res('web'), 47).reachable).toBe(true);
  });

  it('a network ACL rule for protocol 50 decides ESP, and the -1 rule after it lets the rest through', () => {
    const r = reach(internetAt('192.0.2.7'), res('web'), 50);
    expect(r.blockedBy).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION' });
    expect(r.forward.at(-1)!.rule).toContain('rule 100 (deny protocol 50 (ESP) 192.0.2.0/24)');
    expect(reach(internetAt('192.0.2.7'), res('web'), 'tcp', 8080).reachable).toBe(true);
  });

  it('a rule written with protocol number 6 is a TCP rule', () => {
    expect(reach(internetAt(), res('web'), 'tcp', 8080).reachable).toBe(true);
    expect(reach(internetAt(), res('web'), 'tcp', 8081).reachable).toBe(false);
  });

  it('an internet gateway passes any protocol: the public instance sends ESP out', () => {
    expect(reach(res('web'), internetAt(), 50).reachable).toBe(true);
  });
});

describe('a NAT gateway passes only TCP, UDP and ICMP', () => {
  it.each([
    ['tcp', 443],
    ['udp', 53],
    ['icmp', 0],
  ] as const)('%s from the private instance gets out', (protocol, port) => {
    expect(reach(res('app'), internetAt(), protocol, port).reachable).toBe(true);
  });

  it('protocol 50 (ESP) is dropped at the NAT gateway, with the reason', () => {
    const r = reach(res('app'), internetAt(), 50);
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({ code: 'PROTOCOL_RESTRICTION', component: 'NAT' });
    expect(r.forward.at(-1)!.explanation).toContain('TCP, UDP and ICMP only');
    // The same to another instance's public address: the route sends it by the NAT gateway too.
    expect(reach(res('app'), { kind: 'address', address: '18.216.80.133' }, 50).blockedBy?.code).toBe(
      'PROTOCOL_RESTRICTION',
    );
  });
});

describe('reading protocols as AWS writes them', () => {
  it.each([
    ['-1', 'all'],
    ['all', 'all'],
    ['6', 'tcp'],
    ['17', 'udp'],
    ['1', 'icmp'],
    ['TCP', 'tcp'],
    ['50', 50],
    ['255', 255],
    ['256', null],
    ['sctp', null],
  ] as const)('%s is %s', (text, expected) => expect(readProtocol(text)).toBe(expected));

  it('names common numbers', () => {
    expect(protocolLabel(50)).toBe('protocol 50 (ESP)');
    expect(protocolLabel(99)).toBe('protocol 99');
    expect(protocolLabel('all')).toBe('all traffic');
  });
});
