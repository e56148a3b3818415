import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Design, Ec2Instance, ElasticIp, NetworkAcl, SecurityGroup, Subnet } from '../../domain';
import { networkAclForSubnet } from '../topology';
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

  it('answers once for twins, but apart for an instance whose Elastic IP is gone', () => {
    const webA = Object.values(design.resources).find(
      (r): r is Ec2Instance => r.kind === 'ec2Instance' && r.name === 'Web A',
    )!;
    const twins = produce(design, (d) => {
      d.resources['i-twin'] = { ...webA, id: 'i-twin' as Ec2Instance['id'], name: 'Twin', privateIp: '10.0.0.11' };
      // One with an Elastic IP, then one naming an Elastic IP that was released: no public address, so the
      // internet can't reach it, whatever the first one answered.
      d.resources['eipalloc-kept'] = {
        kind: 'elasticIp',
        id: 'eipalloc-kept' as ElasticIp['id'],
        name: 'Kept',
        publicIp: '198.51.100.7',
      };
      d.resources['i-elastic'] = {
        ...webA,
        id: 'i-elastic' as Ec2Instance['id'],
        name: 'Elastic',
        privateIp: '10.0.0.13',
        publicIp: false,
        elasticIpId: 'eipalloc-kept' as Ec2Instance['elasticIpId'],
      };
      d.resources['i-gone'] = {
        ...webA,
        id: 'i-gone' as Ec2Instance['id'],
        name: 'Gone',
        privateIp: '10.0.0.12',
        publicIp: false,
        elasticIpId: 'eipalloc-gone' as Ec2Instance['elasticIpId'],
      };
    });
    const report = analyzeExposure(twins);
    const fromInternet = (id: string) =>
      report.entries.find((e) => e.instanceId === id && e.sourceKind === 'internet')?.ports;
    expect(fromInternet('i-twin')).toEqual([80, 443]);
    expect(fromInternet('i-elastic')).toEqual([80, 443]);
    expect(fromInternet('i-gone')).toBeUndefined();
    // The twin cost no analysis of its own: the same count as without it.
    const withoutTwin = produce(twins, (d) => {
      delete d.resources['i-twin'];
    });
    expect(report.queries).toBe(analyzeExposure(withoutTwin).queries);
  });

  it('tells apart twins that a CIDR rule in the source subnet tells apart (its ACL reads the address sent to)', () => {
    const webA = Object.values(design.resources).find(
      (r): r is Ec2Instance => r.kind === 'ec2Instance' && r.name === 'Web A',
    )!;
    const publicB = Object.values(design.resources).find(
      (r): r is Subnet => r.kind === 'subnet' && r.name === 'Public B',
    )!;
    // Web A's twin at 10.0.0.11, and Public B's ACL denying anything out to that one address.
    const crowded = produce(design, (d) => {
      d.resources['i-twin'] = { ...webA, id: 'i-twin' as Ec2Instance['id'], name: 'Twin', privateIp: '10.0.0.11' };
      const acl = networkAclForSubnet(d as Design, publicB)!;
      (d.resources[acl.id] as NetworkAcl).outbound.unshift({
        ruleNumber: 50,
        protocol: 'all',
        ports: null,
        cidr: '10.0.0.11/32',
        action: 'deny',
      });
    });
    const report = analyzeExposure(crowded);
    const fromPublicB = (id: string) =>
      report.entries.find((e) => e.instanceId === id && e.source === 'Public B')?.ports;
    expect(fromPublicB(webA.id)).toEqual([80, 443]);
    expect(fromPublicB('i-twin')).toBeUndefined();
  });
});

describe('exposure and rules written with protocol numbers', () => {
  it('a TCP rule written as protocol 6 opens its ports like one written as tcp', () => {
    const base = TEMPLATES.find((t) => t.id === 'two-tier')!.build();
    const numbered = produce(base, (d) => {
      const web = Object.values(d.resources).find(
        (r): r is SecurityGroup => r.kind === 'securityGroup' && r.name === 'web',
      )!;
      web.inbound.push(
        { protocol: 6, ports: { from: 8500, to: 8500 }, peer: { type: 'cidr', cidr: '0.0.0.0/0' }, description: '' },
        { protocol: 6, ports: { from: 8400, to: 8400 }, peer: { type: 'cidr', cidr: '10.0.0.0/8' }, description: '' },
      );
    });
    const fromInternet = (report: ReturnType<typeof analyzeExposure>) =>
      report.entries.filter((e) => e.source === 'the internet').map((e) => e.ports);
    expect(fromInternet(analyzeExposure(numbered))[0]).toContain(8500);
    expect(fromInternet(analyzeExposure(numbered))).toEqual(fromInternet(analyzeExposure(numbered, { perPort: true })));
  });
});
