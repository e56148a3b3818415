import { describe, expect, it } from 'vitest';
import type { Ec2Instance } from '../../domain';
import { NetworkBuilder, type TestVpc } from '../testing/networks';
import { analyzeReachability } from './reachability';

/** B's instance given a public address in a public subnet (0.0.0.0/0 → B's internet gateway), SSH open to all. */
function publicB(n: NetworkBuilder, b: TestVpc): string {
  const igw = n.internetGateway(b);
  n.b.route(b.table, '0.0.0.0/0', igw.id);
  const instance = b.instance as Ec2Instance;
  instance.publicIp = true;
  instance.publicIpAddress = '54.1.2.3';
  b.group.inbound.push({
    protocol: 'tcp',
    ports: { from: 22, to: 22 },
    peer: { type: 'cidr', cidr: '0.0.0.0/0' },
    description: '',
  });
  return '54.1.2.3';
}

const ask = (design: ReturnType<NetworkBuilder['build']>, from: string, address: string) => {
  const outcome = analyzeReachability(design, {
    from: { kind: 'resource', id: from },
    to: { kind: 'address', address },
    protocol: 'tcp',
    port: 22,
  });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
};

describe('a public address across joined VPCs is routed by the address sent to', () => {
  it('a peering does not carry a packet for the peer’s public address (it is not in the peer’s range)', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    const pcx = n.peer(a, b, { routes: false });
    n.b.route(a.table, '0.0.0.0/0', pcx.id);
    const address = publicB(n, b);
    const r = ask(n.build(), a.instance.id, address);
    expect(r.reachable).toBe(false);
    expect(r.blockedBy?.code).toBe('PCX_REQUIRES_ADDRESS_IN_VPC_CIDR');
  });

  it('a transit gateway whose 0.0.0.0/0 goes to an egress VPC sends it out by that VPC’s NAT gateway and in by B’s internet gateway', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    const egress = n.vpc('Egress', 3);
    const hub = n.transitGateway();
    n.attach(hub, a);
    n.attach(hub, b);
    const out = n.attach(hub, egress);
    hub.routeTables[0]!.routes.push({ destination: '0.0.0.0/0', attachmentId: out.id });
    n.b.route(a.table, '0.0.0.0/0', hub.id);
    const nat = n.natGateway(egress, '10.3.100.0/24');
    // The egress VPC's private table sends 0.0.0.0/0 to its NAT gateway; replies for A come back by the hub.
    n.b.route(egress.table, '10.1.0.0/16', hub.id);
    const address = publicB(n, b);
    const r = ask(n.build(), a.instance.id, address);
    expect(r.blockedBy).toBeNull();
    expect(r.reachable).toBe(true);
    const ids = r.forward.map((h) => h.id);
    expect(ids).toContain(hub.id);
    expect(ids).toContain(nat.id);
    // It arrives from the NAT gateway's Elastic IP.
    expect(r.forward.at(-1)!.packet.srcIp).toBe('203.0.113.50');
  });
});
