import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const vpnConnectionView: KindView<'vpnConnection'> = {
  node: card(ICONS.vpnConnection, ACCENT.hybrid),
  icon: ICONS.vpnConnection,
  palette: [{ group: 'Hybrid', id: 'vpn', label: 'Site-to-Site VPN', hint: 'Needs a VGW and a customer gateway' }],
  edges: [
    { field: 'vpnGatewayId', role: 'link', direction: 'in' },
    { field: 'customerGatewayId', role: 'link', direction: 'out' },
  ],
  band: 'bottom',
  // AWS gives every Site-to-Site VPN connection two tunnels.
  facts: (_, vpn, facts) => void facts.lines.push(`2 tunnels · ${vpn.routing}`),
};
