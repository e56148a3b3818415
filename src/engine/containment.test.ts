import { describe, expect, it } from 'vitest';
import { DesignBuilder, idSourceFor, sequentialIds, type Resource } from '../domain';
import { checkDrop, containerOf } from './containment';
import { createForDrop } from './placement';
import { validateDesign } from './validate';

function twoRegions() {
  const b = new DesignBuilder();
  const east = b.region('us-east-1');
  const west = b.region('us-west-2');
  const vpc = b.vpc(east, '10.0.0.0/16');
  const zone = b.zone(east, 'us-east-1a', vpc);
  const westZone = b.zone(west, 'us-west-2a');
  const subnet = b.subnet(vpc, zone, '10.0.1.0/24');
  return { design: b.build(), east, west, vpc: vpc.vpc, zone, westZone, subnet };
}

describe('containment', () => {
  const { design, east, vpc, zone, westZone, subnet } = twoRegions();

  it('derives containers: Region > VPC > zone > subnet', () => {
    expect(containerOf(design, subnet)?.id).toBe(zone.id);
    expect(containerOf(design, zone)?.id).toBe(vpc.id);
    expect(containerOf(design, vpc)?.id).toBe(east.id);
    expect(containerOf(design, east)).toBeUndefined();
  });

  it.each([
    ['ec2Instance', undefined, /An instance can't go on the open canvas; drop it inside a subnet/],
    ['subnet', undefined, /inside an Availability Zone/],
    ['subnet', 'vpc', /A subnet can't go in a VPC/],
    ['vpc', undefined, /inside a Region/],
    ['region', 'region', /on the open canvas/],
    ['ecsService', 'region', /inside an ECS cluster/],
  ] as const)('refuses %s in %s', (kind, where, reason) => {
    const container = where ? (Object.values(design.resources).find((r) => r.kind === where) as Resource) : undefined;
    const check = checkDrop(design, kind, container);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it('refuses a subnet in a zone that is not inside a VPC (a zone of another Region)', () => {
    expect(checkDrop(design, 'subnet', westZone)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/inside a VPC/),
    });
  });

  it.each([
    ['ec2Instance', 'subnet'],
    ['subnet', 'availabilityZone'],
    ['availabilityZone', 'vpc'],
    ['vpc', 'region'],
    ['internetGateway', 'vpc'],
  ] as const)('allows %s in %s', (kind, where) => {
    const container = Object.values(design.resources).find((r) => r.kind === where && r.id !== westZone.id);
    expect(checkDrop(design, kind, container)).toEqual({ ok: true });
  });
});

describe('createForDrop', () => {
  it('gives a new subnet the next free /24 and a new instance the first usable address and the default group', () => {
    const { design, zone, subnet } = twoRegions();
    const ids = sequentialIds();
    const newSubnet = createForDrop(design, { kind: 'subnet' }, zone, ids);
    expect(newSubnet.ok && newSubnet.resources[0]).toMatchObject({ kind: 'subnet', cidr: '10.0.0.0/24' });
    const instance = createForDrop(design, { kind: 'ec2Instance' }, subnet, ids);
    expect(instance.ok && instance.resources[0]).toMatchObject({
      kind: 'ec2Instance',
      privateIp: '10.0.1.4',
      securityGroupIds: ['sg-1'],
    });
  });

  it('makes a VPC with its defaults and a CIDR no other VPC uses, and the result validates', () => {
    const { design, east } = twoRegions();
    const made = createForDrop(design, { kind: 'vpc' }, east, idSourceFor(design));
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.resources.map((r) => r.kind)).toEqual(['vpc', 'routeTable', 'networkAcl', 'securityGroup']);
    expect(made.resources[0]).toMatchObject({ cidr: '10.1.0.0/16' });
    const merged = {
      ...design,
      resources: { ...design.resources, ...Object.fromEntries(made.resources.map((r) => [r.id, r])) },
    };
    expect(validateDesign(merged)).toEqual([]);
  });

  it('refuses a second internet gateway for a VPC and a trigger without a function', () => {
    const { design, vpc, east } = twoRegions();
    const ids = sequentialIds();
    const first = createForDrop(design, { kind: 'internetGateway' }, vpc, ids);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const withIgw = { ...design, resources: { ...design.resources, [first.primaryId]: first.resources[0]! } };
    expect(createForDrop(withIgw, { kind: 'internetGateway' }, vpc, ids)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('already has an internet gateway'),
    });
    expect(createForDrop(design, { kind: 'lambdaTrigger', variant: 'sqs' }, east, ids)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Lambda function'),
    });
  });
});
