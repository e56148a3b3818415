import { describe, expect, it } from 'vitest';
import { validateDesign } from '../validate';
import { clientVpnDesign } from './testing/clientVpnDesign';

/** AWS Client VPN Administrator Guide, "Rules and best practices for using AWS Client VPN" (what-is-best-practices.html). */
const codes = (edit: Parameters<typeof clientVpnDesign>[0]) =>
  validateDesign(clientVpnDesign(edit).design)
    .filter((f) => f.code.startsWith('CLIENT_VPN'))
    .map((f) => f.code);

describe('Client VPN endpoint rules', () => {
  it('a /22 client CIDR outside the VPC, one association per zone, has no finding', () => {
    expect(codes(() => {})).toEqual([]);
  });

  it('refuses a client CIDR smaller than /22 or larger than /12, in AWS\u2019s words', () => {
    const found = validateDesign(
      clientVpnDesign(({ endpoint }) => void (endpoint.clientCidr = '172.16.0.0/24')).design,
    );
    const size = found.find((f) => f.code === 'CLIENT_VPN_CIDR_SIZE');
    expect(size?.severity).toBe('error');
    expect(size?.message).toContain('must have a block size of at least /22 and must not be greater than /12');
    expect(codes(({ endpoint }) => void (endpoint.clientCidr = '172.0.0.0/11'))).toEqual(['CLIENT_VPN_CIDR_SIZE']);
    expect(codes(({ endpoint }) => void (endpoint.clientCidr = '172.16.0.0/12'))).toEqual([]);
  });

  it('refuses a client CIDR overlapping the VPC or a route added by hand', () => {
    expect(codes(({ endpoint }) => void (endpoint.clientCidr = '10.0.4.0/22'))).toEqual([
      'CLIENT_VPN_CIDR_OVERLAPS_VPC',
    ]);
    expect(
      codes(({ endpoint }) => {
        endpoint.routes.push({ destinationCidr: '172.16.1.0/24', targetSubnetId: endpoint.targetSubnetIds[0]! });
      }),
    ).toEqual(['CLIENT_VPN_CIDR_OVERLAPS_ROUTE']);
  });

  it('refuses two associations in one zone and a route through a subnet that is not associated', () => {
    expect(
      codes(({ endpoint, publicSubnetId }) => {
        endpoint.routes.push({ destinationCidr: '0.0.0.0/0', targetSubnetId: publicSubnetId });
      }),
    ).toEqual(['CLIENT_VPN_ROUTE_TARGET_NOT_ASSOCIATED']);
    const sameZone = clientVpnDesign();
    const subnets = Object.values(sameZone.design.resources).filter((r) => r.kind === 'subnet');
    const endpoint = sameZone.design.resources[sameZone.endpointId];
    if (endpoint?.kind !== 'clientVpnEndpoint') throw new Error('fixture');
    const privateSubnet = subnets.find((s) => s.name === 'Private')!;
    const twin = {
      ...privateSubnet,
      id: 'subnet-twin' as typeof privateSubnet.id,
      name: 'Private twin',
      cidr: '10.0.2.0/24',
    };
    const design = {
      ...sameZone.design,
      resources: {
        ...sameZone.design.resources,
        [twin.id]: twin,
        [endpoint.id]: { ...endpoint, targetSubnetIds: [...endpoint.targetSubnetIds, twin.id] },
      },
    };
    const found = validateDesign(design).filter((f) => f.code === 'CLIENT_VPN_ASSOCIATION_SAME_ZONE');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('at most one subnet per Availability Zone');
  });

  it('warns when users can connect but no authorization rule lets them reach anything', () => {
    expect(codes(({ endpoint }) => void (endpoint.authorizationRules = []))).toEqual(['CLIENT_VPN_NO_AUTHORIZATION']);
  });
});

/**
 * ClientVpnEndpointStatus (EC2 API Reference): an endpoint with no target
 * network is `pending-associate` and "cannot accept connections".
 */
describe('Client VPN connections with no target network', () => {
  it('warns that users counted as connected cannot connect while no subnet is associated', () => {
    const found = validateDesign(clientVpnDesign(({ endpoint }) => void (endpoint.targetSubnetIds = [])).design).find(
      (f) => f.code === 'CLIENT_VPN_NOT_ASSOCIATED',
    );
    expect(found?.severity).toBe('warning');
    expect(found?.message).toContain('pending-associate');
    expect(found?.message).toContain('10 connected users');
  });

  it('says nothing when no one is counted as connected', () => {
    expect(
      codes(({ endpoint }) => {
        endpoint.targetSubnetIds = [];
        endpoint.connectedClients = 0;
      }),
    ).toEqual([]);
  });
});
