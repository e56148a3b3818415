import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../domain';
import { haDesign, tcpFrom } from '../../engine/testing/haDesign';
import { run } from '../testing/runCli';

async function designFile(design: Design): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'nimbus-reach-lb-'));
  const file = join(dir, 'design.json');
  await writeFile(file, JSON.stringify(design));
  return file;
}

describe('nimbus reach through a load balancer', () => {
  it('prints the listener, the target group and each target, hop by hop', async () => {
    const file = await designFile(haDesign());
    const { code, out, err } = await run('reach', file, '--from', 'internet', '--to', 'elb-web', '--port', '80');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('reaches web-lb on TCP 80');
    expect(out).toMatch(/forward +listener HTTP:80 of web-lb — HTTP:80 → forward to app-targets/);
    expect(out).toContain('forward target group app-targets');
    expect(out).toContain('Through the ALB: listener HTTP:80, target group tg-app');
    expect(out).toMatch(/App A \(i-[^)]+\): reachable/);
    expect(out).toMatch(/App B \(i-[^)]+\): reachable/);
  });

  it("answers per target in JSON, and exits 1 when the targets allow only the client's CIDR", async () => {
    const file = await designFile(haDesign({ appInbound: () => [tcpFrom(8080, '198.51.100.0/24')] }));
    const { code, out } = await run('reach', file, '--from', 'internet', '--to', 'web-lb', '--port', '80', '--json');
    expect(code).toBe(1);
    const answer = JSON.parse(out);
    expect(answer.blockedBy.code).toBe('ENI_SG_RULES_MISMATCH');
    expect(answer.loadBalancer).toMatchObject({ listener: 'HTTP:80', targetGroupId: 'tg-app', type: 'application' });
    expect(answer.loadBalancer.targets.map((t: { name: string; failure: string }) => [t.name, t.failure])).toEqual([
      ['App A', '504'],
      ['App B', '504'],
    ]);
  });

  it('lists in JSON the verdict through each node in service: here both get through', async () => {
    const file = await designFile(haDesign());
    const { code, out } = await run('reach', file, '--from', 'internet', '--to', 'elb-web', '--port', '80', '--json');
    expect(code).toBe(0);
    const targets = JSON.parse(out).loadBalancer.targets as Array<{
      legs: Array<{ nodeSubnetId: string; reachable: boolean; failure: string | null }>;
    }>;
    expect(targets).toHaveLength(2);
    for (const t of targets) {
      expect(t.legs.map((l) => [l.reachable, l.failure])).toEqual([
        [true, null],
        [true, null],
      ]);
      expect(new Set(t.legs.map((l) => l.nodeSubnetId)).size).toBe(2);
    }
  });

  it('names the missing listener', async () => {
    const file = await designFile(haDesign({ type: 'network', appInbound: () => [tcpFrom(8080, '0.0.0.0/0')] }));
    const { code, out } = await run('reach', file, '--from', 'internet', '--to', 'elb-web', '--port', '8443');
    expect(code).toBe(1);
    expect(out).toContain('ELB_LISTENERS_MISMATCH');
    expect(out).toContain('Through the NLB: listener none');
  });
});
