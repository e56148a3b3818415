import { describe, expect, it } from 'vitest';
import { clientVpnDesign, tcp, type ClientVpnFixture } from '../rules/testing/clientVpnDesign';
import type { SgRule } from '../../domain';
import { suggestFix } from './fixes';
import { analyzeReachability, type ReachResult } from './reachability';

/**
 * A Client VPN user reaching a private instance. AWS Client VPN Administrator
 * Guide: "Authorization rules" (longest-prefix match), "Routes" (the VPC route
 * each association adds), "How AWS Client VPN works" (source NAT to the
 * association's interface, so the destination's groups must allow the
 * endpoint's security group, not the client CIDR).
 */

function reach(f: ClientVpnFixture, to: string | { internet: true }, port = 22): ReachResult {
  const outcome = analyzeReachability(f.design, {
    from: { kind: 'resource', id: f.endpointId },
    to: typeof to === 'string' ? { kind: 'resource', id: to } : { kind: 'internet' },
    protocol: 'tcp',
    port,
  });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result;
}

describe('a Client VPN user as a source', () => {
  it('reaches a private instance whose group allows the endpoint\u2019s group, naming the rule and the route', () => {
    const f = clientVpnDesign();
    const r = reach(f, f.appId);
    expect(r.reachable).toBe(true);
    expect(r.forward.map((h) => h.component)).toEqual([
      'authorization rules of Staff VPN',
      'route table of Staff VPN',
      'association of Staff VPN in Private',
      'security groups of A Client VPN user of Staff VPN (outbound)',
      'subnet Private',
      'security groups of App (inbound)',
    ]);
    expect(r.forward[0]!.rule).toBe('Staff VPN: 10.0.0.0/16 for all users');
    expect(r.forward[1]!.rule).toBe('Staff VPN: 10.0.0.0/16 → Private (added with the association)');
    // The user's address is translated to the association's interface (the fifth-last address of the subnet).
    expect(r.sent.srcIp).toBe('172.16.0.2');
    expect(r.summary).toContain('A Client VPN user of Staff VPN (172.16.0.2, as 10.0.1.251) reaches App (10.0.1.10)');
    expect(r.forward[2]!.translation).toEqual({ rewrites: 'source', from: '172.16.0.2', to: '10.0.1.251' });
    expect(r.forward[5]!.packet.srcIp).toBe('10.0.1.251');
    expect(r.return.at(-1)!.translation).toEqual({ rewrites: 'destination', from: '10.0.1.251', to: '172.16.0.2' });
  });

  it('is refused when no authorization rule covers the destination, with the reason named', () => {
    const f = clientVpnDesign(({ endpoint }) => void (endpoint.authorizationRules = []));
    const r = reach(f, f.appId);
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({
      code: 'CLIENT_VPN_NOT_AUTHORIZED',
      component: 'authorization rules of Staff VPN',
    });
    expect(r.forward.at(-1)!.explanation).toContain('No authorization rule of Staff VPN covers 10.0.1.10');
    const fix = suggestFix(
      f.design,
      {
        from: { kind: 'resource', id: f.endpointId },
        to: { kind: 'resource', id: f.appId },
        protocol: 'tcp',
        port: 22,
      },
      r,
    );
    expect(fix?.label).toBe('Authorize 10.0.0.0/16 for all users of Staff VPN');
    expect(reach({ ...f, design: fix!.apply(f.design) }, f.appId).reachable).toBe(true);
  });

  it('is refused by the most specific rule when it is for a group the user is not in', () => {
    const f = clientVpnDesign(({ endpoint }) => {
      endpoint.authorizationRules.push({ destinationCidr: '10.0.1.0/24', accessGroup: 'admins' });
      endpoint.userGroup = 'developers';
    });
    const r = reach(f, f.appId);
    expect(r.blockedBy?.code).toBe('CLIENT_VPN_NOT_AUTHORIZED');
    expect(r.forward.at(-1)!.rule).toBe('Staff VPN: 10.0.1.0/24 for group admins');
    // A rule for a group is someone's decision: no one-click fix overrides it.
    expect(
      suggestFix(
        f.design,
        {
          from: { kind: 'resource', id: f.endpointId },
          to: { kind: 'resource', id: f.appId },
          protocol: 'tcp',
          port: 22,
        },
        r,
      ),
    ).toBeNull();
    const admin = clientVpnDesign(({ endpoint }) => {
      endpoint.authorizationRules.push({ destinationCidr: '10.0.1.0/24', accessGroup: 'admins' });
      endpoint.userGroup = 'admins';
    });
    expect(reach(admin, admin.appId).reachable).toBe(true);
  });

  it('arrives from the interface\u2019s address: a group allowing only the client CIDR refuses it', () => {
    const f = clientVpnDesign(
      ({ appRules }) => void appRules.splice(0, appRules.length, tcp(22, { type: 'cidr', cidr: '172.16.0.0/22' })),
    );
    const r = reach(f, f.appId);
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', component: 'security groups of App (inbound)' });
    // Allowing the associated subnet's addresses works as well as the endpoint's group.
    const bySubnet = clientVpnDesign(
      ({ appRules }) => void appRules.splice(0, appRules.length, tcp(22, { type: 'cidr', cidr: '10.0.1.0/24' })),
    );
    expect(reach(bySubnet, bySubnet.appId).reachable).toBe(true);
  });

  it('is dropped without a route through an associated subnet (split tunnel or not)', () => {
    const f = clientVpnDesign(({ endpoint }) => void (endpoint.targetSubnetIds = []));
    const outcome = analyzeReachability(f.design, {
      from: { kind: 'resource', id: f.endpointId },
      to: { kind: 'resource', id: f.appId },
      protocol: 'tcp',
      port: 22,
    });
    expect(outcome.ok).toBe(false);
    const internet = clientVpnDesign(({ endpoint }) =>
      endpoint.authorizationRules.push({ destinationCidr: '0.0.0.0/0', accessGroup: null }),
    );
    const r = reach(internet, { internet: true }, 443);
    expect(r.blockedBy?.code).toBe('NO_ROUTE_TO_DESTINATION');
    expect(r.forward.at(-1)!.explanation).toContain('Split tunnel is off');
  });

  it('with split tunnel off and 0.0.0.0/0 through a public subnet, internet traffic goes out through the VPC', () => {
    const throughPublic = (egress: SgRule[]) =>
      clientVpnDesign(({ endpoint, vpnEgress, publicSubnetId }) => {
        endpoint.authorizationRules.push({ destinationCidr: '0.0.0.0/0', accessGroup: null });
        endpoint.targetSubnetIds.push(publicSubnetId);
        endpoint.routes.push({ destinationCidr: '0.0.0.0/0', targetSubnetId: publicSubnetId });
        vpnEgress.splice(0, vpnEgress.length, ...egress);
      });
    const r = reach(throughPublic([tcp(443, { type: 'cidr', cidr: '0.0.0.0/0' })]), { internet: true }, 443);
    expect(r.reachable).toBe(true);
    expect(r.forward[1]!.rule).toBe('Staff VPN: 0.0.0.0/0 → Public');
    expect(r.forward.map((h) => h.component)).toContain('route table of Public');
    expect(r.forward.at(-1)!.component).toBe('internet');
    // The endpoint's group's egress applies to what leaves the association's interface.
    const closed = reach(throughPublic([]), { internet: true }, 443);
    expect(closed.blockedBy).toMatchObject({
      code: 'ENI_SG_RULES_MISMATCH',
      component: 'security groups of A Client VPN user of Staff VPN (outbound)',
    });
  });

  it('with split tunnel on, a destination no route covers never enters the VPN', () => {
    const f = clientVpnDesign(({ endpoint }) => {
      endpoint.splitTunnel = true;
      endpoint.authorizationRules.push({ destinationCidr: '0.0.0.0/0', accessGroup: null });
    });
    const r = reach(f, { internet: true }, 443);
    expect(r.blockedBy).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', component: 'route table of Staff VPN' });
    expect(r.forward.at(-1)!.explanation).toContain('Split tunnel is on');
    expect(reach(f, f.appId).reachable).toBe(true);
  });

  it('enters by another association when the zone of the first is down', () => {
    const f = clientVpnDesign(({ endpoint, publicSubnetId, appRules }) => {
      endpoint.targetSubnetIds.unshift(publicSubnetId);
      appRules.push(tcp(22, { type: 'cidr', cidr: '10.0.0.0/16' }));
    });
    const ask = (zonesDown: string[]) => {
      const outcome = analyzeReachability(
        f.design,
        {
          from: { kind: 'resource', id: f.endpointId },
          to: { kind: 'resource', id: f.appId },
          protocol: 'tcp',
          port: 22,
        },
        { zonesDown },
      );
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.result;
    };
    const zoneA = Object.values(f.design.resources).find(
      (r) => r.kind === 'availabilityZone' && r.name === 'us-east-1a',
    )!;
    expect(ask([]).forward[2]!.component).toBe('association of Staff VPN in Public');
    const shifted = ask([zoneA.id]);
    expect(shifted.reachable).toBe(true);
    expect(shifted.forward[2]!.component).toBe('association of Staff VPN in Private');
  });
});

/**
 * An endpoint AWS would refuse to create is no source at all. AWS Client VPN
 * Administrator Guide, "Rules and best practices for using AWS Client VPN"
 * (docs.aws.amazon.com/vpn/latest/clientvpn-admin/what-is-best-practices.html):
 * "Client CIDR ranges must have a block size of at least /22 and must not be
 * greater than /12", and they "cannot overlap with the local CIDR of the VPC".
 */
describe('a Client VPN endpoint AWS refuses', () => {
  const outcomeFor = (clientCidr: string) => {
    const f = clientVpnDesign(({ endpoint }) => void (endpoint.clientCidr = clientCidr));
    return analyzeReachability(f.design, {
      from: { kind: 'resource', id: f.endpointId },
      to: { kind: 'resource', id: f.appId },
      protocol: 'tcp',
      port: 22,
    });
  };

  it('with a /24 client CIDR reaches nothing, and says AWS refuses the size', () => {
    const outcome = outcomeFor('172.16.0.0/24');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toContain('172.16.0.0/24');
    expect(outcome.error).toContain('must have a block size of at least /22 and must not be greater than /12');
  });

  it('with a client CIDR inside the VPC reaches nothing, and says it overlaps the VPC', () => {
    const outcome = outcomeFor('10.0.4.0/22');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toContain('overlaps VPC\u2019s 10.0.0.0/16');
  });
});

/**
 * AWS Client VPN Administrator Guide, "Split-tunnel on AWS Client VPN
 * endpoints" (split-tunnel-vpn.html): with split tunnel on, only the routes of
 * the endpoint's route table are pushed to the device; other traffic goes over
 * the device's own connection, never through the VPN, so no authorization rule
 * is consulted for it.
 */
describe('split tunnel and a destination outside the endpoint\u2019s routes', () => {
  it('says the traffic is not sent over the VPN, before any authorization rule', () => {
    const f = clientVpnDesign(({ endpoint }) => void (endpoint.splitTunnel = true));
    const r = reach(f, { internet: true }, 443);
    expect(r.reachable).toBe(false);
    expect(r.blockedBy).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', component: 'route table of Staff VPN' });
    expect(r.forward).toHaveLength(1);
    expect(r.forward[0]!.explanation).toContain('not sent over the VPN');
  });
});
