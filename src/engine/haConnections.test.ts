import { describe, expect, it } from 'vitest';
import { createInstance, resourcesOfKind, sequentialIds, type Design, type TargetGroup } from '../domain';
import { highlyAvailableWebApp } from '../scenarios/haTemplates';
import { connect } from './connections';

const ids = sequentialIds();

/** The HA template plus a second, empty HTTP target group, a TCP one and an unregistered instance. */
function fixture() {
  const design = highlyAvailableWebApp();
  const [lb] = resourcesOfKind(design, 'loadBalancer');
  const [asg] = resourcesOfKind(design, 'autoScalingGroup');
  const [existing] = resourcesOfKind(design, 'targetGroup');
  const api: TargetGroup = { ...existing!, id: 'tg-api' as TargetGroup['id'], name: 'api-targets', port: 8080 };
  const tcp: TargetGroup = { ...existing!, id: 'tg-tcp' as TargetGroup['id'], name: 'tcp-targets', protocol: 'TCP' };
  const ip: TargetGroup = { ...existing!, id: 'tg-ip' as TargetGroup['id'], name: 'ip-targets', targetType: 'ip' };
  const subnet = resourcesOfKind(design, 'subnet').find((s) => s.name === 'App A')!;
  const instance = createInstance(ids, { subnet, privateIp: '10.0.10.50', securityGroupIds: [], name: 'admin' });
  const withExtras: Design = {
    ...design,
    resources: { ...design.resources, [api.id]: api, [tcp.id]: tcp, [ip.id]: ip, [instance.id]: instance },
  };
  return { design: withExtras, lb: lb!, asg: asg!, existing: existing!, instance };
}

describe('connecting a load-balanced tier', () => {
  it('adds a listener on the target group’s port when a load balancer meets a new target group', () => {
    const { design, lb } = fixture();
    const result = connect(design, lb.id, 'tg-api', ids);
    expect(result.ok && result.summary).toBe('web-alb has a new listener, HTTP:8080, forwarding to api-targets.');
    if (!result.ok) return;
    expect(resourcesOfKind(result.design, 'loadBalancer')[0]!.listeners).toEqual([
      ...lb.listeners,
      { protocol: 'HTTP', port: 8080, targetGroupId: 'tg-api' },
    ]);
  });

  it('moves to the next free port when one is taken, and fills a listener that forwards nowhere first', () => {
    const { design, lb } = fixture();
    const taken = connect(design, 'tg-ip', lb.id, ids);
    expect(taken.ok && resourcesOfKind(taken.design, 'loadBalancer')[0]!.listeners[1]!.port).toBe(81);
    const cleared: Design = {
      ...design,
      resources: {
        ...design.resources,
        [lb.id]: { ...lb, listeners: [{ protocol: 'HTTP', port: 80, targetGroupId: null }] },
      },
    };
    const filled = connect(cleared, lb.id, 'tg-api', ids);
    expect(filled.ok && resourcesOfKind(filled.design, 'loadBalancer')[0]!.listeners).toEqual([
      { protocol: 'HTTP', port: 80, targetGroupId: 'tg-api' },
    ]);
  });

  it('refuses a group the load balancer already forwards to, and a protocol it can’t forward', () => {
    const { design, lb, existing } = fixture();
    expect(connect(design, lb.id, existing.id, ids)).toEqual({
      ok: false,
      reason: 'web-alb already forwards to web-targets.',
    });
    const tcp = connect(design, lb.id, 'tg-tcp', ids);
    expect(!tcp.ok && tcp.reason).toMatch(/forwards only to HTTP or HTTPS/);
  });

  it('registers an Auto Scaling group’s instances with an instance target group, not an IP one', () => {
    const { design, asg } = fixture();
    const result = connect(design, 'tg-api', asg.id, ids);
    expect(result.ok && resourcesOfKind(result.design, 'autoScalingGroup')[0]!.targetGroupIds).toEqual([
      ...asg.targetGroupIds,
      'tg-api',
    ]);
    const ip = connect(design, asg.id, 'tg-ip', ids);
    expect(!ip.ok && ip.reason).toMatch(/needs an instance target group/);
    const twice = connect(design, asg.id, asg.targetGroupIds[0]!, ids);
    expect(twice.ok).toBe(false);
  });

  it('registers an instance with a target group once', () => {
    const { design, instance, existing } = fixture();
    const result = connect(design, instance.id, existing.id, ids);
    expect(result.ok && result.summary).toBe('admin is registered with web-targets on port 80.');
    if (!result.ok) return;
    expect(result.design.resources[existing.id]).toMatchObject({ targetIds: [instance.id] });
    expect(connect(result.design, existing.id, instance.id, ids).ok).toBe(false);
  });

  it('makes a launch template the group’s template', () => {
    const { design, asg } = fixture();
    const other = { ...resourcesOfKind(design, 'launchTemplate')[0]!, id: 'lt-new' as never, name: 'web-v2' };
    const withTemplate: Design = { ...design, resources: { ...design.resources, [other.id]: other } };
    const result = connect(withTemplate, other.id, asg.id, ids);
    expect(result.ok && result.summary).toMatch(/web-asg now launches from web-v2 \(instead of web-template\)/);
    expect(result.ok && result.design.resources[asg.id]).toMatchObject({ launchTemplateId: 'lt-new' });
  });
});
