import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Design, Ec2Instance, LoadBalancer, Subnet, TargetGroup } from '../../domain';
import { haDesign, named, tcpFrom, tcpFromGroup } from '../testing/haDesign';
import { healthCheckBlock } from './healthChecks';

const lbOf = (d: Design) => d.resources['elb-web'] as LoadBalancer;
const groupOf = (d: Design) => d.resources['tg-app'] as TargetGroup;
const check = (d: Design, target: string, options = {}) => healthCheckBlock(d, lbOf(d), groupOf(d), target, options);
const appA = (d: Design) => named<Ec2Instance>(d, 'App A').id;

describe('health checks on the network', () => {
  it("an ALB's check passes when the target allows the ALB's group on the traffic port", () => {
    const d = haDesign();
    expect(check(d, appA(d))).toBeNull();
  });

  it("an ALB's check times out when the target allows only the clients, naming the target's group", () => {
    const d = haDesign({ appInbound: () => [tcpFrom(8080, '198.51.100.0/24')] });
    const block = check(d, appA(d));
    expect(block?.code).toBe('Target.Timeout');
    expect(block?.resourceId).toBe(named(d, 'app').id);
    expect(block?.text).toContain('ENI_SG_RULES_MISMATCH');
  });

  it('a check on another port needs that port open', () => {
    const d = produce(haDesign(), (draft) => {
      const group = draft.resources['tg-app'] as TargetGroup;
      group.healthCheck.port = 9000;
    });
    expect(check(d, appA(d))?.code).toBe('Target.Timeout');
    const open = produce(d, (draft) => {
      const app = Object.values(draft.resources).find((r) => r.name === 'app');
      if (app?.kind === 'securityGroup') app.inbound.push(tcpFromGroup(9000, 'sg-lb'));
    });
    expect(check(open, appA(open))).toBeNull();
  });

  it("an ALB whose own group lets nothing out can't check", () => {
    const d = produce(haDesign(), (draft) => {
      const lbGroup = draft.resources['sg-lb'];
      if (lbGroup?.kind === 'securityGroup') lbGroup.outbound = [];
    });
    expect(check(d, appA(d))?.resourceId).toBe('sg-lb');
  });

  it("an NLB checks from its nodes' private addresses: the clients' CIDR is not enough, the node subnets are", () => {
    const clientsOnly = haDesign({ type: 'network', appInbound: () => [tcpFrom(8080, '198.51.100.0/24')] });
    expect(check(clientsOnly, appA(clientsOnly))?.code).toBe('Target.Timeout');
    const nodes = haDesign({ type: 'network', appInbound: () => [tcpFrom(8080, '10.0.0.0/23')] });
    expect(check(nodes, appA(nodes))).toBeNull();
  });

  it("with cross-zone off, an NLB without a node in the target's zone doesn't use it", () => {
    const d = haDesign({ type: 'network', nodeSubnets: ['Public B'], appInbound: () => [tcpFrom(8080, '0.0.0.0/0')] });
    expect(check(d, appA(d))?.code).toBe('Target.NotInUse');
  });

  it('a zone that is down fails the check of its targets', () => {
    const d = haDesign();
    const zoneA = named<Subnet>(d, 'Private A').azId;
    expect(check(d, appA(d), { zonesDown: [zoneA] })?.code).toBe('Target.Timeout');
    expect(check(d, named(d, 'App B').id, { zonesDown: [zoneA] })).toBeNull();
  });

  it('a group whose checks are off reports nothing', () => {
    const d = produce(haDesign({ appInbound: () => [] }), (draft) => {
      (draft.resources['tg-app'] as TargetGroup).healthCheck.enabled = false;
    });
    expect(check(d, appA(d))).toBeNull();
  });
});
