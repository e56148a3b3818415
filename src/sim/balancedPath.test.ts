import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Design, Flow, NetworkAcl, Subnet } from '../domain';
import { haDesign } from '../engine/testing/haDesign';
import { TrafficSim } from './traffic';

const users: Flow = {
  id: 'users',
  name: 'users',
  from: 'internet',
  to: 'elb-web',
  protocol: 'tcp',
  port: 80,
  ratePerSecond: 10,
};

describe('a flow to an ALB splits over its nodes', () => {
  it("a node whose subnet's ACL denies everything fails its half of the requests", () => {
    const design = produce(haDesign(), (d: Design) => {
      const subnet = Object.values(d.resources).find((r) => r.name === 'Public B') as Subnet;
      d.resources['acl-deny'] = {
        kind: 'networkAcl',
        id: 'acl-deny' as NetworkAcl['id'],
        name: 'deny-all',
        vpcId: subnet.vpcId,
        isDefault: false,
        inbound: [],
        outbound: [],
        subnetIds: [subnet.id],
      };
    });
    const sim = new TrafficSim(
      { ...design, flows: [users] },
      () => ({}),
      () => {},
    );
    for (let t = 1; t <= 2; t++) sim.tick(t);
    expect(sim.flowCounters()[0]).toMatchObject({ sent: 20, delivered: 10 });
    expect(sim.balancing.balancerCounters().get('elb-web')).toMatchObject({
      served: 10,
      failed: 10,
      failedBy: { '504': 10 },
    });
  });
});
