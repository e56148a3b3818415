import { describe, expect, it } from 'vitest';
import { PRICES } from '../domain';
import { NetworkBuilder } from '../engine/testing/networks';
import { staticRates } from './staticCosts';

describe('transit gateway billing', () => {
  it('bills each available attachment by the hour, and nothing for a peering', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1);
    const b = n.vpc('B', 2);
    const tgw = n.transitGateway();
    const attachment = n.attach(tgw, a);
    const pending = n.attach(tgw, b);
    pending.state = 'pending';
    n.peer(a, b);
    expect(staticRates(n.build())).toEqual([
      { id: attachment.id, name: attachment.name, usdPerHour: PRICES.transitGateway.attachmentHour },
    ]);
    expect(PRICES.transitGateway.attachmentHour).toBe(0.05);
  });

  it('bills an interface endpoint per zone-hour and a gateway endpoint not at all', () => {
    const n = new NetworkBuilder();
    const a = n.vpc('A', 1, { zoneCount: 2 });
    n.b.add({
      kind: 'vpcEndpoint',
      id: 'vpce-interface' as never,
      name: 'ssm',
      vpcId: a.vpc.vpc.id,
      type: 'interface',
      serviceName: 'com.amazonaws.us-east-1.ssm',
      prefixListId: null,
      routeTableIds: [],
      subnetIds: a.subnets.map((s) => s.id),
      privateIps: [],
      securityGroupIds: [],
    });
    expect(staticRates(n.build())).toEqual([{ id: 'vpce-interface', name: 'ssm', usdPerHour: 0.02 }]);
  });
});
