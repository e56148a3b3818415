import { beforeEach, describe, expect, it } from 'vitest';
import { sampleDesign } from '../engine/testing/sampleDesign';
import { validateDesign } from '../engine';
import { useDesignStore } from './designStore';
import { addFromPalette, connectResources, deleteResources, duplicateResources, rehome } from './canvasCommands';

const design = () => useDesignStore.getState().history.present;

describe('canvas commands', () => {
  beforeEach(() => {
    useDesignStore.setState({ history: { past: [], present: sampleDesign(), future: [], last: null } });
  });

  it('adds an instance from the palette in one undo step, with an address and a stored position', () => {
    const result = addFromPalette({ kind: 'ec2Instance' }, 'subnet-2', { x: 30.4, y: 60 });
    expect(result.ok).toBe(true);
    if (!result.ok || !result.id) return;
    expect(design().resources[result.id]).toMatchObject({ subnetId: 'subnet-2', privateIp: '10.0.2.4' });
    expect(design().layout[result.id]).toEqual({ x: 30, y: 60, parentId: 'subnet-2' });
    useDesignStore.getState().undo();
    expect(design().resources[result.id]).toBeUndefined();
  });

  it('refuses an instance on the bare canvas without changing anything', () => {
    const before = design();
    expect(addFromPalette({ kind: 'ec2Instance' }, null, { x: 0, y: 0 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('inside a subnet'),
    });
    expect(design()).toBe(before);
  });

  it('re-homes an instance to another subnet with a new private IP', () => {
    const result = rehome('i-1', 'subnet-2', { x: 10, y: 50 });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('10.0.2.4') });
    expect(design().resources['i-1']).toMatchObject({
      subnetId: 'subnet-2',
      privateIp: '10.0.2.4',
      securityGroupIds: ['sg-1'],
    });
    expect(validateDesign(design())).toEqual([]);
  });

  it('refuses to move a subnet out of its place', () => {
    expect(rehome('subnet-1', null, { x: 0, y: 0 }).ok).toBe(false);
  });

  it('deletes a subnet with its instances, leaving routes to deleted gateways as blackholes', () => {
    deleteResources(['subnet-1']);
    expect(design().resources['i-1']).toBeUndefined();
    expect((design().resources['rtb-2'] as { subnetIds: string[] }).subnetIds).toEqual([]);
    deleteResources(['igw-1']);
    expect(validateDesign(design()).map((f) => f.code)).toContain('ROUTE_BLACKHOLE');
  });

  it('deleting a VPC takes what is drawn in it and its tables, ACLs and groups along (as the console does)', () => {
    deleteResources(['vpc-1']);
    expect(
      Object.values(design().resources)
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['availabilityZone', 'region']);
    expect(validateDesign(design())).toEqual([]);
  });

  it('connects and duplicates as single steps', () => {
    expect(connectResources('subnet-2', 'rtb-2')).toMatchObject({ ok: true });
    const dup = duplicateResources(['i-2']);
    expect(dup).toMatchObject({ ok: true, message: 'Duplicated 1 resource.' });
    const copies = Object.values(design().resources).filter((r) => r.name === 'App server copy');
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ privateIp: '10.0.2.4' });
    expect(useDesignStore.getState().history.past).toHaveLength(2);
  });
});
