import { describe, expect, it } from 'vitest';
import type { Ec2Instance } from '../../domain';
import { haDesign, named } from '../testing/haDesign';
import { formatEndpoint, parseEndpoint } from './endpointText';
import { analyzeReachability, type ReachQuery } from './reachability';

const design = haDesign({ withDatabase: true });
const query = (from: string): ReachQuery => ({
  from: { kind: 'resource', id: named<Ec2Instance>(design, from).id },
  to: { kind: 'resource', id: 'db-app' },
  protocol: 'tcp',
  port: 5432,
});

describe('an RDS DB instance as a destination', () => {
  it('is written and read back by id and by name', () => {
    const byName = parseEndpoint(design, 'app-db');
    expect(byName).toEqual({ ok: true, spec: { kind: 'resource', id: 'db-app' } });
    expect(parseEndpoint(design, formatEndpoint({ kind: 'resource', id: 'db-app' }))).toEqual(byName);
  });

  it("resolves to its primary's address by default and its groups decide", () => {
    const ok = analyzeReachability(design, query('App A'));
    expect(ok.ok && ok.result.reachable).toBe(true);
    expect(ok.ok && ok.result.forward.at(-1)!.packet.dstIp).toBe('10.0.1.20');
    const web = analyzeReachability(design, query('Web A'));
    expect(web.ok && web.result.blockedBy?.code).toBe('ENI_SG_RULES_MISMATCH');
  });

  it('after a failover it is reached at the standby, in the other zone', () => {
    const r = analyzeReachability(design, query('App A'), { dbEndpoints: { 'db-app': 'standby' } });
    expect(r.ok && r.result.reachable).toBe(true);
    expect(r.ok && r.result.forward.at(-1)!.packet.dstIp).toBe('10.0.3.20');
  });

  it('while its endpoint points nowhere, connections fail with a code of their own', () => {
    const r = analyzeReachability(design, query('App A'), { dbEndpoints: { 'db-app': 'unavailable' } });
    expect(r.ok && r.result.blockedBy).toMatchObject({ code: 'DB_ENDPOINT_UNAVAILABLE', id: 'db-app' });
  });

  it('starts no connections', () => {
    const r = analyzeReachability(design, {
      ...query('App A'),
      from: { kind: 'resource', id: 'db-app' },
      to: { kind: 'internet' },
    });
    expect(r.ok && r.result.reachable).toBe(false);
  });
});
