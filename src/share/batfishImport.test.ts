import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Design } from '../domain';
import { analyzeReachability, parseEndpoint, validateDesign, type ReachQuery, type ReachResult } from '../engine';
import { importAws, type AwsFile } from './awsImport';

/**
 * Real AWS configurations recorded by Batfish (fixtures/batfish/README.md,
 * Apache-2.0). The verdicts are ours, from the JSON and AWS's rules.
 */
const load = (scenario: string): Design => {
  const dir = join(import.meta.dirname, 'fixtures/batfish', scenario);
  const files: AwsFile[] = readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  const result = importAws(files);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.design;
};

function reach(design: Design, from: string, to: string, query: Partial<ReachQuery> = {}): ReachResult {
  const src = parseEndpoint(design, from);
  const dst = parseEndpoint(design, to);
  if (!src.ok || !dst.ok) throw new Error(`${from} or ${to} does not parse`);
  const outcome = analyzeReachability(design, { from: src.spec, to: dst.spec, protocol: 'tcp', port: 22, ...query });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

describe('Batfish test-public-subnet', () => {
  const design = load('test-public-subnet');

  it('imports the instance with AWS’s public address and no errors', () => {
    expect(design.resources['i-06669a407b2ef3ae5']).toMatchObject({
      privateIp: '10.0.0.91',
      publicIp: true,
      publicIpAddress: '18.216.80.133',
    });
    expect(validateDesign(design).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('internet → 18.216.80.133 tcp/22: reachable, translated to 10.0.0.91', () => {
    const r = reach(design, 'internet', '18.216.80.133');
    expect(r.reachable).toBe(true);
    expect(r.destination).toMatchObject({ ownerId: 'i-06669a407b2ef3ae5' });
    expect(r.forward[0]!.translation).toEqual({ rewrites: 'destination', from: '18.216.80.133', to: '10.0.0.91' });
  });

  it('internet → 10.0.0.91: unreachable, the internet does not route a private address', () => {
    expect(reach(design, 'internet', '10.0.0.91').blockedBy).toMatchObject({
      code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
    });
  });

  it('internet → 18.216.80.133 tcp/80: blocked by the security group (tcp/22 only)', () => {
    expect(reach(design, 'internet', '18.216.80.133', { port: 80 }).blockedBy).toMatchObject({
      code: 'ENI_SG_RULES_MISMATCH',
      direction: 'forward',
    });
  });

  it('the instance reaches the internet on tcp/443 from its public address', () => {
    const r = reach(design, 'i-06669a407b2ef3ae5', 'internet', { port: 443 });
    expect(r.reachable).toBe(true);
    expect(r.forward.find((h) => h.translation)!.translation).toMatchObject({ to: '18.216.80.133' });
  });
});

describe('Batfish test-nat-gateway', () => {
  const design = load('test-nat-gateway');
  const jump = 'i-0b31b509174d7f5de';
  const behindNat = 'i-0a128d26e59be60f3';
  const isolated = 'i-0a73a1a6021c03ddb';

  it('imports the NAT gateway’s addresses and the jump host’s public address', () => {
    expect(design.resources['nat-07ab4846da51f4612']).toMatchObject({
      privateIp: '10.1.250.210',
      elasticIpId: 'eipalloc-0353e2d101e93f4a1',
    });
    expect(design.resources['eipalloc-0353e2d101e93f4a1']).toMatchObject({ publicIp: '3.135.127.225' });
    expect(design.resources[jump]).toMatchObject({ publicIpAddress: '18.216.129.140' });
  });

  it('internet → jump host 18.216.129.140 tcp/22: reachable', () => {
    expect(reach(design, 'internet', '18.216.129.140').reachable).toBe(true);
  });

  it('internet → the NAT gateway’s Elastic IP 3.135.127.225: unreachable, it accepts no inbound connection', () => {
    const r = reach(design, 'internet', '3.135.127.225');
    expect(r.blockedBy).toMatchObject({ id: 'nat-07ab4846da51f4612', code: 'CANNOT_ROUTE' });
    expect(r.forward.at(-1)!.explanation).toContain('NAT gateways are for outbound traffic only');
  });

  it('internet → the NAT gateway’s private IP 10.1.250.210: unreachable', () => {
    expect(reach(design, 'internet', '10.1.250.210').reachable).toBe(false);
  });

  it('the instance behind the NAT reaches the internet from 3.135.127.225', () => {
    const r = reach(design, behindNat, 'internet', { port: 443 });
    expect(r.reachable).toBe(true);
    expect(r.forward.find((h) => h.translation)!.translation).toEqual({
      rewrites: 'source',
      from: '10.1.1.98',
      to: '3.135.127.225',
    });
  });

  it('the instance behind the NAT → the jump host’s public address: by NAT and IGW, arriving from the NAT’s EIP', () => {
    const r = reach(design, behindNat, '18.216.129.140');
    expect(r.reachable).toBe(true);
    expect(r.forward.at(-1)!.packet).toMatchObject({ srcIp: '3.135.127.225', dstIp: '10.1.250.116' });
  });

  it('the isolated instance (local routes only) reaches neither the internet nor a public address', () => {
    expect(reach(design, isolated, 'internet', { port: 443 }).blockedBy?.code).toBe('NO_ROUTE_TO_DESTINATION');
    expect(reach(design, isolated, '18.216.129.140').blockedBy?.code).toBe('NO_ROUTE_TO_DESTINATION');
    // Its private address is local: reachable.
    expect(reach(design, isolated, '10.1.250.116').reachable).toBe(true);
  });

  it('ICMP echo from the instance behind the NAT to the jump host (private): reachable', () => {
    expect(reach(design, behindNat, jump, { protocol: 'icmp', port: 0 }).reachable).toBe(true);
  });
});

describe('Batfish test-public-private-subnet', () => {
  const design = load('test-public-private-subnet');
  const publicHost = 'i-094a9e5b545a4fde4';
  const privateHost = 'i-099cf38911942421c';

  it('internet → 13.58.55.60 tcp/22: reachable; → 10.0.1.204: unreachable', () => {
    expect(reach(design, 'internet', '13.58.55.60').reachable).toBe(true);
    expect(reach(design, 'internet', '10.0.1.204').blockedBy?.code).toBe('IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS');
  });

  it('the private host → the public host’s public address: 0.0.0.0/0 goes to the VGW, which does not lead there', () => {
    const r = reach(design, privateHost, '13.58.55.60');
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', id: 'vgw-070087240d6fa2989' });
  });

  it('the private host → the public host’s private address: local, reachable', () => {
    expect(reach(design, privateHost, '10.0.0.47').reachable).toBe(true);
    expect(reach(design, privateHost, publicHost).reachable).toBe(true);
  });

  it('the public host reaches the internet; the private one does not (its default route is the VGW)', () => {
    expect(reach(design, publicHost, 'internet', { port: 443 }).reachable).toBe(true);
    expect(reach(design, privateHost, 'internet', { port: 443 }).reachable).toBe(false);
  });
});
