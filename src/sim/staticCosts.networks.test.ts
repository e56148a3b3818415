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
});
