import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { asResourceId, type Design, type Ec2Instance, type RouteTable, type SecurityGroup } from '../../domain';
import { haDesign, named, tcpFrom } from '../testing/haDesign';
import type { PathOptions } from './context';
import { resolveEndpoint, type Endpoint } from './endpoints';
import { networkEpochOf } from './networkEpoch';
import { analyzeReachability, type ReachResult } from './reachability';
import { cachedWalk } from './walk';

/**
 * Walks and verdicts remembered across designs (`networkEpoch.ts`, `walk.ts`,
 * `loadBalancers.ts`): reused only while everything they read is the same
 * object, walked again when a rule, a route or an end changes.
 */

const appA = (design: Design) => named<Ec2Instance>(design, 'App A');
const appB = (design: Design) => named<Ec2Instance>(design, 'App B');
const webA = (design: Design) => named<Ec2Instance>(design, 'Web A');

/** The design with one instance's state changed: a new instance object, every other resource the same object. */
const withState = (design: Design, id: string, state: Ec2Instance['state']) =>
  produce(design, (d) => {
    (d.resources[id] as Ec2Instance).state = state;
  });

function end(design: Design, id: string): Endpoint {
  const resolved = resolveEndpoint(design, { kind: 'resource', id });
  if (!resolved.ok) throw new Error(resolved.error);
  return resolved.endpoint;
}

/** Web A to App A on 8080, App A's group allowing the whole VPC. */
function walkWebToApp(design: Design, options: PathOptions = {}) {
  return cachedWalk(
    design,
    end(design, webA(design).id),
    end(design, appA(design).id),
    { protocol: 'tcp', port: 8080 },
    options,
  );
}

const openApp = () => haDesign({ appInbound: () => [tcpFrom(8080, '10.0.0.0/16')] });

function reach(design: Design, options: PathOptions = {}): ReachResult {
  const outcome = analyzeReachability(
    design,
    { from: { kind: 'internet' }, to: { kind: 'resource', id: 'elb-web' }, protocol: 'tcp', port: 80 },
    options,
  );
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

const targetOf = (r: ReachResult, id: string) => r.loadBalancer!.targets.find((t) => t.target.id === id)!;

describe('network epochs', () => {
  it('designs that differ only in their instances share an epoch; a changed group or route starts another', () => {
    const design = openApp();
    const stopped = withState(design, appB(design).id, 'stopped');
    expect(networkEpochOf(stopped.resources)).toBe(networkEpochOf(design.resources));
    const regrouped = produce(design, (d) => {
      (named<SecurityGroup>(d as Design, 'app') as SecurityGroup).inbound = [];
    });
    expect(networkEpochOf(regrouped.resources)).not.toBe(networkEpochOf(design.resources));
    const rerouted = produce(design, (d) => {
      const table = Object.values(d.resources).find(
        (r) => r.kind === 'routeTable' && r.routes.length > 1,
      ) as RouteTable;
      table.routes.pop();
    });
    expect(networkEpochOf(rerouted.resources)).not.toBe(networkEpochOf(design.resources));
  });

  it('an instance a route names (an appliance) is part of the network: changing it starts another epoch', () => {
    const design = produce(openApp(), (d) => {
      const table = Object.values(d.resources).find(
        (r) => r.kind === 'routeTable' && r.routes.length > 1,
      ) as RouteTable;
      table.routes.push({ destination: '192.168.0.0/16', target: asResourceId(webA(d as Design).id) });
    });
    const webStopped = withState(design, webA(design).id, 'stopped');
    expect(networkEpochOf(webStopped.resources)).not.toBe(networkEpochOf(design.resources));
    const appStopped = withState(design, appB(design).id, 'stopped');
    expect(networkEpochOf(appStopped.resources)).toBe(networkEpochOf(design.resources));
  });
});

describe('walks remembered across designs', () => {
  it('is the same walk when only an instance it does not end at changed', () => {
    const design = openApp();
    const first = walkWebToApp(design);
    expect(first.ok && first.ctx.forward.ok && first.ctx.back.ok).toBe(true);
    expect(walkWebToApp(withState(design, appB(design).id, 'stopped'))).toBe(first);
  });

  it("walks again when its end's instance changed: a stopped App A is BAD_STATE", () => {
    const design = openApp();
    const first = walkWebToApp(design);
    const again = walkWebToApp(withState(design, appA(design).id, 'stopped'));
    expect(again).not.toBe(first);
    expect(again.ok && again.ctx.forward.blocked?.code).toBe('BAD_STATE');
  });

  it("walks again when a group rule changed: App A's group no longer lets the VPC in", () => {
    const design = openApp();
    const first = walkWebToApp(design);
    const closed = produce(design, (d) => {
      (named<SecurityGroup>(d as Design, 'app') as SecurityGroup).inbound = [tcpFrom(8080, '198.51.100.0/24')];
    });
    const again = walkWebToApp(closed);
    expect(again).not.toBe(first);
    expect(again.ok && again.ctx.forward.blocked?.code).toBe('ENI_SG_RULES_MISMATCH');
  });

  it('is the same walk when a resource it does not pass goes out of service, and walks again when its end does', () => {
    const design = openApp();
    const first = walkWebToApp(design);
    expect(walkWebToApp(design, { outOfService: [appB(design).id] })).toBe(first);
    const impaired = walkWebToApp(design, { outOfService: [appA(design).id] });
    expect(impaired).not.toBe(first);
    expect(impaired.ok && impaired.ctx.forward.ok).toBe(false);
  });
});

describe('target verdicts remembered across designs', () => {
  it("keeps App A's verdict when App B stops, and gives App B its new one", () => {
    const design = haDesign();
    const before = reach(design);
    const after = reach(withState(design, appB(design).id, 'stopped'));
    expect(targetOf(after, appA(design).id)).toBe(targetOf(before, appA(design).id));
    expect(targetOf(before, appB(design).id).reachable).toBe(true);
    expect(targetOf(after, appB(design).id)).toMatchObject({ reachable: false, failure: '502' });
  });

  it("gives every target a new verdict when the targets' group changed", () => {
    const design = haDesign();
    const before = reach(design);
    const closed = produce(design, (d) => {
      (named<SecurityGroup>(d as Design, 'app') as SecurityGroup).inbound = [];
    });
    const after = reach(closed);
    expect(targetOf(before, appA(design).id).reachable).toBe(true);
    expect(targetOf(after, appA(design).id)).toMatchObject({ reachable: false, failure: '504' });
    expect(after.blockedBy?.code).toBe('ENI_SG_RULES_MISMATCH');
  });

  it("gives a target a new verdict when its health changed, and keeps the others'", () => {
    const design = haDesign();
    const before = reach(design);
    const after = reach(design, { targetHealth: { 'tg-app': { [appB(design).id]: 'unhealthy' } } });
    expect(targetOf(after, appA(design).id)).toBe(targetOf(before, appA(design).id));
    expect(targetOf(after, appB(design).id).health).toBe('unhealthy');
  });

  it("gives an impaired target a new verdict (504) and keeps the others'", () => {
    const design = haDesign();
    const before = reach(design);
    const after = reach(design, { outOfService: [appA(design).id] });
    expect(targetOf(after, appB(design).id)).toBe(targetOf(before, appB(design).id));
    expect(targetOf(after, appA(design).id)).toMatchObject({ reachable: false, failure: '504' });
    // Back in service: the first verdict again.
    expect(targetOf(reach(design), appA(design).id)).toBe(targetOf(before, appA(design).id));
  });
});
