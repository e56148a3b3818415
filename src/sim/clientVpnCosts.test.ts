import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { PRICES, type ClientVpnEndpoint, type Design } from '../domain';
import { clientVpnDesign } from '../engine/rules/testing/clientVpnDesign';
import { Simulation } from './simulation';
import { staticRates } from './staticCosts';
import { GB } from './dataTransfer';

/**
 * AWS Client VPN pricing, US East (N. Virginia), https://aws.amazon.com/vpn/pricing/:
 * $0.10 per endpoint association-hour and $0.05 per connection-hour. AWS's way
 * of adding them up: two subnets associated for a day are 2 × 24 × $0.10 =
 * $4.80; ten users connected for 8 hours are 10 × 8 × $0.05 = $4.00.
 */
describe('Client VPN association and connection charges', () => {
  const { design, endpointId } = clientVpnDesign(({ endpoint, publicSubnetId }) => {
    endpoint.targetSubnetIds.push(publicSubnetId);
    endpoint.connectedClients = 10;
  });
  const withClients = (d: Design, clients: number) =>
    produce(d, (draft) => void ((draft.resources[endpointId] as ClientVpnEndpoint).connectedClients = clients));

  it('prices us-east-1 as AWS lists them', () => {
    expect(PRICES.clientVpn).toEqual({ associationHour: 0.1, connectionHour: 0.05 });
    expect(staticRates(design).filter((r) => r.id.startsWith(endpointId))).toEqual([
      { id: endpointId, name: 'Staff VPN (2 associations)', usdPerHour: 0.2 },
      { id: `${endpointId}/connections`, name: 'Staff VPN (10 connections)', usdPerHour: 0.5 },
    ]);
  });

  it('two associations for a day and ten users for 8 hours come to $4.80 and $4.00', () => {
    const sim = new Simulation(design);
    sim.runUntil(8 * 3600);
    sim.syncDesign(withClients(design, 0));
    sim.runUntil(24 * 3600);
    const byId = new Map(sim.cost().byResource.map((r) => [r.id, r]));
    expect(byId.get(endpointId)!.total).toBeCloseTo(4.8, 9);
    expect(byId.get(`${endpointId}/connections`)!.total).toBeCloseTo(4.0, 9);
    expect(byId.get(`${endpointId}/connections`)!.ratePerHour).toBe(0);
  });

  it('an endpoint with no association and no one connected costs nothing', () => {
    const idle = produce(design, (draft) => {
      const endpoint = draft.resources[endpointId] as ClientVpnEndpoint;
      endpoint.targetSubnetIds = [];
      endpoint.connectedClients = 0;
    });
    expect(staticRates(idle).filter((r) => r.id.startsWith(endpointId))).toEqual([]);
  });
});

describe('Client VPN users as a flow', () => {
  it('a flow from a Client VPN user to a private instance is delivered, and refused once the rule goes', () => {
    const { design, endpointId, appId } = clientVpnDesign();
    const flow = {
      id: 'ssh',
      name: 'Admins → App SSH',
      from: endpointId,
      to: appId,
      protocol: 'tcp' as const,
      port: 22,
      ratePerSecond: 2,
    };
    const sim = new Simulation({ ...design, flows: [flow] });
    sim.runUntil(10);
    expect(sim.traffic.flowCounters().find((f) => f.id === 'ssh')).toMatchObject({ sent: 20, delivered: 20 });
    const closed = new Simulation({
      ...produce(design, (draft) => void ((draft.resources[endpointId] as ClientVpnEndpoint).authorizationRules = [])),
      flows: [flow],
    });
    closed.runUntil(10);
    expect(closed.traffic.flowCounters().find((f) => f.id === 'ssh')).toMatchObject({ sent: 20, delivered: 0 });
  });
});

/**
 * AWS Client VPN pricing (https://aws.amazon.com/vpn/pricing/): besides the
 * association- and connection-hours, data sent from AWS to the users is billed
 * as standard data transfer out, at the EC2 internet tiers (Amazon EC2 On-Demand
 * pricing, "Data Transfer OUT From Amazon EC2 To Internet": first 100 GB a month
 * free, then $0.09 per GB). The responses a user downloads go out over the
 * internet to the device.
 */
describe('Client VPN data transfer out', () => {
  it('bills the responses sent to a Client VPN user as data transfer out to the internet', () => {
    const { design, endpointId, appId } = clientVpnDesign();
    const flow = {
      id: 'download',
      name: 'Admin downloads from App',
      from: endpointId,
      to: appId,
      protocol: 'tcp' as const,
      port: 22,
      ratePerSecond: 10,
      requestBytes: 1_000,
      responseBytes: 2 ** 20,
    };
    const sim = new Simulation({ ...design, flows: [flow] });
    sim.runUntil(1000);
    const delivered = sim.traffic.flowCounters().find((f) => f.id === 'download')!.delivered;
    expect(delivered).toBe(10_000);
    const egress = sim.summary().dataTransfer.find((l) => l.line === 'Data transfer: out to the internet')!;
    // Only the responses leave AWS; the requests come in from the user, which is free.
    expect(egress.gb).toBeCloseTo((delivered * 2 ** 20) / GB, 9);
  });
});

/**
 * ClientVpnEndpointStatus (EC2 API Reference): "pending-associate - The Client
 * VPN endpoint has been created but no target networks have been associated.
 * The Client VPN endpoint cannot accept connections." And
 * DisassociateClientVpnTargetNetwork: disassociating the last target network
 * terminates all active client connections.
 */
describe('Client VPN connections need a target network', () => {
  it('bills no connection-hours while no subnet is associated', () => {
    const { design, endpointId } = clientVpnDesign(({ endpoint }) => void (endpoint.targetSubnetIds = []));
    expect(staticRates(design).filter((r) => r.id.startsWith(endpointId))).toEqual([]);
  });
});
