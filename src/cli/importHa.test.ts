import { cp, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesignJson, resourcesOfKind } from '../domain';
import { run } from './testing/runCli';

const HA = 'src/share/fixtures/ha';

describe('nimbus reads load balancers, Auto Scaling groups and RDS from a directory of AWS JSON', () => {
  it('import-aws writes them to the design and prints what it did not model', async () => {
    const output = join(await mkdtemp(join(tmpdir(), 'nimbus-ha-')), 'design.json');
    const imported = await run('import-aws', HA, '-o', output);
    expect(imported.code).toBe(0);
    expect(imported.err).toContain(
      'note: load balancer inspect-gwlb: a gateway load balancer, which Nimbus does not model',
    );
    expect(imported.err).toContain(
      'note: DB cluster reports-aurora (aurora-mysql): 1 instance (reports-aurora-1) skipped',
    );
    const parsed = parseDesignJson(await readFile(output, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const kinds = (k: Parameters<typeof resourcesOfKind>[1]) => resourcesOfKind(parsed.design, k).map((r) => r.name);
    expect(kinds('loadBalancer')).toEqual(['web-alb', 'api-nlb']);
    expect(kinds('targetGroup')).toEqual(['web-tg', 'api-tg']);
    expect(kinds('autoScalingGroup')).toEqual(['web-asg']);
    expect(kinds('launchTemplate')).toEqual(['web-template']);
    expect(kinds('dbSubnetGroup')).toEqual(['shop-db-subnets']);
    expect(kinds('dbInstance')).toEqual(['shop-db', 'shop-db-replica']);
    expect((await run('validate', output)).code).toBe(0);
  });

  it('validate reads the directory itself, with the same result', async () => {
    const { code, out } = await run('validate', HA, '--json');
    expect(code).toBe(0);
    const { findings } = JSON.parse(out) as { findings: Array<{ severity: string }> };
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a malformed load balancer file is refused (exit 2), naming the file and field, and nothing is written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nimbus-ha-bad-'));
    await cp(HA, dir, { recursive: true });
    await writeFile(
      join(dir, 'load-balancers.json'),
      JSON.stringify({ LoadBalancers: [{ LoadBalancerName: 'web-alb' }] }),
    );
    const refused = await run('import-aws', dir, '-o', join(dir, 'design-out.json'));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      'load-balancers.json: LoadBalancers.0.LoadBalancerArn: Invalid input: expected string, received undefined',
    );
    expect(await stat(join(dir, 'design-out.json')).catch(() => null)).toBeNull();
  });
});
