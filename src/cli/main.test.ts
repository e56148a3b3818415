import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type Design } from '../domain';
import { TEMPLATES } from '../scenarios/templates';
import { challengeUrl, shareUrl } from '../share/links';
import { findLesson } from '../scenarios/learn/lessons';
import { run } from './testing/runCli';
import { SUBCOMMANDS } from './subcommands';

describe('nimbus cidr', () => {
  it('prints the block with its reserved addresses as JSON', async () => {
    const { code, out } = await run('cidr', '10.0.1.0/24', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      network: '10.0.1.0',
      broadcast: '10.0.1.255',
      prefix: 24,
      size: 256,
      usable: 251,
      firstUsable: '10.0.1.4',
      lastUsable: '10.0.1.254',
      reserved: [
        { address: '10.0.1.0', role: 'network address' },
        { address: '10.0.1.1', role: 'VPC router' },
        { address: '10.0.1.2', role: 'Amazon DNS' },
        { address: '10.0.1.3', role: 'reserved for future use' },
        { address: '10.0.1.255', role: 'last address (no broadcast in a VPC)' },
      ],
    });
  });

  it('prints a readable table without --json', async () => {
    const { out } = await run('cidr', '10.0.0.16/28');
    expect(out).toMatch(/Usable\s+11/);
    expect(out).toMatch(/10\.0\.0\.17\s+VPC router/);
  });

  it.each(['10.0.0.0/33', '10.0.0.1/24', '300.1.1.1/8', ''])('exits 2 with one line on stderr for %j', async (text) => {
    const { code, err, out } = await run('cidr', text);
    expect(code).toBe(2);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(/^nimbus cidr: /);
    expect(out).toBe('');
  });
});

describe('nimbus validate', () => {
  it('exits 1 and lists the overlap as JSON findings', async () => {
    const { code, out } = await run('validate', 'examples/overlapping-subnets.json', '--json');
    expect(code).toBe(1);
    const { findings } = JSON.parse(out) as {
      findings: Array<{ severity: string; code: string; resourceId: string; message: string }>;
    };
    expect(
      findings
        .filter((f) => f.code === 'SUBNET_OVERLAP')
        .map((f) => f.resourceId)
        .sort(),
    ).toEqual(['subnet-1', 'subnet-2']);
    expect(Object.keys(findings[0] ?? {}).sort()).toEqual(['code', 'message', 'resourceId', 'severity']);
  });

  it('exits 0 for a design without problems', async () => {
    const { code, out } = await run('validate', 'examples/public-private.json');
    expect(code).toBe(0);
    expect(out).toContain('no problems found');
  });

  it('exits 2 for a missing file and for a broken one', async () => {
    expect(await run('validate', 'examples/nope.json')).toMatchObject({
      code: 2,
      err: expect.stringContaining('no such file'),
    });
    expect(await run('validate', 'package.json')).toMatchObject({
      code: 2,
      err: expect.stringContaining('is not a valid Nimbus design'),
    });
  });

  it('reads a share link in place of a file, and explains a damaged one', async () => {
    const design = JSON.parse(await readFile('examples/overlapping-subnets.json', 'utf8')) as Design;
    const link = shareUrl(design, 'view', 'https://nimbus.example/');
    expect(await run('validate', link)).toMatchObject({ code: 1 });
    expect(await run('validate', link.slice(0, -20))).toMatchObject({
      code: 2,
      err: expect.stringContaining('the share link could not be opened'),
    });
  });

  it('reads a challenge link as its starting design', async () => {
    const lesson = findLesson('nacl-vs-sg')!;
    const link = challengeUrl(lesson, 'https://nimbus.example/');
    const { code, out } = await run('reach', link, '--from', 'internet', '--to', 'web-1', '--port', '443');
    expect(code).toBe(1);
    expect(out).toContain('SUBNET_ACL_RESTRICTION');
    expect(await run('validate', link.replace('#learn=n1.', '#learn=n1.x'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('the challenge link could not be opened'),
    });
  });

  it('exits 2 on unknown commands and options', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('cidr', '10.0.0.0/16', '--yaml')).code).toBe(2);
  });
});

describe('the installed nimbus command', () => {
  it('runs under Node with the right exit status and streams', async () => {
    const exec = promisify(execFile);
    const ok = await exec('node', ['bin/nimbus.mjs', 'cidr', '10.0.0.0/16', '--json']);
    expect(JSON.parse(ok.stdout)).toMatchObject({ usable: 65531 });
    const bad = await exec('node', ['bin/nimbus.mjs', 'cidr', '10.0.0.0/33']).catch(
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    // Two Node processes that each load the TypeScript sources through tsx: seconds on a busy machine.
  }, 30_000);
});

describe('nimbus reach', () => {
  it('exits 1 with the blocking hop when the internet asks for the private app server on 22', async () => {
    const { code, out } = await run(
      'reach',
      'examples/two-tier.json',
      '--from',
      'internet',
      '--to',
      'App A',
      '--port',
      '22',
      '--json',
    );
    expect(code).toBe(1);
    const result = JSON.parse(out) as {
      reachable: boolean;
      forward: Array<Record<string, unknown>>;
      return: unknown[];
      blockedBy: Record<string, unknown>;
    };
    expect(result.reachable).toBe(false);
    expect(result.blockedBy).toEqual({
      component: 'Internet gateway',
      id: 'igw-1',
      code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS',
    });
    expect(Object.keys(result.forward[0]!).sort()).toEqual(['component', 'decision', 'explanation', 'id', 'rule']);
  });

  it('exits 0 for the public web server on 443 and prints the hops', async () => {
    const { code, out } = await run(
      'reach',
      'examples/two-tier.json',
      '--from',
      'internet',
      '--to',
      'web a',
      '--port',
      '443',
    );
    expect(code).toBe(0);
    expect(out).toContain('Forward:');
    expect(out).toContain('web: TCP 443 from 0.0.0.0/0');
  });

  it('accepts an id and an address, and exits 2 on bad input', async () => {
    expect(
      (await run('reach', 'examples/two-tier.json', '--from', 'i-3', '--to', '198.51.100.9', '--port', '443')).code,
    ).toBe(0);
    expect(await run('reach', 'examples/two-tier.json', '--from', 'nobody', '--to', 'internet')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--from: no resource'),
    });
    expect(
      await run('reach', 'examples/two-tier.json', '--from', 'internet', '--to', 'Web A', '--port', '70000'),
    ).toMatchObject({ code: 2 });
    expect(
      await run('reach', 'examples/two-tier.json', '--from', 'internet', '--to', 'Web A', '--protocol', 'sctp'),
    ).toMatchObject({ code: 2 });
    expect(await run('reach', 'examples/missing.json', '--from', 'internet', '--to', 'Web A')).toMatchObject({
      code: 2,
      err: expect.stringContaining('no such file'),
    });
  });
});

describe('nimbus exposure', () => {
  it('lists what the internet reaches and exits 0 when nothing risky is open', async () => {
    const { code, out } = await run('exposure', 'examples/two-tier.json', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as {
      entries: Array<{ instanceName: string; source: string; ports: number[] }>;
      findings: unknown[];
    };
    expect(report.entries.find((e) => e.instanceName === 'Web A' && e.source === 'the internet')?.ports).toEqual([
      80, 443,
    ]);
    expect(report.findings).toEqual([]);
  });
});

describe('nimbus import-aws', () => {
  const fixture = 'src/share/fixtures/aws-public-private';

  it('writes a design that opens and answers reachability like the original', async () => {
    const output = join(await mkdtemp(join(tmpdir(), 'nimbus-')), 'design.json');
    const imported = await run('import-aws', fixture, '-o', output);
    expect(imported.code).toBe(0);
    expect(imported.err).toContain('note: unknown.json: ignored "FlowLogs"');
    expect((await run('validate', output)).code).toBe(0);
    expect((await run('reach', output, '--from', 'internet', '--to', 'web-1', '--port', '443')).code).toBe(0);
    expect(
      (await run('reach', fixture, '--from', 'internet', '--to', 'i-0eeeeffff00001111', '--port', '8080')).code,
    ).toBe(1);
    expect(
      (await run('reach', fixture, '--from', '203.0.113.9', '--to', '198.51.100.23', '--port', '22', '--json')).out,
    ).toContain('SUBNET_ACL_RESTRICTION');
    // Its private address is not on the internet at all.
    expect(
      (await run('reach', fixture, '--from', '203.0.113.9', '--to', '10.20.1.10', '--port', '22', '--json')).out,
    ).toContain('IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS');
  });

  it('exits 2 for a path that is not a directory', async () => {
    expect(await run('import-aws', 'package.json')).toMatchObject({
      code: 2,
      err: expect.stringContaining('not a directory'),
    });
  });
});

describe('nimbus simulate', () => {
  it('runs headless and prints the same summary for the same seed', async () => {
    const first = await run('simulate', 'examples/lambda-spike.json', '--duration', '300', '--seed', '4', '--json');
    const second = await run('simulate', 'examples/lambda-spike.json', '--duration', '300', '--seed', '4', '--json');
    expect(first.code).toBe(0);
    expect(first.out).toBe(second.out);
    const summary = JSON.parse(first.out) as {
      functions: Array<{ name: string; throttles: number; invocations: number }>;
    };
    expect(summary.functions[0]).toMatchObject({ name: 'checkout' });
    expect(summary.functions[0]!.throttles).toBeGreaterThan(0);
  });

  it('counts each flow’s requests, in text and JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nimbus-flows-'));
    const file = join(dir, 'web.json');
    const design = TEMPLATES.find((t) => t.id === 'single-web-server')!.build();
    await writeFile(file, JSON.stringify(design));
    const text = await run('simulate', file, '--duration', '10');
    expect(text.code).toBe(0);
    expect(text.out).toContain(
      'flow Internet users → Web server :443: 500 sent, 500 delivered, 0 dropped on the way, 0 on the way back; round trip 40.35 ms',
    );
    const json = await run('simulate', file, '--duration', '10', '--json');
    expect(JSON.parse(json.out).flows).toEqual([
      {
        id: 'flow-1',
        name: 'Internet users → Web server :443',
        sent: 500,
        delivered: 500,
        droppedForward: 0,
        droppedReturn: 0,
        droppedBy: {},
        lastRttMs: 40.35,
        availabilityPercent: 100,
        recoverySeconds: null,
      },
    ]);
  });

  it('exits 2 without a valid duration', async () => {
    expect(await run('simulate', 'examples/lambda-spike.json')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--duration'),
    });
  });
});

describe('the table of subcommands', () => {
  it('prints --help from the table, every command with its usage line, on stdout with exit 0', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const { code, out, err } = await run(flag);
      expect(code).toBe(0);
      expect(err).toBe('');
      for (const command of SUBCOMMANDS) expect(out).toContain(`nimbus ${command.usage}`);
    }
  });

  it('answers an unknown command with the same table on stderr and exit 2', async () => {
    const { code, out, err } = await run('frobnicate');
    expect(out).toBe('');
    expect(err.split('\n')[0]).toBe('nimbus: unknown command "frobnicate"');
    for (const command of SUBCOMMANDS) expect(err).toContain(`nimbus ${command.usage}`);
    expect(code).toBe(2);
    expect(await run()).toMatchObject({ code: 2, out: expect.stringContaining('nimbus cidr <cidr>') });
  });
});
