import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeReachability, parseEndpoint } from '../engine';
import { importAws } from '../share/awsImport';
import { run } from './testing/runCli';

/**
 * `nimbus reach` and `nimbus exposure` on the Batfish folders copied for issue 14
 * (src/share/fixtures/batfish/README.md). Each verdict is ours, from the JSON and AWS's rules:
 * traffic inside a VPC follows the local route (Amazon VPC User Guide, "Route tables", local route);
 * only an instance with a public IPv4 in a subnet routed 0/0 to an attached internet gateway is reached
 * from the internet ("Enable internet access for a VPC using an internet gateway"); a security group
 * admits only what a rule allows ("Security group rules"); a stopped instance takes no traffic (Amazon EC2
 * User Guide, "Stop and start Amazon EC2 instances").
 */
const folder = (scenario: string) => `src/share/fixtures/batfish/${scenario}`;

async function verdict(scenario: string, from: string, to: string, port: number) {
  const { code, out, err } = await run(
    'reach',
    folder(scenario),
    '--from',
    from,
    '--to',
    to,
    '--port',
    String(port),
    '--json',
  );
  if (code === 2) throw new Error(err);
  const result = JSON.parse(out) as { reachable: boolean; blockedBy: { code: string; id: string } | null };
  return {
    code,
    reachable: result.reachable,
    blocked: result.blockedBy?.code ?? null,
    at: result.blockedBy?.id ?? null,
  };
}

async function exposure(scenario: string) {
  const { code, out, err } = await run('exposure', folder(scenario), '--json');
  if (code === 2) throw new Error(err);
  const report = JSON.parse(out) as {
    entries: Array<{ instanceId: string; source: string; ports: number[] }>;
    findings: Array<{ code: string }>;
  };
  return {
    code,
    entries: report.entries.map((e) => `${e.instanceId} ${e.source} ${e.ports.join(',')}`).sort(),
    findings: report.findings.map((f) => f.code),
  };
}

const nothingExposed = { code: 0, entries: [], findings: [] };

describe('issue 14: nimbus reach on the remaining Batfish folders', () => {
  it('test-subnet: the two instances reach each other on tcp/22, not tcp/80; no internet either way (no IGW)', async () => {
    expect(await verdict('test-subnet', 'i-08ef86e76fceabd8d', 'i-07519d6ba3f9497e4', 22)).toMatchObject({
      code: 0,
      reachable: true,
    });
    expect(await verdict('test-subnet', 'i-07519d6ba3f9497e4', '10.10.1.228', 22)).toMatchObject({ code: 0 });
    expect(await verdict('test-subnet', 'i-08ef86e76fceabd8d', 'i-07519d6ba3f9497e4', 80)).toMatchObject({
      code: 1,
      blocked: 'ENI_SG_RULES_MISMATCH',
      at: 'sg-02566e413c0030c70',
    });
    expect(await verdict('test-subnet', 'i-08ef86e76fceabd8d', 'internet', 443)).toMatchObject({
      code: 1,
      blocked: 'NO_ROUTE_TO_DESTINATION',
      at: 'rtb-07243bb4843d61c35',
    });
    expect(await verdict('test-subnet', 'internet', '10.10.1.228', 22)).toMatchObject({ code: 1, reachable: false });
  });

  it('test-vpn-gateway: 0/0 goes to the VGW, which has no route to the internet or to the deleted VPN’s 192.168.0.0/16', async () => {
    for (const to of ['internet', '192.168.0.10'])
      expect(await verdict('test-vpn-gateway', 'i-099cf38911942421c', to, 22)).toMatchObject({
        code: 1,
        blocked: 'NO_ROUTE_TO_DESTINATION',
        at: 'vgw-0c09bd7fadac961bf',
      });
    expect(await verdict('test-vpn-gateway', 'internet', '10.0.1.204', 22)).toMatchObject({ code: 1 });
  });

  it('test-load-balancer: the internet reaches the jump host on 22 (not 80); the jump host reaches both private instances on 22 only', async () => {
    expect(await verdict('test-load-balancer', 'internet', '3.17.39.193', 22)).toMatchObject({ code: 0 });
    expect(await verdict('test-load-balancer', 'internet', '3.17.39.193', 80)).toMatchObject({
      code: 1,
      blocked: 'ENI_SG_RULES_MISMATCH',
      at: 'sg-0a74e5595da78724d',
    });
    for (const target of ['i-055b0db7be365202c', 'i-0f4af951d61a19245'])
      expect(await verdict('test-load-balancer', 'i-0c8ce8bbdd98cc4e8', target, 22)).toMatchObject({ code: 0 });
    expect(await verdict('test-load-balancer', 'i-0c8ce8bbdd98cc4e8', 'i-055b0db7be365202c', 80)).toMatchObject({
      code: 1,
      blocked: 'ENI_SG_RULES_MISMATCH',
      at: 'sg-09dabbcbd3f44ebcf',
    });
    // The private subnets' main table is local only: no way out.
    expect(await verdict('test-load-balancer', 'i-055b0db7be365202c', 'internet', 443)).toMatchObject({
      code: 1,
      blocked: 'NO_ROUTE_TO_DESTINATION',
      at: 'rtb-08a3882c161001ceb',
    });
  });

  it('test-direct-connect-gateway: the transit gateway table of vpc-dx01 has no route to vpc-iso01 nor a default route', async () => {
    for (const to of ['10.200.1.10', 'internet'])
      expect(await verdict('test-direct-connect-gateway', 'i-dx01', to, 22)).toMatchObject({
        code: 1,
        blocked: 'NO_ROUTE_TO_DESTINATION',
        at: 'tgw-dx01',
      });
  });

  it('test-direct-connect-private-vif: 0/0 goes to the VGW, which leads nowhere Nimbus knows; the internet does not reach in', async () => {
    expect(await verdict('test-direct-connect-private-vif', 'i-priv01', 'internet', 443)).toMatchObject({
      code: 1,
      blocked: 'NO_ROUTE_TO_DESTINATION',
      at: 'vgw-priv01',
    });
    expect(await verdict('test-direct-connect-private-vif', 'internet', '10.50.1.10', 22)).toMatchObject({ code: 1 });
  });

  it('test: with no route tables or internet gateways recorded, the instance with a public IPv4 is not reached and gets nowhere outside its VPC', async () => {
    expect(await verdict('test', 'internet', '54.191.107.22', 22)).toMatchObject({ code: 1, reachable: false });
    expect(await verdict('test', 'i-066b1b9957b9200e7', 'internet', 443)).toMatchObject({
      code: 1,
      blocked: 'NO_ROUTE_TO_DESTINATION',
      at: 'rtb-main-vpc-6f6f8316',
    });
  });

  it('hybrid-cloud-aws: the instances are stopped, so nothing reaches them nor leaves them', async () => {
    expect(await verdict('hybrid-cloud-aws', 'i-0383fda87c012141d', 'internet', 443)).toMatchObject({
      code: 1,
      blocked: 'BAD_STATE',
      at: 'i-0383fda87c012141d',
    });
    expect(await verdict('hybrid-cloud-aws', 'i-0837c877110427f2b', 'i-0b26ec095feb42260', 22)).toMatchObject({
      code: 1,
      reachable: false,
    });
  });

  it('test-direct-connect-gateway-multi-region: no VPCs, so a clear message and exit 2, not a stack trace', async () => {
    for (const argv of [
      ['reach', folder('test-direct-connect-gateway-multi-region'), '--from', 'internet', '--to', '10.0.0.1'],
      ['exposure', folder('test-direct-connect-gateway-multi-region'), '--json'],
    ]) {
      const { code, out, err } = await run(...argv);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toBe(
        `nimbus ${argv[0]}: no VPCs found (the files hold only TransitGatewayAttachments, TransitGatewayRouteTables, TransitGateways, DirectConnectGatewayAssociations (not imported), DirectConnectGateways (not imported)): include the output of aws ec2 describe-vpcs`,
      );
      expect(err).not.toMatch(/\n\s+at /);
    }
  });

  it('the CLI answers as the import and engine the UI runs do', async () => {
    const cases: Array<[string, string, string, number]> = [
      ['test-subnet', 'i-08ef86e76fceabd8d', 'i-07519d6ba3f9497e4', 22],
      ['test-subnet', 'i-08ef86e76fceabd8d', 'i-07519d6ba3f9497e4', 80],
      ['test-load-balancer', 'internet', '3.17.39.193', 22],
      ['test-vpn-gateway', 'i-099cf38911942421c', 'internet', 443],
    ];
    for (const [scenario, from, to, port] of cases) {
      const dir = folder(scenario);
      const result = importAws(readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })));
      if (!result.ok) throw new Error(result.errors.join('\n'));
      const src = parseEndpoint(result.design, from);
      const dst = parseEndpoint(result.design, to);
      if (!src.ok || !dst.ok) throw new Error(`${from} or ${to}`);
      const outcome = analyzeReachability(result.design, { from: src.spec, to: dst.spec, protocol: 'tcp', port });
      if (!outcome.ok) throw new Error(outcome.error);
      expect(await verdict(scenario, from, to, port)).toMatchObject({
        reachable: outcome.result.reachable,
        blocked: outcome.result.blockedBy?.code ?? null,
      });
    }
  });
});

describe('issue 14: nimbus exposure on the remaining Batfish folders', () => {
  it('test-load-balancer: the jump host from the internet and each instance from a host in each other subnet, on 22', async () => {
    // One VPC, every subnet joined by the local route, the default ACL allows all, every group allows tcp/22
    // from anywhere; only the jump host has a public IPv4 and a route to the IGW.
    expect(await exposure('test-load-balancer')).toEqual({
      code: 1,
      entries: [
        'i-055b0db7be365202c Public Subnet 22',
        'i-055b0db7be365202c Subnet 20 22',
        'i-0c8ce8bbdd98cc4e8 Subnet 1 22',
        'i-0c8ce8bbdd98cc4e8 Subnet 20 22',
        'i-0c8ce8bbdd98cc4e8 the internet 22',
        'i-0f4af951d61a19245 Public Subnet 22',
        'i-0f4af951d61a19245 Subnet 1 22',
      ],
      findings: ['SSH_OPEN_TO_INTERNET'],
    });
  });

  it('nothing is exposed where there is no way in', async () => {
    // test-subnet: one subnet (no other subnet to come from), no IGW.
    expect(await exposure('test-subnet')).toEqual(nothingExposed);
    // test-vpn-gateway: no IGW; the BGP VPN recorded no routes, so there is no on-premises network behind it,
    // and the deleted VPN's 192.168.0.0/16 is not one either.
    expect(await exposure('test-vpn-gateway')).toEqual(nothingExposed);
    // test-direct-connect-private-vif: no IGW, one subnet, the VIFs' prefixes are not recorded.
    expect(await exposure('test-direct-connect-private-vif')).toEqual(nothingExposed);
    // test-direct-connect-gateway: vpc-iso01's transit gateway table has no route to vpc-dx01 (and back).
    expect(await exposure('test-direct-connect-gateway')).toEqual(nothingExposed);
    // test: no IGW recorded; each VPC has one placed subnet with an instance, and they are not joined.
    expect(await exposure('test')).toEqual(nothingExposed);
    // hybrid-cloud-aws: every instance is stopped; the VPN site's 10.1.1–4.0/24 reach only vpc-815775e7, which has no subnets.
    expect(await exposure('hybrid-cloud-aws')).toEqual(nothingExposed);
  });
});
