import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { SecurityGroup } from '../../domain';
import { TEMPLATES } from '../../scenarios/templates';
import { analyzeExposure } from './exposure';

describe('analyzeExposure', () => {
  const design = TEMPLATES.find((t) => t.id === 'two-tier')!.build();

  it('lists what each source reaches: the web tier from the internet, the app tier only from inside', () => {
    const report = analyzeExposure(design);
    const row = (name: string, source: string) =>
      report.entries.find((e) => e.instanceName === name && e.source === source)?.ports;
    expect(row('Web A', 'the internet')).toEqual([80, 443]);
    expect(row('App A', 'the internet')).toBeUndefined();
    // The app group admits members of the web group only, not any host in a subnet.
    expect(row('App A', 'Public A')).toBeUndefined();
    expect(report.findings).toEqual([]);
  });

  it('flags SSH and databases open to the internet', () => {
    const open = produce(design, (d) => {
      const web = Object.values(d.resources).find(
        (r): r is SecurityGroup => r.kind === 'securityGroup' && r.name === 'web',
      )!;
      web.inbound.push({
        protocol: 'tcp',
        ports: { from: 22, to: 22 },
        peer: { type: 'cidr', cidr: '0.0.0.0/0' },
        description: '',
      });
      web.inbound.push({
        protocol: 'tcp',
        ports: { from: 3306, to: 3306 },
        peer: { type: 'cidr', cidr: '0.0.0.0/0' },
        description: '',
      });
    });
    const codes = analyzeExposure(open).findings.map((f) => `${f.code} ${f.resourceId}`);
    expect(codes).toEqual(expect.arrayContaining(['SSH_OPEN_TO_INTERNET i-1', 'DATABASE_OPEN_TO_INTERNET i-1']));
    expect(codes.some((c) => c.endsWith('i-2'))).toBe(false);
  });
});
