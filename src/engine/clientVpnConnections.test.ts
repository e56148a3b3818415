import { describe, expect, it } from 'vitest';
import type { ClientVpnEndpoint } from '../domain';
import { sequentialIds } from '../domain';
import { connect } from './connections';
import { clientVpnDesign } from './rules/testing/clientVpnDesign';

describe('connecting a Client VPN endpoint', () => {
  const { design, endpointId } = clientVpnDesign(({ endpoint, publicSubnetId }) => {
    endpoint.routes.push({ destinationCidr: '0.0.0.0/0', targetSubnetId: endpoint.targetSubnetIds[0]! });
    void publicSubnetId;
  });
  const byName = (name: string) => Object.values(design.resources).find((r) => r.name === name)!;

  it('to a subnet of another zone adds an association', () => {
    const result = connect(design, endpointId, byName('Public').id, sequentialIds());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const endpoint = result.design.resources[endpointId] as ClientVpnEndpoint;
    expect(endpoint.targetSubnetIds).toEqual([byName('Private').id, byName('Public').id]);
  });

  it('to a second subnet of the same zone replaces that zone\u2019s association and its routes', () => {
    const twin = { ...byName('Private'), id: 'subnet-twin', name: 'Private twin', cidr: '10.0.2.0/24' } as never;
    const withTwin = { ...design, resources: { ...design.resources, 'subnet-twin': twin } };
    const result = connect(withTwin, 'subnet-twin', endpointId, sequentialIds());
    expect(result.ok && result.summary).toBe(
      'Private twin is associated with Staff VPN instead of Private (one subnet per zone).',
    );
    if (!result.ok) return;
    const endpoint = result.design.resources[endpointId] as ClientVpnEndpoint;
    expect(endpoint.targetSubnetIds).toEqual(['subnet-twin']);
    expect(endpoint.routes).toEqual([]);
  });

  it('to a security group adds it to the associations\u2019 interfaces, once', () => {
    const app = byName('app');
    const result = connect(design, app.id, endpointId, sequentialIds());
    expect(result.ok && (result.design.resources[endpointId] as ClientVpnEndpoint).securityGroupIds).toHaveLength(2);
    expect(connect(design, byName('vpn').id, endpointId, sequentialIds())).toEqual({
      ok: false,
      reason: 'Staff VPN already uses vpn.',
    });
  });
});
