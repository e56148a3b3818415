import { describe, expect, it } from 'vitest';
import type { Ec2Instance, Flow, Subnet } from '../domain';
import { haDesign, named } from '../engine/testing/haDesign';
import { planFlowPath } from './trafficPath';

const design = haDesign({ withDatabase: true });
const id = (name: string) => named<Ec2Instance>(design, name).id;
const flow = (from: string, to: string, port: number): Flow => ({
  id: 'f',
  name: 'f',
  from,
  to,
  protocol: 'tcp',
  port,
  ratePerSecond: 1,
});

describe('flows plan with what the simulation lays over', () => {
  it('an impaired instance drops at its state step', () => {
    const path = planFlowPath(design, flow('internet', id('Web A'), 443), { outOfService: [id('Web A')] });
    expect(path.blockedBy).toMatchObject({ code: 'BAD_STATE', id: id('Web A') });
  });

  it('an instance in a zone that is down sends nothing', () => {
    const zone = named<Subnet>(design, 'Private A').azId;
    const path = planFlowPath(design, flow(id('App A'), 'internet', 443), { zonesDown: [zone] });
    expect(path.blockedBy?.code).toBe('ZONE_OUTAGE');
  });

  it('follows the database endpoint to the standby, and fails while it points nowhere', () => {
    const toDb = flow(id('App A'), 'db-app', 5432);
    const standby = planFlowPath(design, toDb, { dbEndpoints: { 'db-app': 'standby' } });
    expect(standby.reachable).toBe(true);
    expect(standby.steps.some((s) => s.packet.dstIp === '10.0.3.20')).toBe(true);
    const down = planFlowPath(design, toDb, { dbEndpoints: { 'db-app': 'unavailable' } });
    expect(down.blockedBy?.code).toBe('DB_ENDPOINT_UNAVAILABLE');
  });

  it('through a load balancer, bills the client-facing bytes only: the response out to the internet', () => {
    const path = planFlowPath(design, flow('internet', 'elb-web', 80));
    expect(path.reachable).toBe(true);
    expect(path.transfer).toEqual({ internetEgress: 'response' });
    expect(path.balanced?.branches.map((b) => [b.name, b.share, b.outcome])).toEqual([
      ['App A', 0.5, 'served'],
      ['App B', 0.5, 'served'],
    ]);
  });
});
