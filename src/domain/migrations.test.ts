import { describe, expect, it } from 'vitest';
import { autoAssignedPublicIpv4 } from './kinds/ec2Instance';
import { migrateToCurrent } from './migrations';

const instance = (id: string, extra: Record<string, unknown>) => ({
  kind: 'ec2Instance',
  id,
  name: id,
  subnetId: 'subnet-1',
  amiId: 'ami-1',
  instanceType: 't3.micro',
  privateIp: '10.0.1.10',
  securityGroupIds: [],
  ...extra,
});

describe('version 1 → 2: public IPv4 addresses', () => {
  const v1 = {
    format: 'nimbus-design',
    version: 1,
    name: 'old',
    resources: {
      'i-run': instance('i-run', { publicIp: true, state: 'running' }),
      'i-stopped': instance('i-stopped', { publicIp: true, state: 'stopped' }),
      'i-eip': instance('i-eip', { publicIp: true, elasticIpId: 'eipalloc-1' }),
      'i-private': instance('i-private', { publicIp: false }),
      'vpc-1': { kind: 'vpc', id: 'vpc-1' },
    },
    layout: {},
    setAside: { resources: { 'i-aside': instance('i-aside', { publicIp: true }) }, layout: {} },
  };

  it('gives each instance that holds an auto-assigned public IPv4 its address, and no one else one', () => {
    const migrated = migrateToCurrent(v1);
    if (!migrated.ok) throw new Error(migrated.error);
    const resources = migrated.doc.resources as Record<string, Record<string, unknown>>;
    expect(migrated.doc.version).toBe(2);
    expect(resources['i-run']!.publicIpAddress).toBe(autoAssignedPublicIpv4('i-run'));
    expect(resources['i-run']!.publicIpAddress).toMatch(/^18\.21[6-9]\.\d+\.\d+$/);
    // Stopped: AWS released it; an Elastic IP takes its place; none asked for.
    expect(resources['i-stopped']!.publicIpAddress).toBeNull();
    expect(resources['i-eip']!.publicIpAddress).toBeNull();
    expect(resources['i-private']!.publicIpAddress).toBeNull();
    expect(resources['vpc-1']).toEqual({ kind: 'vpc', id: 'vpc-1' });
    const aside = (migrated.doc.setAside as { resources: Record<string, Record<string, unknown>> }).resources;
    expect(aside['i-aside']!.publicIpAddress).toBe(autoAssignedPublicIpv4('i-aside'));
  });

  it('is deterministic: the same document always gets the same addresses', () => {
    expect(migrateToCurrent(v1)).toEqual(migrateToCurrent(structuredClone(v1)));
  });

  it('keeps an address a document already carries', () => {
    const doc = { ...v1, resources: { a: instance('a', { publicIp: true, publicIpAddress: '18.216.80.133' }) } };
    const migrated = migrateToCurrent(doc);
    expect(
      migrated.ok && (migrated.doc.resources as Record<string, { publicIpAddress: string }>).a!.publicIpAddress,
    ).toBe('18.216.80.133');
  });
});
