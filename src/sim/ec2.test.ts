import { describe, expect, it } from 'vitest';
import { autoAssignedPublicIpv4, DesignBuilder, type Design, type Ec2Instance, type InstanceState } from '../domain';
import { Simulation } from './simulation';
import type { Ec2Action } from './protocol';

function design(options: Partial<Ec2Instance> = {}, publicSubnet = true): Design {
  const b = new DesignBuilder('sim');
  const region = b.region();
  const vpc = b.vpc(region, '10.0.0.0/16');
  const zone = b.zone(region, 'us-east-1a', vpc);
  const subnet = b.subnet(vpc, zone, '10.0.1.0/24', 'Public', { public: publicSubnet });
  const instance = b.instance(subnet, '10.0.1.10', [vpc.defaultSecurityGroup.id], 'web');
  Object.assign(instance, options);
  return b.build();
}
const ID = 'i-1';

/** Drives one instance into `state` from running, using the real transitions. */
function simIn(state: InstanceState, options: Partial<Ec2Instance> = {}): Simulation {
  const sim = new Simulation(design({ hibernationEnabled: true, ...options }), { seed: 7 });
  const steps: Record<InstanceState, Ec2Action[]> = {
    running: [],
    stopping: ['stop'],
    stopped: ['stop'],
    pending: ['stop', 'start'],
    'shutting-down': ['terminate'],
    terminated: ['terminate'],
  };
  for (const action of steps[state]) {
    sim.act(ID, action);
    if (!(state === 'stopping' || state === 'shutting-down' || (state === 'pending' && action === 'start')))
      sim.runUntil(sim.now + 120);
  }
  expect(sim.instances.get(ID)!.state).toBe(state);
  return sim;
}

describe('EC2 lifecycle', () => {
  it('launches pending, then running after a boot time in range', () => {
    const sim = new Simulation(design({ state: 'stopped' }), { seed: 1 });
    sim.act(ID, 'start');
    expect(sim.instances.get(ID)!.state).toBe('pending');
    sim.runUntil(4);
    expect(sim.instances.get(ID)!.state).toBe('pending');
    sim.runUntil(17);
    expect(sim.instances.get(ID)!.state).toBe('running');
  });

  // Every action from every state: what AWS allows, and the exact refusal otherwise.
  const table: Array<[InstanceState, Ec2Action, InstanceState | string]> = [
    ['running', 'stop', 'stopping'],
    ['running', 'hibernate', 'stopping'],
    ['running', 'reboot', 'running'],
    ['running', 'terminate', 'shutting-down'],
    ['running', 'start', 'running'],
    ['stopped', 'start', 'pending'],
    ['stopped', 'stop', 'stopped'],
    ['stopped', 'terminate', 'shutting-down'],
    ['stopped', 'reboot', 'IncorrectInstanceState'],
    ['stopping', 'start', 'IncorrectInstanceState'],
    ['stopping', 'stop', 'stopping'],
    ['pending', 'stop', 'stopping'],
    ['shutting-down', 'stop', 'IncorrectInstanceState'],
    ['shutting-down', 'start', 'IncorrectInstanceState'],
    ['terminated', 'start', 'IncorrectInstanceState'],
    ['terminated', 'stop', 'IncorrectInstanceState'],
    ['terminated', 'terminate', 'terminated'],
    ['terminated', 'reboot', 'IncorrectInstanceState'],
  ];
  it.each(table)('from %s, %s gives %s', (from, action, expected) => {
    const sim = simIn(from);
    const result = sim.act(ID, action);
    if (expected === 'IncorrectInstanceState') {
      expect(result).toMatchObject({ ok: false, code: 'IncorrectInstanceState' });
      expect(sim.instances.get(ID)!.state).toBe(from);
      expect(sim.log.at(-1)!.level).toBe('error');
    } else {
      expect(result.ok).toBe(true);
      expect(sim.instances.get(ID)!.state).toBe(expected);
    }
  });

  it('uses AWS’s words for refusals', () => {
    expect(simIn('terminated').act(ID, 'start')).toEqual({
      ok: false,
      code: 'IncorrectInstanceState',
      message: "The instance 'i-1' is not in a state from which it can be started.",
    });
    expect(simIn('terminated').act(ID, 'stop')).toEqual({
      ok: false,
      code: 'IncorrectInstanceState',
      message: "This instance 'i-1' is not in a state from which it can be stopped.",
    });
    const neverRan = new Simulation(design({ state: 'pending' }), { seed: 1 });
    expect(neverRan.act(ID, 'stop')).toMatchObject({
      code: 'IncorrectInstanceState',
      message: "Instance 'i-1' cannot be stopped as it has never reached the 'running' state.",
    });
    const plain = new Simulation(design(), { seed: 1 });
    expect(plain.act(ID, 'hibernate')).toMatchObject({ code: 'UnsupportedHibernationConfiguration' });
    expect(plain.instances.get(ID)!.state).toBe('running');
    const protectedOne = new Simulation(design({ terminationProtection: true }), { seed: 1 });
    expect(protectedOne.act(ID, 'terminate')).toMatchObject({
      code: 'OperationNotPermitted',
      message: expect.stringContaining("'disableApiTermination'"),
    });
  });

  it('bills a 30-second run as 60 seconds, and nothing while stopped', () => {
    const sim = new Simulation(design({ state: 'stopped', instanceType: 't3.micro' }), { seed: 3 });
    sim.act(ID, 'start');
    sim.runUntil(60);
    const startedAt = sim.instances.get(ID)!.timeline.find((t) => t.state === 'running')!.at;
    sim.runUntil(startedAt + 30);
    sim.act(ID, 'stop');
    sim.runUntil(startedAt + 3600);
    const s = sim.summary().instances[0]!;
    expect(s.billedSeconds).toBe(60);
  });

  it('a reboot stays running, keeps the address and starts no new billing minimum', () => {
    const sim = new Simulation(design(), { seed: 4 });
    const ip = sim.instances.get(ID)!.publicIp;
    sim.runUntil(100);
    sim.act(ID, 'reboot');
    expect(sim.instances.get(ID)!).toMatchObject({ state: 'running', rebooting: true });
    sim.runUntil(200);
    expect(sim.instances.get(ID)!).toMatchObject({ state: 'running', rebooting: false, publicIp: ip });
    expect(sim.summary().instances[0]!.billedSeconds).toBe(200);
  });

  it('stop and start changes the auto-assigned public IPv4 but not an Elastic IP', () => {
    const sim = new Simulation(design(), { seed: 5 });
    const before = sim.instances.get(ID)!.publicIp;
    sim.act(ID, 'stop');
    sim.runUntil(60);
    expect(sim.instances.get(ID)!.publicIp).toBeNull();
    sim.act(ID, 'start');
    sim.runUntil(120);
    expect(sim.instances.get(ID)!.publicIp).not.toBe(before);
    expect(sim.instances.get(ID)!.publicIp).not.toBeNull();
    const withEip = new Simulation(design({ elasticIpId: 'eipalloc-1' as never }), { seed: 5 });
    withEip.act(ID, 'stop');
    withEip.runUntil(60);
    withEip.act(ID, 'start');
    withEip.runUntil(120);
    expect(withEip.instances.get(ID)!).toMatchObject({ state: 'running', publicIp: null, hasElasticIp: true });
  });

  it('starts with the public IPv4 the design holds, and takes a new one from the same AWS range on each start', () => {
    const d = design();
    const recorded = d.resources[ID] as Ec2Instance;
    expect(recorded.publicIpAddress).toBe(autoAssignedPublicIpv4(ID));
    const sim = new Simulation(d, { seed: 5 });
    expect(sim.instances.get(ID)!.publicIp).toBe(recorded.publicIpAddress);
    const given: string[] = [];
    for (let round = 0; round < 2; round++) {
      sim.act(ID, 'stop');
      sim.runUntil(60 + round * 120);
      sim.act(ID, 'start');
      sim.runUntil(120 + round * 120);
      given.push(sim.instances.get(ID)!.publicIp!);
    }
    expect(given).toEqual([autoAssignedPublicIpv4(ID, 1), autoAssignedPublicIpv4(ID, 2)]);
    for (const address of given) expect(address).toMatch(/^18\.(21[6-9])\.\d+\.\d+$/);
    // An imported address (AWS's own) is kept while the instance runs.
    const imported = design({ publicIpAddress: '18.216.80.133' });
    expect(new Simulation(imported, { seed: 5 }).instances.get(ID)!.publicIp).toBe('18.216.80.133');
  });

  it('resuming from hibernation is faster than a cold boot', () => {
    const bootTime = (action: Ec2Action, seed: number) => {
      const sim = new Simulation(design({ hibernationEnabled: true }), { seed });
      sim.act(ID, action);
      sim.runUntil(100);
      sim.act(ID, 'start');
      const from = sim.now;
      sim.runUntil(200);
      return (
        sim.instances
          .get(ID)!
          .timeline.filter((t) => t.state === 'running')
          .at(-1)!.at - from
      );
    };
    for (const seed of [1, 2, 3, 4, 5]) expect(bootTime('hibernate', seed)).toBeLessThan(bootTime('stop', seed));
  });

  it('stopping to hibernate is billed; a plain stop is not', () => {
    const billed = (action: Ec2Action) => {
      const sim = new Simulation(design({ hibernationEnabled: true }), { seed: 9 });
      sim.runUntil(600);
      sim.act(ID, action);
      sim.runUntil(700);
      return sim.summary().instances[0]!.billedSeconds;
    };
    expect(billed('stop')).toBe(600);
    expect(billed('hibernate')).toBeGreaterThan(600);
  });

  it('terminated instances disappear after an hour, and cost nothing after termination', () => {
    const sim = new Simulation(design(), { seed: 6 });
    sim.act(ID, 'terminate');
    sim.runUntil(60);
    expect(sim.instances.get(ID)!.state).toBe('terminated');
    const costAtTermination = sim.summary().instances[0]!.costUsd;
    sim.runUntil(60 + 3000);
    expect(sim.instances.get(ID)!.gone).toBe(false);
    sim.runUntil(60 + 3700);
    expect(sim.summary().instances[0]!.state).toBe('gone');
    expect(sim.summary().instances[0]!.costUsd).toBe(costAtTermination);
    expect(sim.act(ID, 'start')).toMatchObject({ ok: false, code: 'InvalidInstanceID.NotFound' });
  });
});

describe('launches the simulation starts with', () => {
  it('an instance the design holds as pending boots and runs, as a launch does', () => {
    const sim = new Simulation(design({ state: 'pending' }), { seed: 1 });
    expect(sim.instances.get(ID)!.state).toBe('pending');
    sim.runUntil(120);
    expect(sim.instances.get(ID)!.state).toBe('running');
    expect(sim.cost().byResource.find((r) => r.id === ID)!.ratePerHour).toBeGreaterThan(0);
  });

  it('an arm64 AMI on an x86 type is refused as RunInstances refuses it: never runs, never billed, until fixed', () => {
    // Amazon Linux 2023 (arm64) on t3.micro (x86_64).
    const mismatched = design({ amiId: 'ami-0a1b2c3d4e5f60002', instanceType: 't3.micro' });
    const sim = new Simulation(mismatched, { seed: 1 });
    sim.runUntil(300);
    expect(sim.instances.get(ID)).toBeUndefined();
    expect(sim.cost().byResource.find((r) => r.id === ID)).toBeUndefined();
    const error = sim.log.find((l) => l.level === 'error' && l.resourceId === ID)!;
    expect(error.text).toContain('InvalidParameterValue');
    expect(error.text).toContain(
      "The architecture 'x86_64' of the specified instance type does not match the architecture 'arm64' of the specified AMI.",
    );
    // A Graviton type fixes it: the instance launches from then on.
    const fixed = structuredClone(mismatched);
    (fixed.resources[ID] as Ec2Instance).instanceType = 't4g.micro';
    sim.syncDesign(fixed);
    sim.runUntil(420);
    expect(sim.instances.get(ID)!.state).toBe('running');
  });
});

describe('transition durations a design fixes (for lessons)', () => {
  it('a stop that takes 120 s: stopping until then, stopped after', () => {
    const sim = new Simulation(design({ transitionSeconds: { stop: 120 } }), { seed: 3 });
    sim.runUntil(10);
    sim.act(ID, 'stop');
    sim.runUntil(129);
    expect(sim.instances.get(ID)!.state).toBe('stopping');
    sim.runUntil(131);
    expect(sim.instances.get(ID)!.state).toBe('stopped');
  });

  it('a boot and a shut-down of fixed length, the others still drawn from AWS’s ranges', () => {
    const sim = new Simulation(design({ transitionSeconds: { boot: 90, shutDown: 1 } }), { seed: 3 });
    sim.act(ID, 'stop');
    sim.runUntil(60);
    expect(sim.instances.get(ID)!.state).toBe('stopped');
    sim.act(ID, 'start');
    sim.runUntil(60 + 89);
    expect(sim.instances.get(ID)!.state).toBe('pending');
    sim.runUntil(60 + 91);
    expect(sim.instances.get(ID)!.state).toBe('running');
    sim.act(ID, 'terminate');
    sim.runUntil(60 + 93);
    expect(sim.instances.get(ID)!.state).toBe('terminated');
  });
});
