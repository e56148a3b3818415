import { describe, expect, it } from 'vitest';
import { kindSpec, SERVICE_PREFIX_LISTS, type Design, type Resource } from '../../domain';
import { NetworkBuilder, type TestVpc } from '../testing/networks';
import { validateDesign } from '../validate';
import { analyzeReachability } from './reachability';

/** A gateway endpoint made the way a palette drop makes it: in every table of the VPC, with the service's list. */
function addGatewayEndpoint(n: NetworkBuilder, v: TestVpc, variant?: 'dynamodb'): Resource[] {
  const made = kindSpec('vpcEndpoint').create({
    design: n.build(),
    container: v.vpc.vpc,
    region: n.region,
    vpc: v.vpc.vpc,
    ids: n.b.ids,
    ...(variant ? { variant } : {}),
    proposeVpcCidr: () => '10.9.0.0/16',
    proposeSubnetCidr: () => null,
    proposePrivateIp: () => null,
    nextPublicIp: () => '203.0.113.9',
  });
  if (!made.ok) throw new Error(made.reason);
  made.resources.forEach((r) => n.b.add(r));
  return made.resources;
}

function toService(design: Design, from: string, listId: string, protocol: 'tcp' | 'udp' = 'tcp') {
  const out = analyzeReachability(design, {
    from: { kind: 'resource', id: from },
    to: { kind: 'resource', id: listId },
    protocol,
    port: 443,
  });
  if (!out.ok) throw new Error(out.error);
  return out.result;
}

describe('gateway endpoints', () => {
  it('a private subnet reaches S3 through the gateway endpoint route, without the internet', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const [endpoint, list] = addGatewayEndpoint(n, a);
    const design = n.build();
    expect(list).toMatchObject({ kind: 'managedPrefixList', id: SERVICE_PREFIX_LISTS.s3.prefixListId, name: 'S3' });
    const r = toService(design, a.instance.id, list!.id);
    expect(r.blockedBy).toBeNull();
    const route = r.forward.find((h) => h.step === 'route')!;
    expect(route.rule).toContain(`${list!.id} → S3 gateway endpoint`);
    expect(r.forward.map((h) => h.id)).toContain(endpoint!.id);
    expect(r.forward.at(-1)).toMatchObject({ step: 'arrive', component: 'S3' });
    expect(r.forward.some((h) => /internet gateway|NAT/i.test(h.component))).toBe(false);
    expect(validateDesign(design).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('without the endpoint, the private subnet has no route to S3', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const [endpoint, list] = addGatewayEndpoint(n, a);
    const design = n.build();
    const { [endpoint!.id]: _gone, ...rest } = design.resources;
    void _gone;
    const r = toService({ ...design, resources: rest }, a.instance.id, list!.id);
    expect(r.blockedBy).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION' });
  });

  it('passes TCP, not UDP', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const [, list] = addGatewayEndpoint(n, a, 'dynamodb');
    expect(list).toMatchObject({ name: 'DynamoDB' });
    expect(toService(n.build(), a.instance.id, list!.id, 'udp').blockedBy?.code).toBe(
      'VPCE_GATEWAY_PROTOCOL_RESTRICTION',
    );
  });

  it('a peered VPC cannot use it (no edge-to-edge)', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    const [, list] = addGatewayEndpoint(n, a);
    const pcx = n.peer(a, b);
    n.b.route(b.table, '0.0.0.0/0', pcx.id);
    expect(toService(n.build(), b.instance.id, list!.id).blockedBy).toMatchObject({
      id: pcx.id,
      code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
    });
  });

  it('a route may name a customer-managed prefix list as its destination', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    const pcx = n.peer(a, b, { routes: false });
    n.b.add({
      kind: 'managedPrefixList',
      id: 'pl-0partners' as never,
      name: 'B ranges',
      regionId: n.region.id,
      prefixListName: 'b-ranges',
      ownedBy: 'customer',
      cidrs: ['10.2.0.0/16'],
      maxEntries: 5,
    });
    n.b.route(a.table, 'pl-0partners', pcx.id);
    n.b.route(b.table, '10.1.0.0/16', pcx.id);
    const design = n.build();
    const r = analyzeReachability(design, {
      from: { kind: 'resource', id: a.instance.id },
      to: { kind: 'resource', id: b.instance.id },
      protocol: 'tcp',
      port: 22,
    });
    expect(r.ok && r.result.reachable).toBe(true);
    expect(validateDesign(design).filter((f) => f.code === 'ROUTE_DESTINATION_INVALID')).toEqual([]);
  });
});

describe('prefix lists as security-group peers', () => {
  it('an outbound rule to the S3 prefix list lets the instance reach S3 and nothing else on 443', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const [, list] = addGatewayEndpoint(n, a);
    a.group.outbound = [
      {
        protocol: 'tcp',
        ports: { from: 443, to: 443 },
        peer: { type: 'prefixList', prefixListId: list!.id as never },
        description: 'S3 only',
      },
    ];
    const design = n.build();
    const r = toService(design, a.instance.id, list!.id);
    expect(r.reachable).toBe(true);
    expect(r.forward[0]!.rule).toContain('TCP 443 to S3');
    const elsewhere = analyzeReachability(design, {
      from: { kind: 'resource', id: a.instance.id },
      to: { kind: 'internet' },
      protocol: 'tcp',
      port: 443,
    });
    expect(elsewhere.ok && elsewhere.result.blockedBy?.code).toBe('ENI_SG_RULES_MISMATCH');
    expect(validateDesign(design).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
