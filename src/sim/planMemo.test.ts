import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Design, Ec2Instance, Flow, SecurityGroup } from '../domain';
import { haDesign, named } from '../engine/testing/haDesign';
import { planFlowPath } from './trafficPath';

/**
 * A flow's plan through a load balancer is remembered with what it read
 * (`planMemo.ts`): the same object while all of it is the same, a new plan
 * when a rule, a target's state or health, or an outage changed.
 */

const users: Flow = {
  id: 'users',
  name: 'users',
  from: 'internet',
  to: 'elb-web',
  protocol: 'tcp',
  port: 80,
  ratePerSecond: 10,
};
const withUsers = (design: Design): Design => ({ ...design, flows: [users] });
const appB = (design: Design) => named<Ec2Instance>(design, 'App B').id;

const shareOf = (path: ReturnType<typeof planFlowPath>, id: string) =>
  path.balanced?.branches.find((b) => b.targetId === id)?.share ?? 0;

describe('plans remembered', () => {
  it('is the same plan for the same design and overlay, a new one when a target stops', () => {
    const design = withUsers(haDesign());
    const first = planFlowPath(design, users, {});
    expect(first.reachable).toBe(true);
    expect(planFlowPath(design, users, {})).toBe(first);
    const stopped = planFlowPath(design, users, { liveStates: { [appB(design)]: 'stopped' } });
    expect(stopped).not.toBe(first);
    expect(stopped.balanced!.branches.find((b) => b.targetId === appB(design))?.outcome).toBe('502');
  });

  it("is a new plan when the targets' group no longer lets the load balancer in", () => {
    const design = withUsers(haDesign());
    const first = planFlowPath(design, users, {});
    const closed = produce(design, (d) => {
      (named<SecurityGroup>(d as Design, 'app') as SecurityGroup).inbound = [];
    });
    const again = planFlowPath(closed, users, {});
    expect(again).not.toBe(first);
    expect(again.reachable).toBe(false);
    expect(again.blockedBy?.code).toBe('ENI_SG_RULES_MISMATCH');
  });

  it("is a new plan when a target's health changed: an unhealthy target gets no share", () => {
    const design = withUsers(haDesign());
    const first = planFlowPath(design, users, {});
    expect(shareOf(first, appB(design))).toBeCloseTo(0.5, 12);
    const unhealthy = planFlowPath(design, users, { targetHealth: { 'tg-app': { [appB(design)]: 'unhealthy' } } });
    expect(unhealthy).not.toBe(first);
    expect(shareOf(unhealthy, appB(design))).toBe(0);
  });

  it('is a new plan when a zone goes down', () => {
    const design = withUsers(haDesign());
    const first = planFlowPath(design, users, {});
    const zone = named<Ec2Instance>(design, 'App B').subnetId;
    const zoneId = (design.resources[zone] as { azId: string }).azId;
    const down = planFlowPath(design, users, { zonesDown: [zoneId] });
    expect(down).not.toBe(first);
    expect(down.balanced!.branches.find((b) => b.targetId === appB(design))?.outcome).not.toBe('served');
  });
});
