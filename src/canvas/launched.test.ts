import { describe, expect, it } from 'vitest';
import { resourcesOfKind } from '../domain';
import type { InstanceFrame } from '../sim/protocol';
import { highlyAvailableWebApp } from '../scenarios/haTemplates';
import { deriveNodes } from './derive';
import { launchedKey, launchedNodes } from './launched';

const design = highlyAvailableWebApp();
const [asg] = resourcesOfKind(design, 'autoScalingGroup');
const [appA, appB] = asg!.subnetIds;

const live = (subnetId: string, privateIp: string, state = 'running'): InstanceFrame => ({
  state,
  launched: { autoScalingGroupId: asg!.id, name: 'web', subnetId, privateIp },
  rebooting: false,
  publicIp: null,
  costUsd: 0,
  ratePerHour: 0,
  timeline: [],
});

describe('instances an Auto Scaling group launched', () => {
  const frame = {
    instances: {
      'i-0a': live(appA!, '10.0.10.11'),
      'i-0b': live(appA!, '10.0.10.12'),
      'i-0c': live(appA!, '10.0.10.13'),
      'i-0d': live(appB!, '10.0.11.11', 'terminated'),
    },
  };
  const designNodes = deriveNodes(design, []);

  it('are drawn in their subnet, two to a row, as the simulation’s and not the design’s', () => {
    const nodes = launchedNodes(design, frame, designNodes);
    expect(nodes.map((n) => [n.id, n.parentId])).toEqual([
      ['i-0a', appA],
      ['i-0b', appA],
      ['i-0c', appA],
    ]);
    const [a, b, c] = nodes;
    expect(a!.position.y).toBe(b!.position.y);
    expect(b!.position.x).toBeGreaterThan(a!.position.x + a!.width!);
    expect(c!.position.y).toBeGreaterThan(a!.position.y + a!.height!);
    expect(nodes.every((n) => n.selectable === false && n.draggable === false && n.data.launched)).toBe(true);
    expect(a!.data.facts).toMatchObject({ title: 'web · 10.0.10.11', lines: ['launched by web-asg'] });
    expect(a!.data.resource).toMatchObject({
      kind: 'ec2Instance',
      autoScalingGroupId: asg!.id,
      instanceType: 't3.micro',
    });
    expect(Object.keys(design.resources)).not.toContain('i-0a');
  });

  it('fit inside the room the layout keeps in the group’s subnets', () => {
    const subnet = designNodes.find((n) => n.id === appA)!;
    const nodes = launchedNodes(
      design,
      { instances: { 'i-0a': frame.instances['i-0a'], 'i-0c': frame.instances['i-0c'] } },
      designNodes,
    );
    for (const n of nodes) expect(n.position.y + n.height!).toBeLessThanOrEqual(subnet.height!);
    for (const n of nodes) expect(n.position.x + n.width!).toBeLessThanOrEqual(subnet.width!);
  });

  it('change the key only when one comes or goes', () => {
    const key = launchedKey(frame);
    expect(key.split('\n')).toHaveLength(3);
    expect(launchedKey({ instances: { ...frame.instances, 'i-0a': { ...frame.instances['i-0a'], costUsd: 9 } } })).toBe(
      key,
    );
    expect(
      launchedKey({ instances: { ...frame.instances, 'i-0b': live(appA!, '10.0.10.12', 'terminated') } }),
    ).not.toBe(key);
    expect(launchedNodes(design, null, designNodes)).toEqual([]);
  });
});
