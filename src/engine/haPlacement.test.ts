import { describe, expect, it } from 'vitest';
import { getResource, idSourceFor, resourcesOfKind, type Design } from '../domain';
import { highlyAvailableWebApp } from '../scenarios/haTemplates';
import { createForDrop } from './placement';

const design = highlyAvailableWebApp();
const vpc = resourcesOfKind(design, 'vpc')[0]!;
const subnet = (name: string) => resourcesOfKind(design, 'subnet').find((s) => s.name === name)!;
const drop = (d: Design, kind: Parameters<typeof createForDrop>[1]['kind'], on: string, variant?: 'network') =>
  createForDrop(d, { kind, ...(variant ? { variant } : {}) }, d.resources[on], idSourceFor(d));
const zonesOf = (d: Design, ids: readonly string[]) => new Set(ids.map((id) => getResource(d, id, 'subnet')?.azId));

describe('dropping the pieces of a highly available design', () => {
  it('puts an ALB in one subnet of each zone, with its target group, listener and group', () => {
    const placed = drop(design, 'loadBalancer', vpc.id);
    expect(placed.ok).toBe(true);
    if (!placed.ok) return;
    const lb = placed.resources.find((r) => r.kind === 'loadBalancer')!;
    const group = placed.resources.find((r) => r.kind === 'targetGroup')!;
    expect(
      lb.kind === 'loadBalancer' &&
        zonesOf(
          design,
          lb.subnetMappings.map((m) => m.subnetId),
        ).size,
    ).toBe(2);
    expect(lb.kind === 'loadBalancer' && lb.listeners).toEqual([
      { protocol: 'HTTP', port: 80, targetGroupId: group.id },
    ]);
    expect(placed.resources.map((r) => r.kind).sort()).toEqual(['loadBalancer', 'securityGroup', 'targetGroup']);
  });

  it('makes an NLB on TCP without a security group', () => {
    const placed = drop(design, 'loadBalancer', vpc.id, 'network');
    expect(placed.ok && placed.resources.map((r) => r.kind).sort()).toEqual(['loadBalancer', 'targetGroup']);
  });

  it('brings an Auto Scaling group with its own launch template, spread over the VPC’s zones', () => {
    const placed = drop(design, 'autoScalingGroup', vpc.id);
    expect(placed.ok && placed.resources.map((r) => r.kind)).toEqual(['autoScalingGroup', 'launchTemplate']);
    const group = placed.ok ? placed.resources[0] : undefined;
    expect(group?.kind === 'autoScalingGroup' && zonesOf(design, group.subnetIds).size).toBe(2);
  });

  it('places an RDS instance only in a subnet its VPC’s DB subnet group holds', () => {
    const placed = drop(design, 'dbInstance', subnet('DB B').id);
    expect(placed.ok && placed.resources[0]).toMatchObject({ kind: 'dbInstance', subnetId: subnet('DB B').id });
    const refused = drop(design, 'dbInstance', subnet('Public A').id);
    expect(refused).toEqual({ ok: false, reason: 'Add a DB subnet group holding Public A to the VPC first.' });
    expect(drop(design, 'dbInstance', vpc.id).ok).toBe(false);
  });

  it('refuses a target group or DB subnet group outside a VPC', () => {
    const region = resourcesOfKind(design, 'region')[0]!;
    expect(drop(design, 'targetGroup', region.id).ok).toBe(false);
    expect(drop(design, 'dbSubnetGroup', vpc.id).ok).toBe(true);
  });
});
