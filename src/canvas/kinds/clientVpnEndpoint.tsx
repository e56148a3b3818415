import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const clientVpnEndpointView: KindView<'clientVpnEndpoint'> = {
  node: card(ICONS.clientVpn, ACCENT.hybrid),
  icon: ICONS.clientVpn,
  palette: [{ group: 'Hybrid', id: 'client-vpn', label: 'Client VPN endpoint', hint: 'Drop in a VPC' }],
  band: 'top',
  // Its target-network associations, as the console lists them.
  edges: [{ field: 'targetSubnetIds', role: 'link', direction: 'out' }],
  facts: (_, endpoint, facts) => {
    const associations = endpoint.targetSubnetIds.length;
    facts.lines.push(`clients ${endpoint.clientCidr}`);
    facts.lines.push(
      `${associations} subnet${associations === 1 ? '' : 's'} · ${endpoint.connectedClients} connected${endpoint.splitTunnel ? ' · split tunnel' : ''}`,
    );
  },
};
