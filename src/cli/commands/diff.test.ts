import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resourcesOfKind, type Design, type Resource, type SecurityGroup } from '../../domain';
import { TEMPLATES } from '../../scenarios/templates';
import { shareUrl, whatIfUrl } from '../../share/links';
import { run } from '../testing/runCli';
import { readFailOn } from './diff';

const base = () => TEMPLATES.find((t) => t.id === 'single-web-server')!.build();

function withSshOpen(design: Design): Design {
  const copy = structuredClone(design);
  const web = resourcesOfKind(copy, 'securityGroup').find((g) => g.name === 'web')!;
  const open: SecurityGroup = {
    ...web,
    inbound: [
      ...web.inbound,
      { protocol: 'tcp', ports: { from: 22, to: 22 }, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: 'SSH' },
    ],
  };
  copy.resources[web.id] = open;
  return copy;
}

function renamed(design: Design): Design {
  const copy = structuredClone(design);
  const server = resourcesOfKind(copy, 'ec2Instance')[0]!;
  copy.resources[server.id] = { ...server, name: 'Front door' };
  return copy;
}

function withNat(design: Design): Design {
  const copy = structuredClone(design);
  const subnet = resourcesOfKind(copy, 'subnet')[0]!;
  copy.resources['eipalloc-nat'] = {
    kind: 'elasticIp',
    id: 'eipalloc-nat',
    name: 'NAT address',
    publicIp: '203.0.113.60',
  } as Resource;
  copy.resources['nat-added'] = {
    kind: 'natGateway',
    id: 'nat-added',
    name: 'Added NAT',
    subnetId: subnet.id,
    elasticIpId: 'eipalloc-nat',
    privateIp: '10.0.1.60',
  } as Resource;
  return copy;
}

let dir = '';
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nimbus-diff-'));
  const write = (name: string, design: Design) => writeFile(file(name), JSON.stringify(design));
  await write('before.json', base());
  await write('ssh.json', withSshOpen(base()));
  await write('renamed.json', renamed(base()));
  await write('nat.json', withNat(base()));
});

describe('nimbus diff', () => {
  it('exits 1 with --fail-on internet-exposure when a change opens TCP 22 from 0.0.0.0/0, naming the path', async () => {
    const { code, out, err } = await run(
      'diff',
      file('before.json'),
      file('ssh.json'),
      '--fail-on',
      'internet-exposure',
    );
    expect(code).toBe(1);
    const server = resourcesOfKind(base(), 'ec2Instance')[0]!;
    const path = `internet → ${server.name} (${server.id}) TCP 22`;
    expect(out).toContain('Paths opened: 1');
    expect(out).toContain(`${path} (new internet path); opened by web: TCP 22 from 0.0.0.0/0`);
    expect(out).toMatch(/new SSH_OPEN_TO_INTERNET/);
    expect(err).toBe(`nimbus diff: fail-on internet-exposure: 1 new internet path: ${path}`);
    for (const section of ['Resources:', 'Paths opened:', 'Paths closed:', 'Exposure:', 'Findings:', 'Cost:'])
      expect(out).toContain(section);
  });

  it('exits 0 for the same change without --fail-on, and the JSON lists the path with its rule', async () => {
    const { code, out } = await run('diff', file('before.json'), file('ssh.json'), '--json');
    expect(code).toBe(0);
    const diff = JSON.parse(out) as {
      paths: { opened: { port: number; sourceKind: string; rule: { text: string } }[] };
      failures: string[];
    };
    expect(diff.paths.opened).toMatchObject([
      { port: 22, sourceKind: 'internet', rule: { text: 'web: TCP 22 from 0.0.0.0/0' } },
    ]);
    expect(diff.failures).toEqual([]);
  });

  it('exits 0 for a rename, with every condition asked for', async () => {
    const { code, out, err } = await run(
      'diff',
      file('before.json'),
      file('renamed.json'),
      '--fail-on',
      'internet-exposure,new-errors,cost-increase:20',
    );
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('Resources: 0 added, 0 removed, 1 changed');
    expect(out).toMatch(/~ ec2Instance Front door \(i-\d+\): name \(was named "Web server"\)/);
    expect(out).toContain('Paths opened: 0');
    expect(out).toContain('Paths closed: 0');
    expect(out).toContain('Cost: ');
    expect(out).toMatch(/a month, \$0\.00 \(0\.0 %\)/);
  });

  it("gives adding a NAT gateway's monthly cost delta, and fails cost-increase:20 on it", async () => {
    const { code, out, err } = await run(
      'diff',
      file('before.json'),
      file('nat.json'),
      '--fail-on',
      'cost-increase:20',
    );
    // NAT gateway $0.045/h × 730 h = $32.85 and its Elastic IP's public IPv4 $0.005/h × 730 h = $3.65
    // (https://aws.amazon.com/vpc/pricing/, domain/catalogs/prices.ts).
    expect(out).toContain('Added NAT (nat-added): $0.00 → $32.85 (+$32.85)');
    expect(out).toContain('NAT address (eipalloc-nat): $0.00 → $3.65 (+$3.65)');
    expect(out).toMatch(/a month, \+\$36\.50 \(\+\d+\.\d %\)/);
    expect(code).toBe(1);
    expect(err).toMatch(/^nimbus diff: fail-on cost-increase:20: the monthly cost rose \+\d+\.\d %/);
    // A threshold above the rise passes.
    expect((await run('diff', file('before.json'), file('nat.json'), '--fail-on', 'cost-increase:100000')).code).toBe(
      0,
    );
  });

  it('reads share links as either side', async () => {
    const link = shareUrl(withSshOpen(base()), 'view', 'https://nimbus.example/');
    const { code, out } = await run('diff', file('before.json'), link, '--fail-on', 'internet-exposure');
    expect(code).toBe(1);
    expect(out).toContain('Paths opened: 1');
  });

  it('reads both sides from one what-if link', async () => {
    const link = whatIfUrl(base(), withSshOpen(base()), 'https://nimbus.example/');
    const { code, out } = await run('diff', link, '--fail-on', 'internet-exposure');
    expect(code).toBe(1);
    expect(out).toContain('Paths opened: 1');
    expect(await run('diff', link.replace('~n1.', '~n1.x'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('the what-if link could not be opened'),
    });
  });

  it('exits 2 on bad input: a missing file, one plain design alone, an unknown condition', async () => {
    expect(await run('diff', file('before.json'), file('nope.json'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('no such file'),
    });
    expect(await run('diff', file('before.json'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('holds one design'),
    });
    expect(await run('diff', file('before.json'), file('ssh.json'), '--fail-on', 'ssh')).toMatchObject({
      code: 2,
      err: expect.stringContaining('"ssh" is not a condition'),
    });
    expect((await run('diff')).code).toBe(2);
  });
  describe('a Terraform plan of counted instances in public subnets, SSH open to 0.0.0.0/0', () => {
    // Both instances leave associate_public_ip_address and private_ip to AWS (unknown in the plan);
    // their subnets have map_public_ip_on_launch = true.
    const plan = 'src/share/terraform/fixtures/counted-plan.json';

    it('fails internet-exposure, naming each path: the subnet gives the instances public addresses', async () => {
      const { code, err } = await run('diff', plan, '--fail-on', 'internet-exposure');
      expect(code).toBe(1);
      expect(err).toContain('nimbus diff: fail-on internet-exposure: 2 new internet paths: ');
      expect(err).toContain('internet → web0 (i-web_0) TCP 22');
      expect(err).toContain('internet → web1 (i-web_1) TCP 22');
    });

    it('passes new-errors: a private address AWS assigns at launch is not an error', async () => {
      const { code, out, err } = await run('diff', plan, '--fail-on', 'new-errors');
      expect(out).not.toContain('PRIVATE_IP_INVALID');
      expect(err).toContain('aws_instance.web[0].private_ip: assigned at launch; Nimbus picked 10.0.0.4');
      expect(code).toBe(0);
    });
  });

  it('reads a repeated --fail-on as all of its conditions, not only the last', async () => {
    // The change opens SSH and costs nothing more: only the first condition is met.
    const { code, err } = await run(
      'diff',
      file('before.json'),
      file('ssh.json'),
      '--fail-on',
      'internet-exposure',
      '--fail-on',
      'cost-increase:99999',
    );
    expect(code).toBe(1);
    expect(err).toMatch(/^nimbus diff: fail-on internet-exposure: 1 new internet path: /);
    expect(err).not.toContain('fail-on cost-increase');
  });
});

describe('readFailOn', () => {
  it('reads the list, with cost-increase alone meaning any rise', () => {
    expect(readFailOn('internet-exposure,new-errors,cost-increase:20')).toEqual({
      ok: true,
      conditions: [{ kind: 'internet-exposure' }, { kind: 'new-errors' }, { kind: 'cost-increase', percent: 20 }],
    });
    expect(readFailOn('cost-increase')).toEqual({ ok: true, conditions: [{ kind: 'cost-increase', percent: 0 }] });
    for (const bad of ['cost-increase:', 'cost-increase:-5', 'cost-increase:1e3', ''])
      expect(readFailOn(bad).ok).toBe(false);
  });
});
