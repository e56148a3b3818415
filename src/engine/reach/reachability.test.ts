import { produce, type Draft } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  createNetworkAcl,
  type Design,
  type Ec2Instance,
  type NetworkAcl,
  type Resource,
  type RouteTable,
  type SecurityGroup,
  type Vpc,
} from '../../domain';
import { TEMPLATES } from '../../scenarios/templates';
import { analyzeReachability, type ReachQuery, type ReachResult } from './reachability';

const template = (id: string): Design => TEMPLATES.find((t) => t.id === id)!.build();
const named = <T extends Resource>(d: Design | Draft<Design>, name: string): T =>
  Object.values(d.resources).find((r) => r.name === name) as T;
const id = (d: Design, name: string) => named(d, name).id;

function reach(design: Design, query: Partial<ReachQuery> & Pick<ReachQuery, 'from' | 'to'>): ReachResult {
  const outcome = analyzeReachability(design, { protocol: 'tcp', port: 443, ...query });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

const internet = { kind: 'internet' as const };
const res = (design: Design, name: string) => ({ kind: 'resource' as const, id: id(design, name) });

describe('reachability: two-AZ template', () => {
  const design = template('two-tier');

  it('the internet reaches the public web server on 443, hop by hop, and back', () => {
    const r = reach(design, { from: internet, to: res(design, 'Web A') });
    expect(r.reachable).toBe(true);
    expect(r.forward.map((h) => h.component)).toEqual([
      'Internet gateway',
      'network ACL of Public A (inbound)',
      'security groups of Web A (inbound)',
    ]);
    expect(r.forward[2]!.rule).toBe('web: TCP 443 from 0.0.0.0/0');
    expect(r.return.map((h) => h.component)).toEqual([
      'security groups of Web A',
      'network ACL of Public A (outbound)',
      'route table of Public A',
      'Internet gateway',
    ]);
    expect(r.return[2]!.rule).toBe('Public routes: 0.0.0.0/0 → Internet gateway');
  });

  it('names the subnet of each ACL and route-table hop, so a view can place the packet on it', () => {
    const r = reach(design, { from: internet, to: res(design, 'Web A') });
    const publicA = id(design, 'Public A');
    expect(r.forward.map((h) => h.subnetId)).toEqual([undefined, publicA, undefined]);
    expect(r.return.map((h) => h.subnetId)).toEqual([undefined, publicA, publicA, undefined]);
  });

  it('the internet cannot reach the private app server on 22: no public address', () => {
    const r = reach(design, { from: internet, to: res(design, 'App A'), port: 22 });
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({
      component: 'Internet gateway',
      code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
      direction: 'forward',
    });
    expect(r.forward.at(-1)!.explanation).toContain('NAT gateway would not help');
  });

  it('the private app server reaches the internet through its NAT gateway', () => {
    const r = reach(design, { from: res(design, 'App A'), to: internet });
    expect(r.reachable).toBe(true);
    expect(r.forward.map((h) => h.component)).toContain('NAT A');
    expect(r.forward.find((h) => h.component === 'route table of Private A')!.rule).toBe(
      'Private routes A: 0.0.0.0/0 → NAT A',
    );
  });

  it('a security group that names another group admits its members (web → app on 8080), and nobody else', () => {
    expect(reach(design, { from: res(design, 'Web A'), to: res(design, 'App B'), port: 8080 })).toMatchObject({
      reachable: true,
    });
    const wrongPort = reach(design, { from: res(design, 'Web A'), to: res(design, 'App B'), port: 22 });
    expect(wrongPort.blockedBy).toMatchObject({
      component: 'security groups of App B (inbound)',
      code: 'ENI_SG_RULES_MISMATCH',
    });
    const notMember = reach(design, { from: res(design, 'App A'), to: res(design, 'App B'), port: 8080 });
    expect(notMember.blockedBy?.code).toBe('ENI_SG_RULES_MISMATCH');
  });

  it('an instance with a public IP in a subnet routed to NAT cannot be reached: the response leaves by the wrong gateway', () => {
    const d = produce(design, (draft) => {
      named<Ec2Instance>(draft, 'App A').publicIp = true;
      named<SecurityGroup>(draft, 'app').inbound.push({
        protocol: 'tcp',
        ports: { from: 8080, to: 8080 },
        peer: { type: 'cidr', cidr: '0.0.0.0/0' },
        description: '',
      });
    });
    const r = reach(d, { from: internet, to: res(d, 'App A'), port: 8080 });
    expect(r.blockedBy).toMatchObject({ direction: 'return', code: 'NO_ROUTE_TO_DESTINATION' });
  });

  it('a stopped instance is BAD_STATE', () => {
    const d = produce(design, (draft) => void (named<Ec2Instance>(draft, 'Web A').state = 'stopped'));
    expect(reach(d, { from: internet, to: res(d, 'Web A') }).blockedBy).toMatchObject({ code: 'BAD_STATE' });
  });
});

describe('reachability: network ACLs are stateless', () => {
  /** Web A's subnet gets a custom ACL that allows 443 in and 443 out, but no ephemeral ports out. */
  function withStrictAcl(outbound: NetworkAcl['outbound']): Design {
    const base = template('two-tier');
    const acl: NetworkAcl = {
      ...createNetworkAcl(
        { next: <T extends string>() => 'acl-strict' as T },
        named<Vpc>(base, 'Production VPC').id,
        'Strict ACL',
      ),
      inbound: [
        { ruleNumber: 100, protocol: 'tcp', ports: { from: 443, to: 443 }, cidr: '0.0.0.0/0', action: 'allow' },
      ],
      outbound,
      subnetIds: [id(base, 'Public A') as never],
    };
    return { ...base, resources: { ...base.resources, [acl.id]: acl } };
  }

  it('without an outbound rule for ephemeral ports the response is dropped, and the hop says why', () => {
    const d = withStrictAcl([
      { ruleNumber: 100, protocol: 'tcp', ports: { from: 443, to: 443 }, cidr: '0.0.0.0/0', action: 'allow' },
    ]);
    const r = reach(d, { from: internet, to: res(d, 'Web A') });
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({
      component: 'network ACL of Public A (outbound)',
      code: 'SUBNET_ACL_RESTRICTION',
      direction: 'return',
    });
    const hop = r.return.at(-1)!;
    expect(hop.rule).toBe('Strict ACL: rule * (deny all)');
    expect(hop.explanation).toContain('port 32768');
    expect(hop.explanation).toContain('stateless');
  });

  it('an ephemeral-port rule fixes it; a Windows client on 1030 still fails against 32768-65535', () => {
    const d = withStrictAcl([
      { ruleNumber: 100, protocol: 'tcp', ports: { from: 32768, to: 65535 }, cidr: '0.0.0.0/0', action: 'allow' },
    ]);
    expect(reach(d, { from: internet, to: res(d, 'Web A') }).reachable).toBe(true);
    expect(reach(d, { from: internet, to: res(d, 'Web A'), sourcePort: 1030 }).blockedBy?.direction).toBe('return');
  });

  it('says when another source port would have worked (concrete packet vs any packet)', () => {
    const d = withStrictAcl([
      { ruleNumber: 100, protocol: 'tcp', ports: { from: 49152, to: 65535 }, cidr: '0.0.0.0/0', action: 'allow' },
    ]);
    const linuxClient = reach(d, { from: internet, to: res(d, 'Web A') });
    expect(linuxClient.reachable).toBe(false);
    expect(linuxClient.workingSourcePort).toBe(49152);
    expect(linuxClient.summary).toContain('source port is 49152 would get through');
  });

  it('the lowest-numbered matching rule decides', () => {
    const d = produce(
      withStrictAcl([{ ruleNumber: 100, protocol: 'all', ports: null, cidr: '0.0.0.0/0', action: 'allow' }]),
      (draft) => {
        (draft.resources['acl-strict'] as Draft<NetworkAcl>).inbound.push({
          ruleNumber: 50,
          protocol: 'tcp',
          ports: { from: 443, to: 443 },
          cidr: '198.51.100.0/24',
          action: 'deny',
        });
      },
    );
    const r = reach(d, { from: internet, to: res(d, 'Web A') });
    expect(r.blockedBy?.code).toBe('SUBNET_ACL_RESTRICTION');
    expect(r.forward.at(-1)!.rule).toContain('rule 50');
  });

  it('traffic inside one subnet skips the ACL entirely', () => {
    const d = produce(withStrictAcl([]), (draft) => {
      const web = named<Ec2Instance>(draft, 'Web A');
      draft.resources['i-peer'] = { ...web, id: 'i-peer' as never, name: 'Peer', privateIp: '10.0.0.20' };
      const group = named<SecurityGroup>(draft, 'web');
      group.inbound.push({
        protocol: 'tcp',
        ports: { from: 9000, to: 9000 },
        peer: { type: 'securityGroup', groupId: group.id },
        description: '',
      });
    });
    const r = reach(d, { from: { kind: 'resource', id: 'i-peer' }, to: res(d, 'Web A'), port: 9000 });
    expect(r.reachable).toBe(true);
    expect(r.forward.map((h) => h.component)).toContain('subnet Public A');
  });
});

describe('reachability: routes', () => {
  it('all four are needed for the internet: a public IP without a route is not enough', () => {
    const d = produce(template('single-web-server'), (draft) => {
      const table = named<RouteTable>(draft, 'Public routes');
      table.routes = table.routes.filter((r) => r.destination !== '0.0.0.0/0');
    });
    expect(reach(d, { from: res(d, 'Web server'), to: internet }).blockedBy).toMatchObject({
      code: 'NO_ROUTE_TO_DESTINATION',
    });
  });

  it('a more specific route beats 0.0.0.0/0, and a more specific blackhole drops instead of falling back', () => {
    const base = template('two-tier');
    const natB = id(base, 'NAT B');
    const d = produce(
      base,
      (draft) =>
        void named<RouteTable>(draft, 'Private routes A').routes.push({
          destination: '198.51.100.0/24',
          target: natB as never,
        }),
    );
    const r = reach(d, { from: res(d, 'App A'), to: internet });
    expect(r.forward.find((h) => h.component === 'route table of Private A')!.rule).toBe(
      'Private routes A: 198.51.100.0/24 → NAT B',
    );
    expect(r.forward.map((h) => h.component)).toContain('NAT B');
    const gone = produce(d, (draft) => void delete draft.resources[natB]);
    const dropped = reach(gone, { from: res(gone, 'App A'), to: internet });
    expect(dropped.blockedBy).toMatchObject({ code: 'BAD_STATE_ROUTE' });
    expect(dropped.forward.at(-1)!.explanation).toContain('not sent to a shorter route');
  });
});

describe('reachability: hybrid', () => {
  const design = template('hybrid');
  const office = () => ({ kind: 'onPremises' as const, id: id(design, 'Corporate data center') });

  it('on-premises reaches the private instance over Direct Connect on 22, and the response returns by the propagated route', () => {
    const r = reach(design, { from: office(), to: res(design, 'Internal app'), port: 22 });
    expect(r.reachable).toBe(true);
    // With both links, the gateway prefers the routes it learns over Direct Connect.
    expect(r.forward[0]!.explanation).toContain('Direct Connect');
    expect(r.forward[0]!.explanation).not.toContain('Site-to-Site VPN');
    expect(r.return.find((h) => h.component.startsWith('route table'))!.rule).toContain(
      '192.168.0.0/16 → VGW (propagated)',
    );
  });

  it('uses the Site-to-Site VPN when it is the only link', () => {
    const vpnOnly = produce(design, (draft) => {
      for (const r of Object.values(draft.resources))
        if (r.kind === 'directConnectConnection') delete draft.resources[r.id];
    });
    const r = reach(vpnOnly, { from: office(), to: res(vpnOnly, 'Internal app'), port: 22 });
    expect(r.reachable).toBe(true);
    expect(r.forward[0]!.explanation).toContain('Site-to-Site VPN (two IPsec tunnels to Office router)');
  });

  it('without propagation or a static route the response has no way back', () => {
    const d = produce(design, (draft) => {
      for (const r of Object.values(draft.resources)) if (r.kind === 'routeTable') r.propagatingGatewayIds = [];
    });
    expect(reach(d, { from: office(), to: res(d, 'Internal app'), port: 22 }).blockedBy).toMatchObject({
      direction: 'return',
      code: 'NO_ROUTE_TO_DESTINATION',
    });
  });
});

describe('reachability: bad queries', () => {
  it('explains what is wrong instead of guessing', () => {
    const design = template('two-tier');
    expect(analyzeReachability(design, { from: internet, to: internet, protocol: 'tcp', port: 1 })).toMatchObject({
      ok: false,
      error: expect.stringContaining('one end must be in a VPC'),
    });
    expect(
      analyzeReachability(design, { from: { kind: 'resource', id: 'nope' }, to: internet, protocol: 'tcp', port: 1 }),
    ).toMatchObject({ ok: false, error: 'source: no resource "nope"' });
  });
});
