import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './testing/runCli';

/** `nimbus reach` on folders of real AWS JSON recorded by Batfish (src/share/fixtures/batfish/README.md). */
const folder = (scenario: string) => `src/share/fixtures/batfish/${scenario}`;

async function verdict(scenario: string, ...args: string[]) {
  const { code, out, err } = await run('reach', folder(scenario), ...args, '--json');
  if (code === 2) throw new Error(err);
  const result = JSON.parse(out) as { reachable: boolean; blockedBy: { code: string; id: string } | null };
  return { code, ...result };
}

describe('nimbus reach on Batfish scenarios', () => {
  it('test-public-subnet: the internet reaches the instance by its public address on 22, not by its private one', async () => {
    expect(
      await verdict('test-public-subnet', '--from', 'internet', '--to', '18.216.80.133', '--port', '22'),
    ).toMatchObject({ code: 0, reachable: true });
    expect(
      await verdict('test-public-subnet', '--from', 'internet', '--to', '10.0.0.91', '--port', '22'),
    ).toMatchObject({
      code: 1,
      blockedBy: { code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS' },
    });
    expect(
      await verdict('test-public-subnet', '--from', 'internet', '--to', '18.216.80.133', '--port', '80'),
    ).toMatchObject({ code: 1, blockedBy: { code: 'ENI_SG_RULES_MISMATCH', id: 'sg-09ccba6656672061b' } });
  });

  it('test-public-subnet: the text answer names the instance that holds the public address', async () => {
    const { code, out } = await run(
      'reach',
      folder('test-public-subnet'),
      '--from',
      'internet',
      '--to',
      '18.216.80.133',
      '--port',
      '22',
    );
    expect(code).toBe(0);
    expect(out).toContain('i-06669a407b2ef3ae5 (18.216.80.133)');
  });

  it('test-nat-gateway: the NAT gateway’s Elastic IP is not a way in; the private instance gets out through it', async () => {
    expect(
      await verdict('test-nat-gateway', '--from', 'internet', '--to', '3.135.127.225', '--port', '22'),
    ).toMatchObject({
      code: 1,
      blockedBy: { code: 'CANNOT_ROUTE', id: 'nat-07ab4846da51f4612' },
    });
    expect(
      await verdict('test-nat-gateway', '--from', 'i-0a128d26e59be60f3', '--to', 'internet', '--port', '443'),
    ).toMatchObject({ code: 0, reachable: true });
    expect(
      await verdict('test-nat-gateway', '--from', 'i-0a128d26e59be60f3', '--to', '18.216.129.140', '--port', '22'),
    ).toMatchObject({ code: 0, reachable: true });
    expect(
      await verdict('test-nat-gateway', '--from', 'i-0a73a1a6021c03ddb', '--to', '18.216.129.140', '--port', '22'),
    ).toMatchObject({ code: 1, blockedBy: { code: 'NO_ROUTE_TO_DESTINATION' } });
  });

  it('test-public-private-subnet: a public address sent to from the VGW-routed subnet goes nowhere', async () => {
    expect(
      await verdict('test-public-private-subnet', '--from', 'internet', '--to', '13.58.55.60', '--port', '22'),
    ).toMatchObject({ code: 0 });
    expect(
      await verdict(
        'test-public-private-subnet',
        '--from',
        'i-099cf38911942421c',
        '--to',
        '13.58.55.60',
        '--port',
        '22',
      ),
    ).toMatchObject({ code: 1, blockedBy: { code: 'NO_ROUTE_TO_DESTINATION', id: 'vgw-070087240d6fa2989' } });
    expect(
      await verdict('test-public-private-subnet', '--from', 'i-099cf38911942421c', '--to', '10.0.0.47', '--port', '22'),
    ).toMatchObject({ code: 0 });
  });

  it('test-nat-gateway: --protocol 50 is dropped at the NAT gateway, passes the jump host’s internet gateway', async () => {
    expect(
      await verdict('test-nat-gateway', '--from', 'i-0a128d26e59be60f3', '--to', 'internet', '--protocol', '50'),
    ).toMatchObject({ code: 1, blockedBy: { code: 'PROTOCOL_RESTRICTION', id: 'nat-07ab4846da51f4612' } });
    expect(
      await verdict('test-nat-gateway', '--from', 'i-0b31b509174d7f5de', '--to', 'internet', '--protocol', '50'),
    ).toMatchObject({ code: 0, reachable: true });
    // 6 is TCP: the same answer as --protocol tcp.
    expect(
      await verdict(
        'test-nat-gateway',
        '--from',
        'internet',
        '--to',
        '18.216.129.140',
        '--protocol',
        '6',
        '--port',
        '22',
      ),
    ).toMatchObject({ code: 0 });
    // The jump host's group allows tcp/22 and ICMP only: ESP from the internet is denied.
    expect(
      await verdict('test-nat-gateway', '--from', 'internet', '--to', '18.216.129.140', '--protocol', '50'),
    ).toMatchObject({ code: 1, blockedBy: { code: 'ENI_SG_RULES_MISMATCH' } });
  });

  it('refuses --protocol all and names outside 0-255 as bad input', async () => {
    for (const protocol of ['all', '-1', '256', 'sctp']) {
      const { code, err } = await run(
        'reach',
        folder('test-nat-gateway'),
        '--from',
        'internet',
        '--to',
        '18.216.129.140',
        '--protocol',
        protocol,
      );
      expect(code).toBe(2);
      expect(err).toContain('--protocol');
    }
  });

  it('a design file written by import-aws keeps the public addresses, so the same questions get the same answers', async () => {
    const output = join(await mkdtemp(join(tmpdir(), 'nimbus-batfish-')), 'design.json');
    expect((await run('import-aws', folder('test-nat-gateway'), '-o', output)).code).toBe(0);
    const saved = JSON.parse(await readFile(output, 'utf8')) as { version: number; resources: Record<string, unknown> };
    expect(saved.version).toBe(2);
    expect(saved.resources['i-0b31b509174d7f5de']).toMatchObject({ publicIpAddress: '18.216.129.140' });
    expect((await run('reach', output, '--from', 'internet', '--to', '18.216.129.140', '--port', '22')).code).toBe(0);
    expect((await run('reach', output, '--from', 'internet', '--to', '3.135.127.225', '--port', '22')).code).toBe(1);
  });

  it('nimbus exposure: what the internet (and the VPN site) reaches in each scenario', async () => {
    const exposure = async (scenario: string) => {
      const { code, out } = await run('exposure', folder(scenario), '--json');
      const report = JSON.parse(out) as {
        entries: Array<{ instanceId: string; source: string; ports: number[] }>;
        findings: Array<{ code: string }>;
      };
      return { code, entries: report.entries.map((e) => `${e.instanceId} ${e.source} ${e.ports.join(',')}`), report };
    };
    const publicSubnet = await exposure('test-public-subnet');
    expect(publicSubnet.code).toBe(1);
    expect(publicSubnet.entries).toEqual(['i-06669a407b2ef3ae5 the internet 22']);
    expect(publicSubnet.report.findings.map((f) => f.code)).toEqual(['SSH_OPEN_TO_INTERNET']);
    // Behind the NAT gateway and in the local-only subnet, nothing is reachable from the internet; the jump host is.
    // Inside the VPC every subnet reaches every other over the local route, both ACLs allow all inbound traffic
    // (the public subnet's by its rule 200) and the groups allow SSH from anywhere: a host in any other subnet
    // reaches each instance on 22.
    expect((await exposure('test-nat-gateway')).entries.sort()).toEqual([
      'i-0a128d26e59be60f3 Public Subnet 22',
      'i-0a128d26e59be60f3 Subnet 20 22',
      'i-0a73a1a6021c03ddb Public Subnet 22',
      'i-0a73a1a6021c03ddb Subnet 1 22',
      'i-0b31b509174d7f5de Subnet 1 22',
      'i-0b31b509174d7f5de Subnet 20 22',
      'i-0b31b509174d7f5de the internet 22',
    ]);
    // The private host is reached over the VPN from the customer network's 19.168.0.0/16, the public one from the
    // internet, and each from a host in the other subnet (local route, default ACL).
    expect((await exposure('test-public-private-subnet')).entries.sort()).toEqual([
      'i-094a9e5b545a4fde4 Private subnet 22',
      'i-094a9e5b545a4fde4 the internet 22',
      'i-099cf38911942421c Public subnet 22',
      'i-099cf38911942421c cgw-0e0d620a3ae284684 network 22',
    ]);
  });
});
