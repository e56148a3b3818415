import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DbInstance, Design } from '../../domain';
import { haDesign } from '../../sim/testing/haDesign';
import { run } from '../testing/runCli';
import { TEMPLATES } from '../../scenarios/templates';

async function fileWith(design: unknown): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'nimbus-simulate-')), 'design.json');
  await writeFile(file, JSON.stringify(design));
  return file;
}

/** Two zones, a group of 4 behind an ALB, a Multi-AZ database, a flow to the internet and one from it to the ALB; zone a fails at 10 min. */
function withZoneOutage(): Design {
  const design = haDesign({
    natPerZone: true,
    group: { desiredCapacity: 4 },
    database: {
      multiAz: true,
      standbySubnetId: 'subnet-priv-b' as DbInstance['subnetId'],
      standbyPrivateIp: '10.0.11.50',
    },
    flows: [
      { id: 'out', from: 'app-b', to: 'internet', port: 443, ratePerSecond: 5 },
      { id: 'web', from: 'internet', to: 'elb-web', port: 80, ratePerSecond: 10 },
    ],
  });
  return {
    ...design,
    simulation: {
      ...design.simulation!,
      faults: [{ at: 600, fault: 'zoneOutage', zoneId: 'az-1', durationSeconds: 900 }],
    },
  };
}

describe('nimbus simulate with faults', () => {
  it('gives byte-identical --json output for the same design and seed', async () => {
    const file = await fileWith(withZoneOutage());
    const first = await run('simulate', file, '--duration', '2400', '--seed', '7', '--json');
    const second = await run('simulate', file, '--duration', '2400', '--seed', '7', '--json');
    expect(first.code).toBe(0);
    expect(second.out).toBe(first.out);
    const summary = JSON.parse(first.out) as { log: Array<{ text: string }>; databases: Array<{ failovers: number }> };
    expect(summary.databases[0]!.failovers).toBe(1);
    expect(summary.log.some((l) => l.text.startsWith('Fault: Availability Zone us-east-1a is down.'))).toBe(true);
    // Through the ALB: zone a's two targets take half the requests until its health checks (600 s, 630 s) fail
    // them: 30 s × 5 requests lost of 24,000, recovered 29 s after the first failed second.
    const web = (JSON.parse(first.out) as { flows: Array<Record<string, unknown>> }).flows.find((f) => f.id === 'web')!;
    expect(web).toMatchObject({ sent: 24000, delivered: 23850, availabilityPercent: 99.375, recoverySeconds: 29 });
    const other = await run('simulate', file, '--duration', '2400', '--seed', '8', '--json');
    expect(other.out).not.toBe(first.out);
  });

  it('prints each flow’s availability and recovery (a dash when not measured), groups and databases', async () => {
    const { code, out } = await run('simulate', await fileWith(withZoneOutage()), '--duration', '2400');
    expect(code).toBe(0);
    expect(out).toMatch(
      /^ {2}flow internet → elb-web: 24,000 sent, 23,850 delivered.*\n {4}availability 99\.375 %, recovery 29 s$/m,
    );
    expect(out).toMatch(/^ {2}flow app-b → internet: .*\n {4}availability 100 %, recovery –$/m);
    expect(out).toMatch(
      /^ {2}group web-asg: 4 in service \(min 2, desired 4, max 4\), \d+ launched in all; 2 in us-east-1a, 2 in us-east-1b$/m,
    );
    expect(out).toMatch(/^ {2}database app-db: available \(standby serving\), 1 failovers, \$\d+\.\d+$/m);
  });
});

describe('nimbus simulate with EKS', () => {
  it('prints the control plane, the node group’s nodes with their cost, and each deployment’s pods', async () => {
    const eks = TEMPLATES.find((t) => t.id === 'eks')!.build();
    const { code, out } = await run('simulate', await fileWith(eks), '--duration', '3600');
    expect(code).toBe(0);
    expect(out).toContain('  EKS cluster platform: control plane $0.1000/h');
    // Three m7g.large nodes for an hour: USD 0.0816 each, plus the node group's 20 GiB root volume and a public
    // IPv4 (see sim/eks.test.ts).
    expect(out).toContain('    node group app-nodes: 3 of 3 nodes running, $0.2664');
    expect(out).toContain('    deployment web: 3 of 3 pods running on nodes');
  });
});
